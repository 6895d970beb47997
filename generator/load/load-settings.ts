import fs from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import yaml from 'js-yaml';
import type { DiagnosticBag } from '../diagnostics.js';

export interface LoadedSettings {
  readonly file: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly body: string;
}

/**
 * Reads `<dir>/<provider>.md` (frontmatter + markdown prose) for each provider.
 * A provider without a file gets defaults later; a file with broken
 * frontmatter is an error that names the file and line.
 *
 * Prose is written for one provider of one registry: a file whose `registry`
 * (a folder, relative to the file) holds another provider than this run's
 * (not this run's `registryRoot`, nor a copy of its provider.yaml) is not applied,
 * so the provider page is generated from the spec alone. A file without
 * `registry` applies to any registry it is given with.
 */
export function loadSettings(dir: string | undefined, providers: readonly string[], bag: DiagnosticBag, registryRoot?: string): Map<string, LoadedSettings> {
  const out = new Map<string, LoadedSettings>();
  if (!dir) return out;
  if (!isDir(dir)) {
    // Without it the provider pages would silently lose their prose.
    bag.error('settings-missing', `settings folder not found: ${dir}`, path.resolve(dir), '');
    return out;
  }
  for (const name of providers) {
    const abs = path.resolve(dir, `${name}.md`);
    if (!fs.existsSync(abs)) continue;
    const file = path.relative(process.cwd(), abs).split(path.sep).join('/') || abs;
    const report = (code: string, message: string, pointer: string, line?: number, column?: number) => bag.error(code, message, abs, pointer, line, column);
    const text = fs.readFileSync(abs, 'utf8');
    try {
      // gray-matter caches by content; an options object disables that, so a
      // corrected file is re-read rather than a stale parse reused. Its YAML is
      // read by the js-yaml the specs are read by (4; gray-matter carries 3).
      const parsed = matter(text, { engines: { yaml: frontmatterYaml } });
      const data = parsed.data;
      if (data === null || typeof data !== 'object' || Array.isArray(data)) {
        report('settings-frontmatter', 'frontmatter must be a mapping', '', 1, 1);
        continue;
      }
      const image = data['image'];
      // Docusaurus refuses a page whose `image` is not a URL: catch it here, with the file named.
      if (image !== undefined && (typeof image !== 'string' || !/^(https?:\/\/|\/)[^\s"'<>{}\\`]*$/.test(image))) {
        report('settings-invalid', `image must be a site path (/img/...) or an http(s) URL, got ${JSON.stringify(image)}`, '/image', lineOfKey(text, 'image'), 1);
        continue;
      }
      const registry = data['registry'];
      if (registry !== undefined && (typeof registry !== 'string' || registry.trim() === '')) {
        report('settings-invalid', `registry must be the folder of the registry this file is written for, relative to the file, got ${JSON.stringify(registry)}`, '/registry', lineOfKey(text, 'registry'), 1);
        continue;
      }
      if (typeof registry === 'string' && registryRoot !== undefined && !sameProvider(path.resolve(path.dirname(abs), registry), registryRoot, name)) continue;
      out.set(name, { file, data, body: parsed.content.trim() });
    } catch (e) {
      const err = e as { mark?: { line: number; column: number }; reason?: string; message: string };
      // The YAML parser counts lines from the `---` line's end: its line 0 is that line.
      const line = err.mark ? err.mark.line + 1 : 1;
      const column = err.mark ? err.mark.column + 1 : 1;
      report('settings-frontmatter', `bad frontmatter: ${err.reason ?? err.message.split('\n')[0]}`, '', line, column);
    }
  }
  return out;
}

function frontmatterYaml(text: string): object {
  return yaml.load(text) as object;
}

/**
 * Whether the run's registry holds the provider the file was written for: the
 * same folder, or a copy of it (the provider's `provider.yaml` files, per
 * version, byte for byte the same: a checkout elsewhere, a test's copy). A
 * folder that is not there cannot be compared, and does not stop the file.
 */
function sameProvider(written: string, run: string, provider: string): boolean {
  if (realPath(written) === realPath(run)) return true;
  // Settings copied away from the registry they name (a site moved, a test's copy) cannot be checked: they apply as given.
  if (!fs.existsSync(written)) return true;
  const a = providerFiles(written, provider);
  const b = providerFiles(run, provider);
  return a.size > 0 && a.size === b.size && [...a].every(([version, text]) => b.get(version) === text);
}

function realPath(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

/** `<root>/<provider>/<version>/provider.yaml` contents by version. */
function providerFiles(root: string, provider: string): Map<string, string> {
  const out = new Map<string, string>();
  const dir = path.join(root, provider);
  let versions: string[];
  try {
    versions = fs.readdirSync(dir);
  } catch {
    return out;
  }
  for (const v of versions) {
    const file = path.join(dir, v, 'provider.yaml');
    if (fs.existsSync(file)) out.set(v, fs.readFileSync(file, 'utf8'));
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

function lineOfKey(text: string, key: string): number | undefined {
  const i = text.split('\n').findIndex((l) => l.startsWith(`${key}:`));
  return i < 0 ? undefined : i + 1;
}
