import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copySpecs, runCli, tempDir } from '../helpers/cli.js';
import { REPO } from '../helpers/shared.js';

// What a run loads at run time, beside its bundle: packages resolved through require() show in
// Node's module cache. A run whose settings and specs are sound must not load the parsers it
// does not call (`yaml`, for positions; js-yaml 3 and esprima, gray-matter's own YAML engine),
// which cost every run about 50 ms before any work. A broken spec still gets its position.

/** Runs the CLI with a preload that writes the paths of every required module at exit. */
function loadedModules(args: readonly string[]): { code: number; stdout: string; stderr: string; modules: string[] } {
  const dir = tempDir('pd-modules-');
  const list = path.join(dir, 'modules.txt');
  const probe = path.join(dir, 'probe.mjs');
  fs.writeFileSync(
    probe,
    "import fs from 'node:fs';\nimport { createRequire } from 'node:module';\nconst cache = createRequire(import.meta.url).cache;\n" +
      `process.on('exit', () => fs.writeFileSync(${JSON.stringify(list)}, Object.keys(cache).join('\\n')));\n`,
  );
  const r = runCli(args, REPO, { NODE_OPTIONS: `--import ${probe}` });
  const modules = fs.readFileSync(list, 'utf8').split('\n').filter(Boolean).map((m) => m.split(path.sep).join('/'));
  fs.rmSync(dir, { recursive: true, force: true });
  return { ...r, modules };
}

const parsersNotCalled = (modules: readonly string[]) => modules.filter((m) => /\/node_modules\/(yaml|esprima)\/|\/gray-matter\/node_modules\/js-yaml\//.test(m));

describe('modules a run loads', () => {
  it('a sound run with settings loads neither `yaml` nor gray-matter\'s js-yaml and esprima', () => {
    const specs = copySpecs();
    const out = tempDir('pd-out-');
    const r = loadedModules(['generate', '--registry', specs, '--out', out, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    // The settings were read (their frontmatter through gray-matter): the provider page has their title.
    const page = fs.readFileSync(path.join(out, 'providers', 'databricks_workspace', 'index.md'), 'utf8');
    expect(page).toContain('Databricks Workspace');
    expect(parsersNotCalled(r.modules)).toEqual([]);
  });

  it('malformed YAML loads `yaml` to find the key at the error, and reports it', () => {
    const specs = copySpecs();
    const service = path.join(specs, 'databricks_workspace', 'v00.00.00000', 'services', 'workspace.yaml');
    fs.writeFileSync(service, fs.readFileSync(service, 'utf8').replace('      x-stackQL-resource: user_tokens\n', '      x-stackQL-resource: [user_tokens\n'));
    const r = loadedModules(['generate', '--registry', specs, '--out', tempDir('pd-out-')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/workspace\.yaml:\d+:\d+: error yaml-syntax: .*\/paths\/~1api~12\.0~1token~1create\/post\/x-stackQL-resource/);
    expect(r.modules.some((m) => m.includes('/node_modules/yaml/'))).toBe(true);
  });
});
