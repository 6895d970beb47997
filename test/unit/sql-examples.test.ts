import { describe, expect, it } from 'vitest';
import { loadTemplates } from '../../generator/load/load-templates.js';
import type { Provider, Resource, Service } from '../../generator/model/types.js';
import { classicResourceContext, classicManifest } from '../../generator/render/classic-context.js';
import { detailedResourceContext } from '../../generator/render/detailed-context.js';
import { isPlainIdent, sqlIdent } from '../../generator/render/sql-ident.js';
import { compileTemplates } from '../../generator/render/template-env.js';
import { compilePage } from '../helpers/compile-mdx.js';
import { miniService } from '../helpers/mini-spec.js';

// SQL examples must be valid StackQL and every <Tabs> must have unique values,
// whatever names the spec uses.

const layouts = { classic: compileTemplates(loadTemplates('classic')), detailed: compileTemplates(loadTemplates('detailed')) };

function provider(service: Service): Provider {
  return {
    name: 'p',
    version: 'v1',
    title: 'P',
    description: '',
    services: [service],
    settings: { brand: 'Brand', description: 'Docs', image: '/img.png', body: '' },
    source: { file: 'p.yaml', pointer: '' },
  };
}

function render(layout: 'classic' | 'detailed', service: Service, resource: Resource): string {
  const ctx = layout === 'classic' ? classicResourceContext(provider(service), service, resource) : detailedResourceContext(provider(service), service, resource);
  return layouts[layout].page('resource')(ctx);
}

