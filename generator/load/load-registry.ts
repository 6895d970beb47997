import fs from 'node:fs';
import path from 'node:path';
import type { DiagnosticBag } from '../diagnostics.js';
import { sha256Hex } from '../sha256.js';
import { parseYaml } from './parse-yaml.js';
import { joinPointer } from '../json-pointer.js';
import type { RawSpec } from './raw-spec.js';

/** One parsed spec file. `path` is relative to the registry root, with `/` separators. */
export interface LoadedFile {
  readonly path: string;
  readonly absPath: string;
  readonly text: string;
  /** The parsed mapping; undefined when the file is kept only to locate its diagnostics (it did not parse, or is not a mapping). */
  readonly doc: RawSpec | undefined;
  /** sha256 (hex) of the bytes read, when asked for (input-fingerprint.ts `learn`). */
  readonly sha256?: string;
}

/** A service named by provider.yaml, found on disk but not yet read. */
export interface ServiceRef {
  readonly provider: string;
  readonly name: string;
  readonly entry: Readonly<Record<string, unknown>>;
  readonly entryPointer: string;
  /** Path relative to the registry root, `/`-separated. */
  readonly rel: string;
  readonly size: number;
}

export interface ProviderIndex {
  readonly name: string;
  readonly file: LoadedFile;
  readonly services: readonly ServiceRef[];
}

export interface RegistryIndex {
  readonly root: string;
  readonly providers: readonly ProviderIndex[];
  /** Every provider the run covers, also those whose provider.yaml could not be used. */
  readonly names: readonly string[];
  readonly files: ReadonlyMap<string, LoadedFile>;
}

export interface LoadOptions {
  /** Only these providers; all found under the root when empty. */
  readonly providers?: readonly string[];
}

/**
 * Reads a registry root laid out as `<provider>/<version>/provider.yaml` and
 * finds the service files its `providerServices.*.service.$ref` name (relative
 * to the root), without reading those.
 */
export function loadRegistryIndex(root: string, options: LoadOptions, bag: DiagnosticBag): RegistryIndex {
  const absRoot = path.resolve(root);
  const files = new Map<string, LoadedFile>();
  const providers: ProviderIndex[] = [];

  if (!isDir(absRoot)) {
    const what = fs.existsSync(absRoot) ? `registry root is a file, not a folder: ${root}` : `registry root not found: ${root}`;
    bag.error('registry-missing', `${what} (expected a folder laid out as <provider>/<version>/provider.yaml)`, absRoot, '');
    return { root: absRoot, providers, names: [], files };
  }
  const found = findProviderFiles(absRoot);
  if (found.size === 0) {
    bag.error('registry-empty', `no provider under ${root} (expected <provider>/<version>/provider.yaml)`, absRoot, '');
  }
  const wanted = options.providers && options.providers.length > 0 ? [...new Set(options.providers)].sort() : [...found.keys()];
  for (const name of wanted) {
    const rel = found.get(name);
    if (!rel) {
      if (found.size > 0) bag.error('provider-missing', `no provider "${name}" under ${root} (expected ${name}/<version>/provider.yaml)`, absRoot, '');
      continue;
    }
    // provider.yaml files are small: always hashed, for a fingerprint that waits for them.
    const file = readFile(absRoot, rel, bag, files, true);
    if (!file) continue;
    providers.push({ name, file, services: findServices(absRoot, name, file, bag) });
  }
  return { root: absRoot, providers, names: wanted.filter((name) => found.has(name)), files };
}

/** Reads and parses one service file; undefined (reported) when it cannot be used. `hash`: also hash its bytes (in `files`, also for a file that did not parse). */
export function loadServiceFile(absRoot: string, ref: ServiceRef, bag: DiagnosticBag, files: Map<string, LoadedFile>, hash = false): LoadedFile | undefined {
  return readFile(absRoot, ref.rel, bag, files, hash);
}

