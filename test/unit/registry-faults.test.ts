import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../generator/generate.js';
import { exitCodeOf } from '../../generator/report.js';
import type { Diagnostic } from '../../generator/diagnostics.js';
import { pathSegment } from '../../generator/render/classic-context.js';
import { tempDir } from '../helpers/cli.js';
import { providerYaml, serviceYaml, writeRegistry } from '../helpers/mini-registry.js';

// Registry faults StackQL reads past: each is a warning naming file, line and
// pointer, the provider still generates; what would make a page wrong stays an error.

const P = 'p/v1';
const NO_SETTINGS = tempDir('pd-no-settings-');

async function run(files: Record<string, string>) {
  const root = writeRegistry(files);
  const out = path.join(tempDir('pd-out-'), 'docs');
  const result = await generate({ registry: root, out, settings: NO_SETTINGS });
  const page = (rel: string) => {
    const p = path.join(out, rel);
    return fs.existsSync(p) ? fs.readFileSync(p, 'utf8') : undefined;
  };
  const lineOf = (rel: string, needle: string) => fs.readFileSync(path.join(root, rel), 'utf8').split('\n').findIndex((l) => l.includes(needle)) + 1;
  // Diagnostics name files as seen from the current folder.
  const shown = (rel: string) => path.relative(process.cwd(), path.join(root, rel)).split(path.sep).join('/');
  return { result, page, lineOf, shown };
}

const only = (ds: readonly Diagnostic[], severity: string) => ds.filter((d) => d.severity === severity);

interface Tolerated {
  readonly name: string;
  readonly files: Record<string, string>;
  readonly code: string;
  readonly file: string;
  readonly needle: string;
  readonly pointer: string;
  /** A page that must exist, and what it must say. */
  readonly page: readonly [string, RegExp];
}

const tolerated: Tolerated[] = [
  {
    name: 'a service $ref that differs from the file only in case',
    files: { [`${P}/provider.yaml`]: providerYaml('p', { org: `${P}/services/org.yaml` }), [`${P}/services/Org.yaml`]: serviceYaml() },
    code: 'service-ref-case',
    file: `${P}/provider.yaml`,
    needle: 'services/org.yaml',
    pointer: '/providerServices/org/service/$ref',
    page: ['providers/p/org/things/index.md', /^title: things$/m],
  },
  {
    name: 'a folder of the $ref that differs only in case',
    files: { [`${P}/provider.yaml`]: providerYaml('p', { s: `${P}/Services/s.yaml` }), [`${P}/services/s.yaml`]: serviceYaml() },
    code: 'service-ref-case',
    file: `${P}/provider.yaml`,
    needle: 'Services/s.yaml',
    pointer: '/providerServices/s/service/$ref',
    page: ['providers/p/s/things/index.md', /^title: things$/m],
  },
  {
    name: 'an unknown YAML tag on a scalar in provider.yaml (read as absent)',
    files: {
      [`${P}/provider.yaml`]: providerYaml('p', { s: `${P}/services/s.yaml` }).replace('    title: s service\n', "    title: s service\n    description: !<tag:yaml.org,2002:js/undefined> ''\n"),
      [`${P}/services/s.yaml`]: serviceYaml(),
    },
    code: 'yaml-unknown-tag',
    file: `${P}/provider.yaml`,
    needle: 'js/undefined',
    pointer: '/providerServices/s/description',
    page: ['providers/p/s/index.md', /^title: s$/m],
  },
  {
    name: 'an unknown YAML tag on a scalar in a service file',
    files: {
      [`${P}/provider.yaml`]: providerYaml('p', { s: `${P}/services/s.yaml` }),
      [`${P}/services/s.yaml`]: serviceYaml({ description: '!custom Lists things.' }),
    },
    code: 'yaml-unknown-tag',
    file: `${P}/services/s.yaml`,
    needle: '!custom',
    pointer: '/paths/~1things/get/description',
    page: ['providers/p/s/things/index.md', /^title: things$/m],
  },
  {
    name: 'a resource id that disagrees with its key (the key is used)',
    files: {
      [`${P}/provider.yaml`]: providerYaml('p', { s: `${P}/services/s.yaml` }),
      [`${P}/services/s.yaml`]: serviceYaml({ resourceKey: 'thing', resourceId: 'p.s.things' }),
    },
    code: 'resource-id-mismatch',
    file: `${P}/services/s.yaml`,
    needle: 'id: p.s.things',
    pointer: '/components/x-stackQL-resources/thing/id',
    page: ['providers/p/s/thing/index.md', /FROM p\.s\.thing\b/],
  },
];

