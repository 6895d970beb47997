import { describe, expect, it } from 'vitest';
import { loadTemplates } from '../../generator/load/load-templates.js';
import type { Provider, Service, ServiceOverview } from '../../generator/model/types.js';
import { detailedResourceContext } from '../../generator/render/detailed-context.js';
import { compileTemplates } from '../../generator/render/template-env.js';
import { miniService } from '../helpers/mini-spec.js';
import { htmlRegions, rawFields, rawRoles } from '../helpers/page-checks.js';
import { MethodIndex, relativeUrl, resolveMethodRefs } from '../../generator/render/method-refs.js';
import { METHOD_REF, rolesAsText, splitParamFields } from '../../generator/render/rst.js';
import { jsonExtract, jsonPathItem, jsonPathKey } from '../../generator/render/json-path.js';
import { firstSentence, specBlock, specInline, specSummary, SpecTextCache } from '../../generator/render/spec-text.js';

// SDK docstrings (Sphinx/RST) in spec text: issue 12. The classic format keeps
// every role as code; the detailed layout links `:method:` references.

const classic = () => new SpecTextCache();
const detailed = () => new SpecTextCache({ methodRefs: true });
const ref = (target: string) => '`' + METHOD_REF + target + '`';

describe('Sphinx roles leave no raw role text', () => {
  it.each([
    // [description, classic inline, detailed inline]
    ['Use :method:jobs/getrun to page.', 'Use `jobs/getrun` to page.', `Use ${ref('jobs/getrun')} to page.`],
    ['(:method:jobs/create, :method:jobs/reset)', '(`jobs/create`, `jobs/reset`)', `(${ref('jobs/create')}, ${ref('jobs/reset')})`],
    ['Returned by :method:dashboards/create.', 'Returned by `dashboards/create`.', `Returned by ${ref('dashboards/create')}.`],
    ['See :method:wait_get_run for details', 'See `wait_get_run` for details', `See ${ref('wait_get_run')} for details`],
    ['A :class:`Run` object', 'A `Run` object', 'A `Run` object'],
    ['List[:class:`JobAccessControlRequest`]', 'List\\[`JobAccessControlRequest`]', 'List\\[`JobAccessControlRequest`]'],
    ['Calls :meth:`~WorkspaceClient.jobs.get`', 'Calls `WorkspaceClient.jobs.get`', 'Calls `WorkspaceClient.jobs.get`'],
    ['See :ref:`the guide <guide-label>` first', 'See the guide first', 'See the guide first'],
    // No space before `<`: not read as a title and its target, so nothing written is hidden.
    ['A :class:`Foo<script>` here', 'A `Foo<script>` here', 'A `Foo<script>` here'],
    ['Set :attr:`Cluster.state`', 'Set `Cluster.state`', 'Set `Cluster.state`'],
    [':py:class:`Foo` leads', '`Foo` leads', '`Foo` leads'],
    // Not roles: a word character before the colon.
    ['urn:ietf:params:scim:api:messages:2.0:PatchOp', 'urn:ietf:params:scim:api:messages:2.0:PatchOp', 'urn:ietf:params:scim:api:messages:2.0:PatchOp'],
    ['at HH:mm:ss', 'at HH:mm:ss', 'at HH:mm:ss'],
    // Field markers in running text (a parameter description cut from a docstring).
    [':param update_mask: str The field mask', '`update_mask`: str The field mask', '`update_mask`: str The field mask'],
    [':returns: :class:`Alert`', '**Returns:** `Alert`', '**Returns:** `Alert`'],
    ['Deletes it. :returns: nothing', 'Deletes it. **Returns:** nothing', 'Deletes it. **Returns:** nothing'],
  ])('%j', (input, cls, det) => {
    expect(specInline(input, classic())).toBe(cls);
    expect(specInline(input, detailed())).toBe(det);
  });

  it('rewrites roles in a block and in a :param: list', () => {
    const d = 'Lists runs.\n\n:param expand_tasks: bool (optional)\n  Use :method:jobs/getrun to paginate.\n\n:returns: Iterator over :class:`BaseRun`';
    expect(specBlock(d, classic())).toBe('Lists runs.\n\n- `expand_tasks` (bool, optional): Use `jobs/getrun` to paginate.\n\n**Returns:** Iterator over `BaseRun`');
    expect(specBlock(d, detailed())).toContain(`Use ${ref('jobs/getrun')} to paginate.`);
  });

  it.each([
    ['Returned by :method:dashboards/create.', 'Returned by dashboards/create.'],
    ['A :class:`Run` and :class:`T <x.T>`', 'A Run and T'],
    ['urn:ietf:params', 'urn:ietf:params'],
    [':param data_source_format: DataSourceFormat', 'data_source_format: DataSourceFormat'],
    [':returns: :class:`Run`', 'Returns: Run'],
  ])('as plain text (manifests): %j', (input, expected) => {
    expect(rolesAsText(input)).toBe(expected);
  });
});

