import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copySpecs, runCli, snapshot, tempDir } from '../helpers/cli.js';
import { REPO } from '../helpers/shared.js';

// Each bad input: exit code 2, one error line naming file:line:column and the
// JSON pointer, and an output folder left exactly as it was.

const WS = 'databricks_workspace/v00.00.00000';
const STAT_CACHE = '.provider-docs-cache.json';
const SERVICE = `${WS}/services/workspace.yaml`;

function edit(root: string, rel: string, fn: (s: string) => string): void {
  const p = path.join(root, rel);
  fs.writeFileSync(p, fn(fs.readFileSync(p, 'utf8')));
}

function lineOf(root: string, rel: string, needle: string): number {
  const lines = fs.readFileSync(path.join(root, rel), 'utf8').split('\n');
  const i = lines.findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`${needle} not in ${rel}`);
  return i + 1;
}

interface Case {
  readonly name: string;
  readonly breakIt: (root: string, settings: string) => void;
  readonly code: RegExp;
  readonly file: string;
  readonly line: (root: string, settings: string) => number;
  readonly pointer: string;
}

const cases: Case[] = [
  {
    name: 'malformed YAML',
    breakIt: (r) => edit(r, SERVICE, (s) => s.replace('      x-stackQL-resource: user_tokens\n', '      x-stackQL-resource: [user_tokens\n')),
    code: /error yaml-syntax: malformed YAML/,
    file: SERVICE,
    line: (r) => lineOf(r, SERVICE, 'x-stackQL-resource: [user_tokens') + 1,
    pointer: '/paths/~1api~12.0~1token~1create/post/x-stackQL-resource',
  },
  {
    // Read as "no resources", it would remove the service's pages; a dev server meets one while an editor writes it.
    name: 'an empty service file',
    breakIt: (r) => fs.writeFileSync(path.join(r, SERVICE), ''),
    code: /error yaml-empty: the file is empty/,
    file: SERVICE,
    line: () => 1,
    pointer: '',
  },
  {
    name: 'a missing service file',
    breakIt: (r) => fs.rmSync(path.join(r, SERVICE)),
    code: /error file-missing: service file not found: .*workspace\.yaml/,
    file: `${WS}/provider.yaml`,
    line: (r) => lineOf(r, `${WS}/provider.yaml`, 'services/workspace.yaml'),
    pointer: '/providerServices/workspace/service/$ref',
  },
  {
    name: 'a $ref that resolves to nothing',
    breakIt: (r) => edit(r, SERVICE, (s) => s.replace("$ref: '#/paths/~1api~12.0~1token~1list/get'", "$ref: '#/paths/~1api~12.0~1token~1nowhere/get'")),
    code: /error ref-unresolved: \$ref resolves to nothing: #\/paths\/~1api~12.0~1token~1nowhere\/get/,
    file: SERVICE,
    line: (r) => lineOf(r, SERVICE, 'token~1nowhere'),
    pointer: '/components/x-stackQL-resources/user_tokens/methods/listtokens/operation/$ref',
  },
  {
    name: 'a method whose operation is missing',
    breakIt: (r) => edit(r, SERVICE, (s) => s.replace("          operation:\n            $ref: '#/paths/~1api~12.0~1token~1delete/post'\n", '')),
    code: /error operation-missing: method "revoketoken" has no operation\.\$ref/,
    file: SERVICE,
    line: (r) => lineOf(r, SERVICE, '        revoketoken:'),
    pointer: '/components/x-stackQL-resources/user_tokens/methods/revoketoken',
  },
  {
    // An id that does not end in its key is only a warning (the key's id is used); one naming another service's resource of the same key is not.
    name: 'two resources with the same id',
    breakIt: (r) =>
      edit(r, `${WS}/services/compute.yaml`, (s) =>
        s.replaceAll('global_init_scripts', 'repos').replace('id: databricks_workspace.compute.repos', 'id: databricks_workspace.workspace.repos'),
      ),
    code: /error resource-duplicate-id: resource id databricks_workspace\.workspace\.repos is defined twice/,
    file: SERVICE,
    line: (r) => fs.readFileSync(path.join(r, SERVICE), 'utf8').split('\n').indexOf('    repos:') + 1,
    pointer: '',
  },
  {
    name: 'a settings file with bad frontmatter',
    breakIt: (_r, settings) => fs.writeFileSync(path.join(settings, 'databricks_workspace.md'), '---\nbrand: Databricks\nimage: [unclosed\n---\nBody\n'),
    code: /error settings-frontmatter: bad frontmatter/,
    file: 'settings/databricks_workspace.md',
    line: () => 4,
    pointer: '',
  },
];

