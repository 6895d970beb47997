import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { loadTemplates } from '../../generator/load/load-templates.js';
import type { Field, Method, Provider, Resource, Service } from '../../generator/model/types.js';
import { datatype } from '../../generator/render/detailed-body.js';
import { detailedResourceContext } from '../../generator/render/detailed-context.js';
import { safeHttpUrl, whereLines } from '../../generator/render/detailed-examples.js';
import { FIELD_DEPTH, fieldViews, parameterRows, slug, type FieldView } from '../../generator/render/detailed-tables.js';
import { compileTemplates } from '../../generator/render/template-env.js';
import { uniqueValues, viewTabValue } from '../../generator/render/unique-values.js';
import { compilePage } from '../helpers/compile-mdx.js';
import { miniService } from '../helpers/mini-spec.js';
import { htmlRegions, regionAnchors } from '../helpers/page-checks.js';

const templates = compileTemplates(loadTemplates('detailed'));

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

function render(service: Service, resource: Resource): string {
  return templates.page('resource')(detailedResourceContext(provider(service), service, resource));
}

function resourceOf(service: Service, name: string): Resource {
  const r = service.resources.find((x) => x.name === name);
  if (!r) throw new Error(`no resource ${name}`);
  return r;
}

/** The body of the first fenced block after `marker`. */
function sqlAfter(page: string, marker: string): string {
  const at = page.indexOf(marker);
  expect(at, marker).toBeGreaterThanOrEqual(0);
  const m = /```sql\n([\s\S]*?)\n```/.exec(page.slice(at));
  expect(m, `sql after ${marker}`).not.toBeNull();
  return m![1]!;
}

const obj = (properties: Record<string, unknown>, required?: string[]) => ({ type: 'object', properties, ...(required ? { required } : {}) });