function service(name: string, resources: Record<string, [method: string, operationId: string][]>): ServiceOverview {
  const source = { file: 'x.yaml', pointer: '' };
  return {
    name,
    title: name,
    description: '',
    source,
    resources: Object.entries(resources).map(([r, ops]) => ({
      id: `p.${name}.${r}`,
      name: r,
      title: r,
      kind: 'resource',
      methodNames: ops.map(([m]) => m).sort(),
      operations: ops.map(([method, operationId]) => ({ method, operationId })),
      source,
    })),
  };
}

describe(':method: references resolve through the provider model', () => {
  const index = new MethodIndex('p', [
    service('jobs', { job_runs: [['get', 'jobs_get_run'], ['list', 'jobs_list_runs']], jobs: [['get', 'jobs_get']] }),
    service('cleanrooms', { assets: [['get', 'clean_room_assets_get']] }),
    service('settingsv2', { workspace_settings: [['get', 'workspace_settings_v2_get_public_workspace_setting']] }),
  ]);
  const page = 'providers/p/jobs/job_runs/index.md';
  const resolve = (target: string) => resolveMethodRefs([{ path: page, contents: `x ${ref(target)} y` }], index)[0]!.contents;

  it.each([
    // same page: the anchor alone
    ['jobs/getrun', 'x [`jobs/getrun`](#method-get) y'],
    ['jobs/getRun', 'x [`jobs/getRun`](#method-get) y'],
    ['jobs/listruns', 'x [`jobs/listruns`](#method-list) y'],
    // another page of the same service, of another service
    ['jobs/get', 'x [`jobs/get`](/providers/p/jobs/jobs/#method-get) y'],
    ['cleanroomassets/get', 'x [`cleanroomassets/get`](/providers/p/cleanrooms/assets/#method-get) y'],
    // the one operation whose id ends so
    ['settingsv2/getpublicworkspacesetting', 'x [`settingsv2/getpublicworkspacesetting`](/providers/p/settingsv2/workspace_settings/#method-get) y'],
    // nothing known: plain code
    ['wait_get_run_job_terminated_or_skipped', 'x `wait_get_run_job_terminated_or_skipped` y'],
    ['jobs/run', 'x `jobs/run` y'],
  ])('%s', (target, expected) => {
    expect(resolve(target)).toBe(expected);
  });

  // In an HTML region (a field table), where Docusaurus resolves no link: relative urls.
  const resolveHtml = (target: string) =>
    resolveMethodRefs([{ path: page, contents: `"x <code>\uE000${target}</code> y"` }], index)[0]!.contents;
  it.each([
    ['jobs/getrun', `"x <a href='#method-get'><code>jobs/getrun</code></a> y"`],
    ['jobs/get', `"x <a href='../jobs/#method-get'><code>jobs/get</code></a> y"`],
    ['cleanroomassets/get', `"x <a href='../../cleanrooms/assets/#method-get'><code>cleanroomassets/get</code></a> y"`],
    ['jobs/run', `"x <code>jobs/run</code> y"`],
  ])('in an HTML region, %s', (target, expected) => {
    expect(resolveHtml(target)).toBe(expected);
  });

  it.each([
    ['/a/b/c/', '/a/d/', '../../d/'],
    ['/a/b/', '/a/b/', './'],
    ['/a/', '/a/b/c/', 'b/c/'],
    ['/providers/p/s/r/', '/providers/q/s/r/', '../../../q/s/r/'],
  ])('relativeUrl(%s, %s) is %s', (from, to, expected) => {
    expect(relativeUrl(from, to)).toBe(expected);
  });

  it('leaves pages without references as they are', () => {
    const f = { path: page, contents: 'no refs' };
    expect(resolveMethodRefs([f], index)[0]).toBe(f);
  });
});

