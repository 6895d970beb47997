import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sha256Hex } from '../sha256.js';
import { statEntry, type StatEntry } from '../file-stat.js';

// Everything that decides the output, hashed: the spec files of the chosen
// providers, their settings files, the templates, the options and the
// generator's own code. Service files may sit anywhere under the registry root
// (provider.yaml names them by path), so a run over every provider hashes the
// whole root, and a run over some hashes their folders plus every file their
// provider.yaml files name; a scan for `$ref:` lines finds those without
// loading the YAML parser. Equal fingerprints and untouched outputs mean a run
// would write the same bytes, so it can stop before parsing. Hashing 10 MB of
// YAML takes a few tens of milliseconds; parsing it takes a second.

export interface FingerprintInput {
  readonly registry: string;
  readonly providers: readonly string[];
  readonly settingsDir?: string;
  readonly templateDirs: readonly string[];
  readonly options: Readonly<Record<string, unknown>>;
  /** Folder of the running generator's code (dist/ or generator/). */
  readonly codeDir: string;
  /**
   * The hash a file had when an earlier run saw it with exactly this stat, when that can be
   * trusted (the record of the last run: write/inputs-record.ts). A file it answers for is not
   * read, so a run that finds nothing changed reads no spec at all.
   */
  readonly knownHash?: (abs: string, stat: fs.BigIntStats) => string | undefined;
  /** The clock a file's age is judged by, in ns (by default the system's: tests pass a later one). */
  readonly nowNs?: () => bigint;
}

/**
 * A file changed less than this long before it was read is hashed but its stat is not recorded
 * (`files`), so the next run reads it again. File times come from a coarse clock (a few ms on
 * Linux, up to 2 s on FAT): a second edit within the same tick, after the read, would leave the
 * stat as recorded beside the hash of the bytes before it.
 */
const SETTLED_NS = 2_000_000_000n;



/**
 * A run's input fingerprint, whose spec files may be hashed later, by whoever
 * reads them anyway. A cold run (no record of an earlier run to compare with,
 * no cached service) needs the spec hashes only at its end, for the record and
 * the service cache, and its loader reads every service file: hashing those
 * bytes there (`learn`) spares reading the whole registry a second time.
 * `complete` hashes what nobody reported; the result is the same map either way.
 */
export class Fingerprint {
  /** Every input but the spec files still pending; complete after `complete()`. */
  readonly inputs = new Map<string, string>();
  private readonly root: string;
  /** Spec files (relative to the root) whose hashes have not come in yet, with their stat before anyone read them. */
  private readonly pending = new Map<string, fs.BigIntStats | undefined>();
  /**
   * Every file hashed (read or known), by absolute path, with the stat it had before it was read
   * (an edit after that moves the stat): what the next run's knownHash may answer from.
   */
  readonly files = new Map<string, StatEntry>();
  private readonly knownHash: FingerprintInput['knownHash'];
  private readonly nowNs: () => bigint;

  constructor(input: FingerprintInput, deferSpecs: boolean) {
    this.knownHash = input.knownHash;
    this.nowNs = input.nowNs ?? (() => BigInt(Date.now()) * 1_000_000n);
    const out = this.inputs;
    const root = (this.root = path.resolve(input.registry));
    const chosen = input.providers.length > 0;
    const providers = chosen ? [...new Set(input.providers)] : listDirs(root);
    const specs = new Set<string>(chosen ? [] : listFiles(root));
    for (const p of providers.sort()) {
      if (!chosen) continue;
      for (const rel of listFiles(path.join(root, p))) specs.add(`${p}/${rel}`);
      for (const version of listDirs(path.join(root, p))) {
        for (const rel of namedFiles(root, path.join(root, p, version, 'provider.yaml'))) specs.add(rel);
      }
    }
    for (const rel of [...specs].sort()) {
      if (deferSpecs) this.pending.set(rel, statOf(path.join(root, rel)));
      else out.set(`spec:${rel}`, this.hashFile(path.join(root, rel)));
    }
    for (const p of providers.sort()) {
      if (input.settingsDir) {
        const s = path.resolve(input.settingsDir, `${p}.md`);
        out.set(`settings:${p}`, fs.existsSync(s) ? this.hashFile(s) : 'absent');
      }
    }
    input.templateDirs.forEach((dir, i) => {
      for (const rel of listFiles(dir)) out.set(`template:${i}:${rel}`, this.hashFile(path.join(dir, rel)));
    });
    out.set('options', sha256Hex(JSON.stringify(input.options)));
    // Each file's name and hash: the same files with the same bytes give the same hash.
    const code = createHash('sha256');
    for (const rel of listFiles(input.codeDir)) code.update(`${rel}\0${this.hashFile(path.join(input.codeDir, rel))}\0`);
    out.set('generator', code.digest('hex'));
  }

