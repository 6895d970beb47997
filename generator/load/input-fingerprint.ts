import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

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
}

export function inputFingerprint(input: FingerprintInput): Map<string, string> {
  const out = new Map<string, string>();
  const root = path.resolve(input.registry);
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
  for (const rel of [...specs].sort()) out.set(`spec:${rel}`, hashFile(path.join(root, rel)));
  for (const p of providers.sort()) {
    if (input.settingsDir) {
      const s = path.resolve(input.settingsDir, `${p}.md`);
      out.set(`settings:${p}`, fs.existsSync(s) ? hashFile(s) : 'absent');
    }
  }
  input.templateDirs.forEach((dir, i) => {
    for (const rel of listFiles(dir)) out.set(`template:${i}:${rel}`, hashFile(path.join(dir, rel)));
  });
  out.set('options', sha(JSON.stringify(input.options)));
  const code = createHash('sha256');
  for (const rel of listFiles(input.codeDir)) code.update(rel).update(fs.readFileSync(path.join(input.codeDir, rel)));
  out.set('generator', code.digest('hex'));
  return out;
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

function sha(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

function hashFile(p: string): string {
  return createHash('sha256').update(fs.readFileSync(p)).digest('hex');
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