describe('one-line summaries', () => {
  it.each([
    ['Retrieves the metadata of a run.', 'Retrieves the metadata of a run.'],
    ['Submit a one-time run. This endpoint allows you to submit a workload.', 'Submit a one-time run.'],
    ['Use e.g. Spark. Then more.', 'Use e.g. Spark.'],
    ['Lists `a. B` items. More.', 'Lists `a. B` items.'],
    ['Lists (see A. B) items. More.', 'Lists (see A. B) items.'],
    ['Ok. Short first.', 'Ok. Short first.'],
    ['No full stop here', 'No full stop here'],
    ['Version 2.1 is used. Next.', 'Version 2.1 is used.'],
  ])('%j', (input, expected) => {
    expect(firstSentence(input)).toBe(expected);
  });

  it('takes the first paragraph, folded, then its first sentence, escaped', () => {
    expect(specSummary('Cancels {all} runs\nof a job. The runs stop.\n\nMore text.')).toBe('Cancels \\{all\\} runs of a job.');
  });
});

let compiled: ReturnType<typeof compileTemplates> | undefined;
const templates = () => (compiled ??= compileTemplates(loadTemplates('detailed')));

describe('Methods table', () => {
  const page = (svc: Service) => {
    const provider: Provider = {
      name: 'p', version: 'v1', title: 'P', description: '', services: [svc],
      settings: { brand: 'B', description: 'D', image: '/i.png', body: '' }, source: { file: 'p.yaml', pointer: '' },
    };
    const page = templates().page('resource')(detailedResourceContext(provider, svc, svc.resources[0]!));
    const from = page.indexOf('## Methods');
    const regions = htmlRegions(page.slice(from, page.indexOf('\n## ', from + 1)));
    expect(regions).toHaveLength(1);
    return regions[0]!;
  };
  const long = 'Lists the things. Only the first sentence belongs in the table; the rest goes with the example.';

  it.each([
    ['no optional parameters: no Optional Params column', { params: [{ name: 'id', in: 'path', required: true }] }, ['Required Params', 'Description'], ['Optional Params']],
    ['no parameters at all: neither column', { params: [] }, ['Description'], ['Optional Params', 'Required Params']],
    ['both kinds', { params: [{ name: 'id', in: 'path', required: true }, { name: 'q' }] }, ['Required Params', 'Optional Params'], []],
    ['no descriptions: no Description column', { params: [], description: '' }, [], ['>Description</th>']],
  ])('%s', (_label, op, present, absent) => {
    const { service } = miniService({ things: { methods: { list: { description: long, ...op } }, sqlVerbs: { select: ['list'] } } }, { servers: false });
    const table = page(service);
    for (const h of present) expect(table).toContain(h);
    for (const h of absent) expect(table).not.toContain(h);
    const cells = table.split('<tr>').length - 1;
    expect(cells).toBe(2);
  });

  it('shows the first sentence, with the anchor `:method:` links use; the example carries the whole description', () => {
    const { service } = miniService({ things: { methods: { list: { description: long } }, sqlVerbs: { select: ['list'] } } }, { servers: false });
    const table = page(service);
    expect(table).toContain("<td class='pd-name'><code class='pd-copyable' id='method-list'>list</code></td>");
    expect(table).toContain("<td class='pd-desc' data-label='Description'>Lists the things.</td>");
    expect(table).not.toContain('the rest goes');
    const provider = { name: 'p', version: 'v1', title: 'P', description: '', services: [service], settings: { brand: 'B', description: 'D', image: '/i.png', body: '' }, source: { file: 'p.yaml', pointer: '' } };
    expect(templates().page('resource')(detailedResourceContext(provider, service, service.resources[0]!))).toContain(long);
  });
});