/** Values of every `<Tabs>` on a page, one list per Tabs. */
export function tabValues(page: string): string[][] {
  return [...page.matchAll(/<Tabs[\s\S]*?values=\{\[([\s\S]*?)\]\s*\}/g)].map((m) => [...m[1]!.matchAll(/value: '([^']*)'/g)].map((x) => x[1]!));
}

const str = { type: 'string' };
const obj = (properties: Record<string, unknown>, required?: string[]) => ({ type: 'object', properties, ...(required ? { required } : {}) });

describe('sqlIdent: plain identifiers as they are, anything else in double quotes (StackQL delimits identifiers with ")', () => {
  it.each([
    ['cluster_id', 'cluster_id'],
    ['_x1', '_x1'],
    ['x-amz-account-id', '"x-amz-account-id"'],
    ['@odata.type', '"@odata.type"'],
    ['$filter', '"$filter"'],
    ['spec.cluster', '"spec.cluster"'],
    ['enable-X-Frame-Options', '"enable-X-Frame-Options"'],
    ['1st', '"1st"'],
    ['a"b', '"a""b"'],
    ['data__x-y', '"data__x-y"'],
  ])('%s -> %s', (name, expected) => {
    expect(sqlIdent(name)).toBe(expected);
    expect(isPlainIdent(name)).toBe(name === expected);
  });
});

describe('names that are not identifiers are quoted in every SQL position, both layouts', () => {
  const { service } = miniService(
    {
      r: {
        methods: {
          list: { params: [{ name: 'x-amz-account-id', in: 'header', required: true }, { name: '$filter' }], response: obj({ '@odata.type': str, plain: str }) },
          create: { method: 'post', params: [{ name: 'spec.cluster', in: 'path' }], body: obj({ 'enable-X-Frame-Options': { type: 'boolean' }, name: str }, ['enable-X-Frame-Options']) },
          update: { method: 'patch', params: [{ name: 'spec.cluster', in: 'path' }], body: obj({ 'artifact_type.value': str }) },
          delete: { method: 'delete', params: [{ name: 'spec.cluster', in: 'path' }] },
          run: { method: 'post', params: [{ name: 'x-run', required: true }], body: obj({ a: str }) },
        },
        sqlVerbs: { select: ['list'], insert: ['create'], update: ['update'], delete: ['delete'] },
      },
    },
    { servers: false },
  );
  const resource = service.resources[0]!;

  it('classic', async () => {
    const page = render('classic', service, resource);
    expect(page).toContain(`SELECT\n"@odata.type",\nplain\nFROM p.s.r\nWHERE "x-amz-account-id" = '{{ x-amz-account-id }}';`);
    expect(page).toContain(`INSERT INTO p.s.r (\n"spec.cluster",\n"data__enable-X-Frame-Options"\n)`);
    expect(page).toContain(`DELETE FROM p.s.r\nWHERE "spec.cluster" = '{{ spec.cluster }}';`);
    await compilePage(page, 'classic.mdx');
  });

  it('detailed', async () => {
    const page = render('detailed', service, resource);
    expect(page).toContain(`SELECT\n"@odata.type",\nplain\nFROM p.s.r\nWHERE "x-amz-account-id" = '{{ x-amz-account-id }}'\n-- AND "$filter" = '{{ $filter }}'`);
    expect(page).toContain(`INSERT INTO p.s.r (\n"spec.cluster",\n"data__enable-X-Frame-Options",\ndata__name\n)`);
    expect(page).toContain(`SET\n"data__artifact_type.value" = '{{ artifact_type.value }}'\nWHERE "spec.cluster" = '{{ spec.cluster }}'`);
    expect(page).toContain(`EXEC p.s.r.run\n@"x-run" = '{{ x-run }}', /* required */`);
    await compilePage(page, 'detailed.mdx');
  });
});

describe('tab values are unique on every page, whatever the method names', () => {
  const methods = {
    insert_a: { method: 'post', body: obj({ a: str }) },
    create: { method: 'post', body: obj({ b: str }) },
    manifest: { method: 'post', body: obj({ c: str }) },
    view: {},
    resource: {},
  };
  const { service } = miniService({ r: { methods, sqlVerbs: { insert: ['insert_a', 'create', 'manifest'], select: ['view', 'resource'] } } }, { servers: false });
  it.each(['classic', 'detailed'] as const)('%s', async (layout) => {
    const page = render(layout, service, service.resources[0]!);
    const groups = tabValues(page);
    expect(groups.length).toBeGreaterThan(0);
    for (const values of groups) expect(new Set(values).size, values.join(',')).toBe(values.length);
    for (const m of page.matchAll(/defaultValue="([^"]*)"/g)) expect(page).toContain(`<TabItem value="${m[1]}">`);
    await compilePage(page, `${layout}.mdx`);
  });
});

describe('INSERT: never an empty column list; the manifest reads the body schema', () => {
  it.each([
    ['no body, no parameters', {}, 'This method takes no parameters and no request body.'],
    ['a body without named fields', { body: { type: 'string' } }, 'This method takes no parameters; its request body (application/json, string) has no named fields.'],
  ])('%s: said in words, both layouts', (_label, op, words) => {
    const { service } = miniService({ r: { methods: { create: { method: 'post', ...op } }, sqlVerbs: { insert: ['create'] } } }, { servers: false });
    for (const layout of ['classic', 'detailed'] as const) {
      const page = render(layout, service, service.resources[0]!);
      expect(page).toContain(words);
      expect(page).not.toMatch(/INSERT INTO/);
    }
  });

  it('classic manifest: values from example, examples, else samples of the schema', () => {
    const { service } = miniService(
      { r: { methods: { create: { method: 'post', body: { ...obj({ num: { type: 'integer' }, s: str, o: obj({ k: { type: 'boolean' } }) }, ['num', 's', 'o']), examples: [{ s: 'from-examples' }] } } }, sqlVerbs: { insert: ['create'] } } },
      { servers: false },
    );
    expect(classicManifest(service.resources[0]!.methods[0]!)).toBe(
      ['- name: your_resource_model_name', '  props:', '  - name: num', '    value: 0', '  - name: s', '    value: from-examples', '  - name: o', '    value:', '      k: false', ''].join('\n'),
    );
  });
});