function findServices(absRoot: string, providerName: string, provider: LoadedFile, bag: DiagnosticBag): ServiceRef[] {
  const services = provider.doc?.providerServices;
  if (!isRecord(services)) {
    bag.error('provider-no-services', 'provider.yaml has no providerServices map', provider.path, '/providerServices');
    return [];
  }
  const out: ServiceRef[] = [];
  const listings = new Map<string, readonly string[]>();
  for (const name of Object.keys(services).sort()) {
    const entry = services[name];
    const entryPointer = joinPointer('/providerServices', name);
    const ref = isRecord(entry) && isRecord(entry['service']) ? entry['service']['$ref'] : undefined;
    if (typeof ref !== 'string' || ref === '') {
      bag.error('service-ref-missing', `service "${name}" has no service.$ref`, provider.path, entryPointer);
      continue;
    }
    const refPointer = joinPointer(entryPointer, 'service', '$ref');
    const rel = ref.split('#')[0]!.replace(/\\/g, '/');
    const resolved = path.resolve(absRoot, rel);
    if (!resolved.startsWith(absRoot + path.sep)) {
      bag.error('service-ref-outside', `service "${name}" points outside the registry root: ${ref}`, provider.path, refPointer);
      continue;
    }
    const wanted = path.relative(absRoot, resolved).split(path.sep).join('/');
    const found = spelledOnDisk(absRoot, wanted, listings);
    if (found === undefined) {
      bag.error('file-missing', `service file not found: ${rel}`, provider.path, refPointer);
      continue;
    }
    if (found.rel !== wanted) {
      bag.warning('service-ref-case', `service file ${wanted} is spelled ${found.rel} on disk; that file is used`, provider.path, refPointer);
    }
    out.push({ provider: providerName, name, entry: entry as Record<string, unknown>, entryPointer, rel: found.rel, size: found.size });
  }
  return out;
}

/**
 * The file `rel` names, as it is spelled on disk. Registries are written on
 * case-insensitive file systems, where a `$ref` to `org.yaml` finds `Org.yaml`,
 * and StackQL reads them that way: a segment that matches only when case is
 * ignored is taken when it matches exactly one entry. Every segment is looked up
 * in its folder's listing, so the answer (and the warning) is the same on every
 * file system.
 */
function spelledOnDisk(absRoot: string, rel: string, listings: Map<string, readonly string[]>): { rel: string; size: number } | undefined {
  let dir = absRoot;
  const spelled: string[] = [];
  for (const segment of rel.split('/')) {
    let names = listings.get(dir);
    if (names === undefined) {
      try {
        names = fs.readdirSync(dir);
      } catch {
        return undefined;
      }
      listings.set(dir, names);
    }
    let name: string | undefined = names.includes(segment) ? segment : undefined;
    if (name === undefined) {
      const folded = segment.toLowerCase();
      const matches = names.filter((n) => n.toLowerCase() === folded);
      if (matches.length !== 1) return undefined;
      name = matches[0]!;
    }
    spelled.push(name);
    dir = path.join(dir, name);
  }
  try {
    const st = fs.statSync(dir);
    return st.isFile() ? { rel: spelled.join('/'), size: st.size } : undefined;
  } catch {
    return undefined;
  }
}

function readFile(absRoot: string, rel: string, bag: DiagnosticBag, files: Map<string, LoadedFile>, hash = false): LoadedFile | undefined {
  const cached = files.get(rel);
  if (cached) return cached.doc === undefined ? undefined : cached;
  const absPath = path.join(absRoot, rel);
  let text: string;
  try {
    text = fs.readFileSync(absPath, 'utf8');
  } catch (e) {
    bag.error('file-unreadable', `cannot read ${rel}: ${(e as Error).message}`, rel, '');
    return undefined;
  }
  const doc = parseYaml(text, rel, bag);
  const sha256 = hash ? hashOfText(text, absPath) : undefined;
  const file: LoadedFile = { path: rel, absPath, text, doc: isRecord(doc) ? doc : undefined, ...(sha256 === undefined ? {} : { sha256 }) };
  // A file that failed to parse is kept so its diagnostics can still be located.
  files.set(rel, file);
  if (doc === undefined) return undefined;
  if (file.doc === undefined) {
    bag.error('yaml-not-mapping', 'expected a YAML mapping at the top of the file', rel, '');
    return undefined;
  }
  return file;
}

/**
 * The hash of the bytes that decoded to `text`, without reading them again:
 * text decoded from valid UTF-8 encodes back to exactly those bytes, and
 * decoding replaces anything invalid with U+FFFD, so a text without U+FFFD is
 * hashed as it is. A text with one (an invalid byte, or the character itself)
 * has its file read and hashed as bytes.
 */
export function hashOfText(text: string, absPath: string): string {
  return text.includes('\uFFFD') ? sha256Hex(fs.readFileSync(absPath)) : sha256Hex(text);
}

/** provider name -> relative path of its provider.yaml (highest version directory wins). */
function findProviderFiles(absRoot: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of fs.readdirSync(absRoot).sort()) {
    const pdir = path.join(absRoot, p);
    if (!isDir(pdir)) continue;
    for (const v of fs.readdirSync(pdir).sort()) {
      if (fs.existsSync(path.join(pdir, v, 'provider.yaml'))) out.set(p, `${p}/${v}/provider.yaml`);
    }
  }
  return out;
}

function isDir(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