describe('the raw-role check of the whole-spec runs', () => {
  it.each([
    ['See :method:jobs/getrun now', 1],
    ['A List[:class:`Run`]', 1],
    ['A \\:py:meth:`x`', 1],
    ['urn:ietf:params:scim:api:messages:2.0:PatchOp at 10:30:00 HH:mm:ss', 0],
    ['See [`jobs/getrun`](#method-get) and `Run`', 0],
  ])('%j', (page, count) => {
    expect(rawRoles(page)).toHaveLength(count);
  });

  it.each([
    ["description: ':param data_source_format: DataSourceFormat'", 1],
    ['`get`: :returns: `Alert`', 1],
    ['`data_source_id`: str and **Returns:** `Alert`', 0],
  ])('fields %j', (page, count) => {
    expect(rawFields(page)).toHaveLength(count);
  });
});

describe('a :param list restating the page is merged, keeping what it adds', () => {
  it.each([
    ['entries named are taken out, with their bodies', 'Lists runs.\n\n:param a: bool (optional)\n  First.\n\n  More.\n:param b: int\n  Second.\n\n:returns: X', ['a', 'b'], 'Lists runs.\n\n:returns: X', { a: 'First.\n\nMore.', b: 'Second.' }],
    ['entries naming nothing known stay', 'Runs.\n:param a: str\n  A.\n:param zz: str\n  Unknown.', ['a'], 'Runs.\n:param zz: str\n  Unknown.', { a: 'A.' }],
    ['no entries: as written', 'Just text.\n\nTwo.', ['a'], 'Just text.\n\nTwo.', {}],
    ['an entry without a body', ':param health: :class:`X` (optional)\nAfter.', ['health'], 'After.', { health: '' }],
  ])('%s', (_label, description, names, rest, fields) => {
    const out = splitParamFields(description, (n) => names.includes(n));
    expect(out.rest).toBe(rest);
    expect(Object.fromEntries(out.fields)).toEqual(fields);
  });

  const doc = 'Lists things.\n\n:param limit: int (optional)\n  How many to return.\n:param name: str\n  The name.\n:param extra: str\n  Not a parameter here.\n\n:returns: Iterator over :class:`Thing`';
  const { service } = miniService(
    {
      things: {
        methods: {
          list: { description: doc, params: [{ name: 'limit', schema: { type: 'integer' } }] },
          create: { method: 'post', description: doc, body: { type: 'object', properties: { name: { type: 'string' } } } },
        },
        sqlVerbs: { select: ['list'], insert: ['create'] },
      },
    },
    { servers: false },
  );
  const provider: Provider = {
    name: 'p', version: 'v1', title: 'P', description: '', services: [service],
    settings: { brand: 'B', description: 'D', image: '/i.png', body: '' }, source: { file: 'p.yaml', pointer: '' },
  };
  const ctx = detailedResourceContext(provider, service, service.resources[0]!);

  it('a parameter the schema leaves undescribed takes the docstring text in the Parameters section', () => {
    expect(ctx.params.find((p) => p.name === 'limit')?.description).toBe('How many to return.');
  });
  it('the example keeps the rest of the description: unknown entries and the returns line', () => {
    const list = ctx.selects.find((e) => e.name === 'list')!;
    expect(list.description).toBe('Lists things.\n\n:param name: str\n  The name.\n:param extra: str\n  Not a parameter here.\n\n:returns: Iterator over :class:`Thing`');
    expect(list.body).toEqual([]);
    expect(specBlock(list.description)).toContain('**Returns:** Iterator over `Thing`');
  });
  it('body fields listed in the docstring become the collapsed list of body fields', () => {
    const create = ctx.inserts.find((e) => e.name === 'create')!;
    expect(create.description).not.toContain(':param name:');
    expect(create.description).toContain(':param extra:');
    expect(create.body).toEqual([{ name: 'name', datatype: 'string', required: false, description: 'The name.' }]);
    const page = templates().page('resource')(ctx);
    expect(page).toContain('<summary>Request body fields</summary>\n\n- `name` (`string`): The name.\n\n</details>');
  });
});