describe('detailed context: building blocks', () => {
  it.each([
    ['cluster_id', 'cluster_id'],
    ['a.b', 'a-b'],
    ['a b/c', 'a-b-c'],
    ['$ref', 'ref'],
    ['"><x', 'x'],
    ['***', 'x'],
    ['Name-2', 'Name-2'],
  ])('slug(%j) = %j', (name, expected) => {
    expect(slug(name)).toBe(expected);
  });

  it('uniqueValues numbers repeats', () => {
    const u = uniqueValues();
    expect(['a', 'a', 'b', 'a', 'a-2'].map(u)).toEqual(['a', 'a-2', 'b', 'a-3', 'a-2-2']);
  });

  it.each([
    [1, 0, 'vw', 'view'],
    [2, 0, 'vw', 'view'],
    [2, 1, 'vw_b', 'view_vw_b'],
  ])('viewTabValue(%i, %i, %s) is %s in both layouts', (count, index, name, expected) => {
    expect(viewTabValue(count, index, name)).toBe(expected);
  });

  it.each([
    ['https://docs.databricks.com/api/x', 'https://docs.databricks.com/api/x'],
    ['http://example.com', 'http://example.com/'],
    ['  https://example.com/a b  ', 'https://example.com/a%20b'],
    ['https://example.com/"onclick', 'https://example.com/%22onclick'],
    ['javascript:alert(1)', undefined],
    ['JavaScript:alert(1)', undefined],
    [' javascript:alert(1)', undefined],
    ['data:text/html,<script>', undefined],
    ['/relative/path', undefined],
    ['//example.com', undefined],
    ['https://', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('safeHttpUrl(%j) = %j', (url, expected) => {
    expect(safeHttpUrl(url)).toBe(expected);
  });

  it.each([
    [{ type: 'integer', format: 'int64' }, 'integer (int64)'],
    [{ type: 'array', itemType: 'object' }, 'array<object>'],
    [{ type: 'array' }, 'array'],
    [{ type: 'unknown' }, 'unknown'],
  ])('datatype(%j) = %j', (f, expected) => {
    expect(datatype(f)).toBe(expected);
  });

  it(`cuts sub-fields at FIELD_DEPTH (${FIELD_DEPTH}) and says so, memoised per field list`, () => {
    const chain = (n: number): Field[] =>
      n === 0 ? [] : [{ name: `level${n}`, type: 'object', description: '', required: false, fields: chain(n - 1), source: { file: '', pointer: '' } }];
    const top = chain(FIELD_DEPTH + 3);
    const views = fieldViews(top, 0);
    let v: FieldView = views[0]!;
    let levels = 0;
    while (v.fields.length > 0) {
      v = v.fields[0]!;
      levels++;
    }
    expect(levels).toBe(FIELD_DEPTH);
    expect(v.elided).toBe(true);
    expect(v.hasNote).toBe(true);
    expect(fieldViews(top, 0)).toBe(views);
  });
});

describe('detailed context: parameters', () => {
  const { service } = miniService({
    r: {
      methods: {
        list: { params: [{ name: 'a.b' }, { name: 'a-b' }, { name: 'page_size', schema: { type: 'integer' } }], response: obj({ id: { type: 'string' } }), description: 'List them.' },
        get: { params: [{ name: 'id', in: 'path', required: true, schema: undefined }, { name: 'a.b', required: true }], response: obj({ id: { type: 'string' } }) },
        delete: { method: 'delete', params: [{ name: 'id', in: 'path', required: true, schema: undefined }] },
      },
      sqlVerbs: { select: ['list', 'get'], delete: ['delete'] },
    },
  });
  const resource = resourceOf(service, 'r');

  it('lists every parameter once, path first and server variables last, with page-unique anchors', () => {
    const { rows } = parameterRows(resource.methods);
    expect(rows.map((r) => [r.name, r.anchor, r.location])).toEqual([
      ['id', 'parameter-id', 'path'],
      ['a-b', 'parameter-a-b', 'query'],
      ['a.b', 'parameter-a-b-2', 'query'],
      ['page_size', 'parameter-page_size', 'query'],
      ['deployment_name', 'parameter-deployment_name', 'server variable'],
    ]);
    // A parameter the spec gives without a schema is listed with its type unknown.
    expect(rows[0]!.datatype).toBe('unknown');
  });

  it('every link on the page has its anchor, and every anchor is unique', async () => {
    const page = render(service, resource);
    // The rows' anchors are in the Methods and Parameters regions, each of which declares them
    // to Docusaurus' link check (HtmlRegion's anchors).
    const html = htmlRegions(page).join('\n');
    const ids = [...html.matchAll(/ id='([^']+)'/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(0);
    expect(regionAnchors(page).flat()).toEqual(ids);
    const hrefs = [...html.matchAll(/<a href='#([^']+)'>/g), ...page.matchAll(/\]\(#((?:method|parameter)-[^)]+)\)/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(hrefs.length).toBeGreaterThan(0);
    for (const h of hrefs) expect(ids).toContain(h);
    await compilePage(page, 'params.mdx');
  });

  it('methods link required and optional parameters separately', () => {
    const ctx = detailedResourceContext(provider(service), service, resource);
    const list = ctx.methods.find((m) => m.name === 'list')!;
    expect(list.required.map((p) => p.name)).toEqual(['deployment_name']);
    expect(list.optional.map((p) => p.name)).toEqual(['a-b', 'a.b', 'page_size']);
  });

  it('WHERE: required parameters, then optional ones commented out; numbers unquoted; names that are not identifiers in double quotes', () => {
    const page = render(service, resource);
    expect(sqlAfter(page, "<TabItem value=\"list\">")).toBe(
      ['SELECT', 'id', 'FROM p.s.r', "WHERE deployment_name = '{{ deployment_name }}'", `-- AND "a-b" = '{{ a-b }}'`, `-- AND "a.b" = '{{ a.b }}'`, '-- AND page_size = {{ page_size }}', ';'].join('\n'),
    );
    const list = resource.methods.find((m) => m.name === 'list')!;
    const noRequired = whereLines({ ...list, requiredParams: [], params: list.params.filter((p) => !p.required) } as Method);
    expect(noRequired.map((l) => `${l.commented ? '-- ' : ''}${l.keyword} ${l.name}`)).toEqual(['-- WHERE a-b', '-- AND a.b', '-- AND page_size']);
  });

  it('describes a parameter per method when the methods disagree', () => {
    const { service: s } = miniService({
      r: {
        methods: {
          get: { params: [{ name: 'id', required: true, description: 'The thing to read.' } as never] },
          delete: { method: 'delete', params: [{ name: 'id', required: true, description: 'The thing to delete.' } as never] },
          list: { params: [{ name: 'id', description: 'The thing to read.' } as never] },
        },
        sqlVerbs: { select: ['get', 'list'], delete: ['delete'] },
      },
    });
    const row = parameterRows(resourceOf(s, 'r').methods).rows.find((r) => r.name === 'id')!;
    expect(row.description).toBe('');
    expect(row.variants).toEqual([
      { methods: ['get', 'list'], description: 'The thing to read.' },
      { methods: ['delete'], description: 'The thing to delete.' },
    ]);
  });
});

describe('detailed context: INSERT, UPDATE, DELETE and EXEC examples', () => {
  const body = obj(
    {
      name: { type: 'string', description: 'Display name.' },
      size: { type: 'integer', format: 'int32' },
      enabled: { type: 'boolean' },
      tags: { type: 'object', properties: { team: { type: 'string' } } },
    },
    ['name'],
  );
  const { service } = miniService({
    r: {
      methods: {
        get: { params: [{ name: 'id', required: true }], response: obj({ id: { type: 'string' }, name: { type: 'string' } }) },
        create: { method: 'post', body, response: obj({ id: { type: 'string' } }) },
        update: { method: 'patch', params: [{ name: 'id', in: 'path', required: true }], body },
        remove: { method: 'post', body: obj({ id: { type: 'string' }, force: { type: 'boolean' } }, ['id']) },
        start: { method: 'post', params: [{ name: 'id', in: 'path', required: true }, { name: 'wait', schema: { type: 'boolean' } }], body: obj({ reason: { type: 'string' }, count: { type: 'integer' } }, ['reason']) },
        stop: { method: 'post', params: [{ name: 'id', in: 'path', required: true }, { name: 'wait', schema: { type: 'boolean' } }, { name: 'why' }] },
        ping: { method: 'post', params: [{ name: 'a' }, { name: 'b' }] },
      },
      sqlVerbs: { select: ['get'], insert: ['create'], update: ['update'], delete: ['remove'] },
    },
  });
  const resource = resourceOf(service, 'r');
  const page = render(service, resource);

  it('compiles', async () => {
    await compilePage(page, 'examples.mdx');
  });

  it('INSERT lists the body fields, marks required ones, leaves numbers and booleans unquoted, returns the response fields', () => {
    expect(sqlAfter(page, '## `INSERT` examples')).toBe(
      [
        'INSERT INTO p.s.r (',
        'deployment_name,',
        'data__name,',
        'data__size,',
        'data__enabled,',
        'data__tags',
        ')',
        'SELECT',
        "'{{ deployment_name }}', /* required */",
        "'{{ name }}', /* required */",
        '{{ size }},',
        '{{ enabled }},',
        "'{{ tags }}'",
        'RETURNING',
        'id',
        ';',
      ].join('\n'),
    );
  });

  it('the manifest is YAML listing each property with its type and description', () => {
    const m = /```yaml\n([\s\S]*?)\n```/.exec(page)!;
    const doc = yaml.load(m[1]!) as { name: string; props: Record<string, unknown>[] }[];
    expect(doc[0]!.name).toBe('r');
    expect(doc[0]!.props).toEqual([
      { name: 'deployment_name', value: 'string', type: 'string', required: true },
      { name: 'name', value: 'string', type: 'string', required: true, description: 'Display name.' },
      { name: 'size', value: 0, type: 'integer (int32)' },
      { name: 'enabled', value: false, type: 'boolean' },
      { name: 'tags', value: { team: 'string' }, type: 'object' },
    ]);
  });

  it('UPDATE sets the body fields', () => {
    expect(sqlAfter(page, '## `UPDATE` examples')).toBe(
      [
        'UPDATE p.s.r',
        'SET',
        "data__name = '{{ name }}', /* required */",
        'data__size = {{ size }},',
        'data__enabled = {{ enabled }},',
        "data__tags = '{{ tags }}'",
        "WHERE id = '{{ id }}'",
        "AND deployment_name = '{{ deployment_name }}'",
        ';',
      ].join('\n'),
    );
  });

  it('DELETE passes the required body fields, the optional ones commented out', () => {
    expect(sqlAfter(page, '## `DELETE` examples')).toBe(
      ['DELETE FROM p.s.r', "WHERE deployment_name = '{{ deployment_name }}'", "AND data__id = '{{ id }}'", '-- AND data__force = {{ force }}', ';'].join('\n'),
    );
  });

  it('EXEC with a body: every argument keeps its comma, optional ones commented, @@json last', () => {
    expect(sqlAfter(page, '<TabItem value="start">')).toBe(
      [
        'EXEC p.s.r.start',
        "@id = '{{ id }}', /* required */",
        "@deployment_name = '{{ deployment_name }}', /* required */",
        '-- @wait = {{ wait }},',
        '-- required in @@json: reason',
        '@@json =',
        "'{",
        '"reason": "{{ reason }}",',
        '"count": {{ count }}',
        "}'",
        ';',
      ].join('\n'),
    );
  });

  it('EXEC without a body: commented optional arguments lead with their comma', () => {
    expect(sqlAfter(page, '<TabItem value="stop">')).toBe(
      ['EXEC p.s.r.stop', "@id = '{{ id }}', /* required */", "@deployment_name = '{{ deployment_name }}' /* required */", '-- , @wait = {{ wait }}', "-- , @why = '{{ why }}'", ';'].join('\n'),
    );
  });

  it('EXEC with nothing required', () => {
    const { service: s } = miniService({ r: { methods: { ping: { method: 'post', params: [{ name: 'a' }, { name: 'b' }] } } } }, { servers: false });
    expect(sqlAfter(render(s, resourceOf(s, 'r')), '## Lifecycle methods')).toBe(["EXEC p.s.r.ping", "-- @a = '{{ a }}'", "-- , @b = '{{ b }}'", ';'].join('\n'));
  });

  it('every method of the resource has an example', () => {
    for (const m of resource.methods) expect(page, m.name).toContain(`<TabItem value="${m.name}">`);
  });
});

describe('detailed pages: hostile spec text stays text', () => {
  const hostile = 'Uses {braces}, <script>alert(1)</script>, `ticks`, a | pipe and\n\nimport x from "y"\nexport const z = 1';
  const { service } = miniService({
    'r': {
      methods: {
        list: {
          description: hostile,
          params: [{ name: 'x"y', description: hostile } as never, { name: 'q|{p}' }],
          response: obj({
            'we|rd': { type: 'string', description: hostile, enum: ['A|B', '{c}', '`d`'] },
            nested: obj({ 'in<ner>': { type: 'string', description: hostile } }),
          }),
        },
        act: { method: 'post', body: obj({ 'k"ey': { type: 'string' } }) },
      },
      sqlVerbs: { select: ['list'] },
    },
  });
  const base = resourceOf(service, 'r');
  const withDocs = (url: string): Resource => ({ ...base, methods: base.methods.map((m) => ({ ...m, externalDocsUrl: url })), selectMethods: base.selectMethods.map((m) => ({ ...m, externalDocsUrl: url })) });

  it('compiles and shows no JSX, expression or ESM from the spec', async () => {
    const page = render(service, withDocs('https://example.com/docs?a=1&b="2"'));
    const js = await compilePage(page, 'hostile.mdx');
    // The words are there, as text: no element, no module code.
    expect(js).toContain('alert(1)');
    expect(js).not.toMatch(/components\.script|jsx\w*\("script"/);
    expect(js).not.toMatch(/^export const z/m);
    expect(page).toContain('href="https://example.com/docs?a=1&amp;b=%222%22"');
  });

  it.each(['javascript:alert(1)', 'data:text/html,x', 'vbscript:x', '/relative'])('drops the external docs link %j', async (url) => {
    const page = render(service, withDocs(url));
    expect(page).not.toContain(url);
    expect(page).not.toContain('API reference');
    await compilePage(page, 'docs.mdx');
  });
});

describe('detailed pages: views', () => {
  const { service } = miniService({
    base: { methods: { list: { response: obj({ a: { type: 'string' }, b: { type: 'integer' } }) } }, sqlVerbs: { select: ['list'] } },
    vw_base: { methods: {}, config: { views: { select: { ddl: 'SELECT a, b FROM p.s.base' } } } },
    vw_lonely: { methods: {}, config: { views: { select: { ddl: 'SELECT x FROM elsewhere' } }, docs: { fields: [{ name: 'x', type: 'string', description: 'An x.' }], requiredParams: ['deployment_name'] } } },
  });

  it('a merged view comes first among the field tabs and the SELECT examples', async () => {
    const page = render(service, resourceOf(service, 'base'));
    expect(page).toContain("{ label: 'vw_base', value: 'view' },\n        { label: 'list', value: 'list' }");
    expect(sqlAfter(page, '## `SELECT` examples')).toBe(['SELECT', 'a,', 'b', 'FROM p.s.vw_base', "WHERE deployment_name = '{{ deployment_name }}'", ';'].join('\n'));
    await compilePage(page, 'merged.mdx');
  });

  it('a standalone view has a page of its own with its columns and SELECT, and no methods', async () => {
    const page = render(service, resourceOf(service, 'vw_lonely'));
    expect(page).toContain('<tr><td><b>Type</b></td><td>View</td></tr>');
    expect(htmlRegions(page).join('\n')).toContain("<td class='pd-name'><code class='pd-copyable'>x</code></td>\n<td class='pd-type' data-label='Datatype'><code>string</code></td>\n<td data-label='Description'>An x.</td>");
    expect(page).not.toContain('## Methods');
    expect(page).not.toContain('## Parameters');
    expect(sqlAfter(page, '## `SELECT` examples')).toBe(['SELECT', 'x', 'FROM p.s.vw_lonely', "WHERE deployment_name = '{{ deployment_name }}'", ';'].join('\n'));
    await compilePage(page, 'view.mdx');
  });
});