describe('registry faults StackQL tolerates are warnings', () => {
  for (const c of tolerated) {
    it(c.name, async () => {
      const { result, page, lineOf, shown } = await run(c.files);
      expect(only(result.diagnostics, 'error')).toEqual([]);
      expect(exitCodeOf(result, {})).toBe(0);
      const found = result.diagnostics.filter((d) => d.code === c.code);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ severity: 'warning', file: shown(c.file), pointer: c.pointer, line: lineOf(c.file, c.needle) });
      expect(page(c.page[0])).toMatch(c.page[1]);
    });
  }

  it('two keys sharing one id (awscc `resource` and `resources`): each keeps its key, no duplicate-id error', async () => {
    const text = serviceYaml({ resourceKey: 'resources' });
    const second = text.slice(text.indexOf('    resources:\n')).replace(/resources:\n(\s+)id: p\.s\.resources\n(\s+)name: resources/, 'resource:\n$1id: p.s.resources\n$2name: resource').replace('x-stackQL-resources/resources/methods', 'x-stackQL-resources/resource/methods');
    const { result, page } = await run({ [`${P}/provider.yaml`]: providerYaml('p', { s: `${P}/services/s.yaml` }), [`${P}/services/s.yaml`]: text + second });
    expect(only(result.diagnostics, 'error')).toEqual([]);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['resource-id-mismatch']);
    expect(page('providers/p/s/resource/index.md')).toMatch(/FROM p\.s\.resource\b/);
    expect(page('providers/p/s/resources/index.md')).toMatch(/FROM p\.s\.resources\b/);
  });
});

interface Refused {
  readonly name: string;
  readonly files: Record<string, string>;
  readonly code: string;
  readonly message: RegExp;
}

const refused: Refused[] = [
  {
    name: 'a $ref that matches two files when case is ignored',
    files: { [`${P}/provider.yaml`]: providerYaml('p', { org: `${P}/services/org.yaml` }), [`${P}/services/Org.yaml`]: serviceYaml(), [`${P}/services/ORG.yaml`]: serviceYaml() },
    code: 'file-missing',
    message: /service file not found/,
  },
  {
    name: 'an unknown YAML tag on a mapping (a whole subtree would be lost)',
    files: {
      [`${P}/provider.yaml`]: providerYaml('p', { s: `${P}/services/s.yaml` }),
      [`${P}/services/s.yaml`]: serviceYaml().replace('              schema:\n', '              schema: !custom\n'),
    },
    code: 'yaml-syntax',
    message: /unknown tag !<!custom>/,
  },
];

describe('faults that would make a page wrong stay errors', () => {
  for (const c of refused) {
    it(c.name, async () => {
      const { result } = await run(c.files);
      expect(exitCodeOf(result, {})).toBe(2);
      expect(only(result.diagnostics, 'error')).toMatchObject([{ code: c.code, message: expect.stringMatching(c.message) }]);
    });
  }
});

describe('folders and files are named so that Docusaurus routes them', () => {
  const table: [string, string][] = [
    ['users', 'users'],
    ['_well_known', 'well_known'],
    ['__private', 'private'],
    ['.hidden', 'hidden'],
    ['_.x', 'x'],
    ['a_b', 'a_b'],
    ['with space', 'with-space'],
    ['', '-'],
    ['.', '-'],
    ['..', '--'],
    ['_', '-'],
  ];
  for (const [name, segment] of table) {
    it(`${JSON.stringify(name)} -> ${JSON.stringify(segment)}`, () => expect(pathSegment(name)).toBe(segment));
  }

  it('a service named _well_known: its folder, its links and its pages agree, and the pages show the real name', async () => {
    const { result, page } = await run({ [`${P}/provider.yaml`]: providerYaml('p', { _well_known: `${P}/services/wk.yaml` }), [`${P}/services/wk.yaml`]: serviceYaml() });
    expect(exitCodeOf(result, {})).toBe(0);
    expect(result.paths.filter((p) => p.split('/').some((s) => s.startsWith('_')))).toEqual([]);
    expect(page('providers/p/well_known/index.md')).toMatch(/^title: _well_known$/m);
    expect(page('providers/p/index.md')).toContain('/providers/p/well_known/');
    expect(page('providers/p/well_known/index.md')).toContain('/providers/p/well_known/things/');
  });
});

describe("the provider's title comes from provider.yaml", () => {
  const table: [string, string, string][] = [
    ['name differs from the folder (googleapis.com / google)', 'id: google\nname: google\n', 'google'],
    ['a title', 'id: google\nname: google\ntitle: Google Cloud\n', 'Google Cloud'],
    ['only an id', 'id: google\n', 'google'],
    ['nothing: the folder name', '', 'googleapis.com'],
    ['an empty title: the name', "name: google\ntitle: ''\n", 'google'],
  ];
  for (const [name, head, title] of table) {
    it(name, async () => {
      const body = providerYaml('x', { s: 'googleapis.com/v1/services/s.yaml' }).replace(/^id: x\nname: x\n/, head);
      const { result, page } = await run({ 'googleapis.com/v1/provider.yaml': body, 'googleapis.com/v1/services/s.yaml': serviceYaml() });
      expect(exitCodeOf(result, {})).toBe(0);
      expect(page('providers/googleapis.com/index.md')).toMatch(new RegExp(`^title: ${title.replace('.', '\\.')}$`, 'm'));
    });
  }
});