describe('nested fields: how to reach them in SQL', () => {
  it.each([
    [jsonPathKey('$', 'new_cluster'), '$.new_cluster'],
    [jsonPathKey('$', 'spec.cluster'), '$."spec.cluster"'],
    [jsonPathKey('$', 'a"b'), '$."a\\"b"'],
    [jsonPathItem('$'), '$[0]'],
    [jsonPathKey(jsonPathItem('$.tasks'), 'task_key'), '$.tasks[0].task_key'],
    [jsonExtract('cluster_spec', '$.new_cluster'), "JSON_EXTRACT(cluster_spec, '$.new_cluster')"],
    [jsonExtract('x-data', "$.it's"), `JSON_EXTRACT("x-data", '$.it''s')`],
  ])('%s', (got, expected) => {
    expect(got).toBe(expected);
  });

  const { service } = miniService(
    {
      runs: {
        methods: {
          list: {
            response: {
              type: 'object',
              properties: {
                id: { type: 'string' },
                spec: { type: 'object', properties: { cluster: { type: 'object', properties: { 'node.type': { type: 'string' } } } } },
                tasks: { type: 'array', items: { type: 'object', properties: { key: { type: 'string' }, libs: { type: 'array', items: { type: 'object', properties: { jar: { type: 'string' } } } } } } },
                tags: { type: 'array', items: { type: 'string' } },
                conf: { type: 'object' },
              },
            },
          },
        },
        sqlVerbs: { select: ['list'] },
      },
    },
    { servers: false },
  );
  const provider: Provider = {
    name: 'p', version: 'v1', title: 'P', description: '', services: [service],
    settings: { brand: 'B', description: 'D', image: '/i.png', body: '' }, source: { file: 'p.yaml', pointer: '' },
  };
  const ctx = detailedResourceContext(provider, service, service.resources[0]!);
  const fields = ctx.fieldTabs[0]!.fields;
  const field = (n: string) => fields.find((f) => f.name === n)!;

  it.each([
    ['id', ''],
    ['spec', "JSON_EXTRACT(spec, '$.cluster')"],
    ['tasks', "JSON_EXTRACT(tasks, '$[0].key')"],
    ['tags', "JSON_EXTRACT(tags, '$[0]')"],
    ['conf', "JSON_EXTRACT(conf, '$.key')"],
  ])('every object and array column has a copyable JSON_EXTRACT: %s', (name, extract) => {
    expect(field(name).extract).toBe(extract);
  });

  it('every sub-field shows its path inside its column', () => {
    expect(field('spec').fields[0]!.fields[0]!.path).toBe('$.cluster."node.type"');
    expect(field('tasks').fields.map((f) => f.path)).toEqual(['$[0].key', '$[0].libs']);
    expect(field('tasks').fields[1]!.fields[0]!.path).toBe('$[0].libs[0].jar');
    const html = htmlRegions(templates().page('resource')(ctx)).join('\n');
    expect(html).toContain("<code class='pd-copyable'>JSON_EXTRACT(tasks, &#39;$[0].key&#39;)</code>");
    expect(html).toContain('<li><code>$[0].libs[0].jar</code> (<code>string</code>)</li>');
    expect(html).toContain("<td data-label='Description'><code class='pd-copyable'>JSON_EXTRACT(tags, &#39;$[0]&#39;)</code></td>");
  });
});