describe('bad input: exit 2, file:line and pointer, output untouched', () => {
  let good: string;
  beforeAll(() => {
    good = tempDir('pd-good-');
    const r = runCli(['generate', '--out', good]);
    expect(r.code, r.stderr).toBe(0);
  });

  for (const c of cases) {
    it(c.name, () => {
      const root = copySpecs();
      const work = tempDir('pd-work-');
      const settings = path.join(work, 'settings');
      fs.cpSync(path.join(REPO, 'site', 'providers'), settings, { recursive: true });
      const out = path.join(work, 'out');
      fs.cpSync(good, out, { recursive: true, preserveTimestamps: true });
      c.breakIt(root, settings);
      const before = snapshot(out);
      const r = runCli(['generate', '--registry', root, '--settings', settings, '--out', out], work);
      expect(r.code).toBe(2);
      const line = c.line(root, settings);
      const err = r.stderr.split('\n').find((l) => c.code.test(l));
      expect(err, r.stderr).toBeDefined();
      // Named from the current folder (work), so the path can be opened as printed.
      const file = c.file.startsWith('settings/') ? c.file : path.relative(work, path.join(root, c.file)).split(path.sep).join('/');
      expect(err!.startsWith(`${file}:${line}:`), `${err} should start with ${file}:${line}:`).toBe(true);
      if (c.pointer) expect(err).toContain(`(at ${c.pointer})`);
      else if (c.name.includes('same id')) expect(err).toMatch(/\(at \/components\/x-stackQL-resources\/repos\)/);
      // The broken provider's pages and the manifest are exactly as they were; the other
      // provider is regenerated (unchanged here), which may refresh the machine-local stat cache.
      const settled = (m: Map<string, string>) => new Map([...m].filter(([p]) => p !== STAT_CACHE));
      expect(settled(snapshot(out))).toEqual(settled(before));
    });
  }

  it('a registry root that does not exist', () => {
    const r = runCli(['generate', '--registry', '/nonexistent/registry', '--out', tempDir()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/registry root not found: \/nonexistent\/registry/);
  });
});

describe('warnings', () => {
  it('are printed once, counted in the summary, and --strict makes them errors', () => {
    const root = copySpecs();
    edit(root, SERVICE, (s) => {
      const lines = s.split('\n');
      const at = lines.findIndex((l) => l.includes('- name: path_prefix'));
      const schema = lines.findIndex((l, i) => i > at && l.trim() === 'schema:');
      lines.splice(schema, 2);
      return lines.join('\n');
    });
    const out = tempDir();
    const r = runCli(['generate', '--registry', root, '--out', out], root);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stderr.split('\n').filter((l) => l.includes('param-no-schema'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^${SERVICE.replace(/\./g, '\\.')}:\\d+:\\d+: warning param-no-schema: parameter "path_prefix" has no schema`));
    expect(r.stdout).toMatch(/0 errors, 1 warnings/);
    const strict = runCli(['generate', '--registry', root, '--out', tempDir(), '--strict']);
    expect(strict.code).toBe(2);
    expect(strict.stderr).toMatch(/error param-no-schema/);
  });
});