  /** The file's hash: known from its stat when the last run saw it so, else read. */
  private hashFile(abs: string): string {
    const stat = statOf(abs);
    const known = stat && this.knownHash?.(abs, stat);
    const sha256 = known ?? sha256Hex(fs.readFileSync(abs));
    if (stat) this.record(abs, sha256, stat);
    return sha256;
  }

  /** Keeps the file's stat beside its hash, unless it changed too recently to be sure of (SETTLED_NS). */
  private record(abs: string, sha256: string, stat: fs.BigIntStats): void {
    const changed = stat.mtimeNs > stat.ctimeNs ? stat.mtimeNs : stat.ctimeNs;
    if (this.nowNs() - changed < SETTLED_NS) return;
    this.files.set(abs, statEntry(sha256, stat));
  }

  /** True while some spec file's hash is still to come. */
  get incomplete(): boolean {
    return this.pending.size > 0;
  }

  /** The hash of the bytes of spec file `rel` (relative to the root), read by someone else; ignored for a file the fingerprint does not cover. */
  learn(rel: string, sha256: string): void {
    if (!this.pending.has(rel)) return;
    // The stat was taken before the loader read the file: if it changed in between, the stat the next run sees differs.
    const stat = this.pending.get(rel);
    this.pending.delete(rel);
    this.inputs.set(`spec:${rel}`, sha256);
    if (stat) this.record(path.join(this.root, rel), sha256, stat);
  }

  /** Hashes the spec files no one reported; returns the whole fingerprint. */
  complete(): Map<string, string> {
    for (const rel of [...this.pending.keys()].sort()) {
      const abs = path.join(this.root, rel);
      this.pending.delete(rel);
      this.inputs.set(`spec:${rel}`, this.hashFile(abs));
    }
    return this.inputs;
  }
}

/** The stat of a regular file (a link's target: that is what is read), else undefined. */
function statOf(abs: string): fs.BigIntStats | undefined {
  try {
    const st = fs.statSync(abs, { bigint: true });
    return st.isFile() ? st : undefined;
  } catch {
    return undefined;
  }
}

/** Files under `root` that `$ref:` lines of a provider.yaml name, relative to the root, when they exist. */
function namedFiles(root: string, providerFile: string): string[] {
  let text: string;
  try {
    text = fs.readFileSync(providerFile, 'utf8');
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const m of text.matchAll(/["']?\$ref["']?\s*:\s*["']?([^"'#\r\n,}]+)/g)) {
    const abs = path.resolve(root, m[1]!.trim());
    if (!abs.startsWith(root + path.sep)) continue;
    try {
      if (fs.statSync(abs).isFile()) out.push(path.relative(root, abs).split(path.sep).join('/'));
    } catch {
      // a name that is no file: the loader reports it
    }
  }
  return out;
}

function listDirs(dir: string): string[] {
  try {
    return fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
  } catch {
    return [];
  }
}

function listFiles(dir: string, base = dir): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const e of entries) {
    // Hidden entries (.git, editors' swap files) decide nothing.
    if (e.name.startsWith('.')) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p, base));
    else if (e.isFile()) out.push(path.relative(base, p).split(path.sep).join('/'));
  }
  return out.sort();
}
