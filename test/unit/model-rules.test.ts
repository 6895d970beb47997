import { describe, expect, it } from 'vitest';
import { miniService } from '../helpers/mini-spec.js';
import { insertColumns } from '../../generator/render/classic-context.js';
import { orderFields } from '../../generator/model/build-fields.js';
import { selectColumns } from '../../generator/model/build-view.js';

const obj = (props: Record<string, unknown>) => ({ type: 'object', properties: props });
const str = { type: 'string' };

describe('field order: id, name, description first, then by name', () => {
  it.each([
    [['b', 'a', 'c'], ['a', 'b', 'c']],
    [['zeta', 'description', 'name', 'id', 'alpha'], ['id', 'name', 'description', 'alpha', 'zeta']],
    [['userName', 'active', 'id', 'displayName'], ['id', 'active', 'displayName', 'userName']],
    [['name', 'created_at'], ['name', 'created_at']],
    [[], []],
  ])('%j -> %j', (input, expected) => {
    expect(orderFields(input.map((name) => ({ name }))).map((f) => f.name)).toEqual(expected);
  });
});

describe('fields come from the first method listed under sqlVerbs.select', () => {
  it.each([
    ['objectKey array items', { objectKey: '$.items', response: obj({ items: { type: 'array', items: obj({ k: str, a: { type: 'integer' } }) } }) }, ['a:integer', 'k:string']],
    ['objectKey object', { objectKey: '$.info', response: obj({ info: obj({ x: { type: 'boolean' } }) }) }, ['x:boolean']],
    ['no objectKey', { response: obj({ b: str, a: {} }) }, ['a:unknown', 'b:string']],
    ['properties: {}', { response: { type: 'object', properties: {} } }, []],
    ['no response', {}, []],
  ])('%s', (_label, op, expected) => {
    const { service } = miniService({ r: { methods: { list: op }, sqlVerbs: { select: ['list'] } } });
    expect(service.resources[0]!.fields.map((f) => `${f.name}:${f.type}`)).toEqual(expected);
  });

  it('uses the first listed select method even when it is not the first tab', () => {
    const { service } = miniService({
      r: {
        methods: {
          get: { params: [{ name: 'id', in: 'path' }], response: obj({ from_get: str }) },
          list: { response: obj({ from_list: str }) },
        },
        sqlVerbs: { select: ['get', 'list'] },
      },
    });
    const r = service.resources[0]!;
    expect(r.fields.map((f) => f.name)).toEqual(['from_get']);
    expect(r.selectMethods.map((m) => m.name)).toEqual(['list', 'get']);
  });
});

describe('verb order, EXEC detection', () => {
  it.each([
    [{ select: ['list'], insert: ['create'], update: ['update'], replace: ['replace'], delete: ['delete'] }, ['select:list', 'insert:create', 'delete:delete', 'update:update', 'replace:replace', 'exec:start']],
    [{ select: ['list'], exec: ['start'] }, ['select:list', 'exec:create', 'exec:delete', 'exec:replace', 'exec:start', 'exec:update']],
    [{}, ['exec:create', 'exec:delete', 'exec:list', 'exec:replace', 'exec:start', 'exec:update']],
  ])('sqlVerbs %j', (sqlVerbs, expected) => {
    const methods = Object.fromEntries(['start', 'update', 'list', 'replace', 'delete', 'create'].map((m) => [m, {}]));
    const { service } = miniService({ r: { methods, sqlVerbs } });
    expect(service.resources[0]!.methods.map((m) => `${m.verb}:${m.name}`)).toEqual(expected);
  });
});

describe('required params: operation params de-duplicated and sorted, then server variables', () => {
  it.each([
    [[{ name: 'b', required: true }, { name: 'a', required: true }], ['a', 'b', 'deployment_name']],
    [[{ name: 'id', in: 'path' }], ['id', 'deployment_name']],
    [[{ name: 'x', required: false }], ['deployment_name']],
    [[{ name: 'zz', in: 'query', required: true }, { name: 'zz', in: 'header', required: true }], ['zz', 'deployment_name']],
    [[{ name: 'objectType', required: true }, { name: 'objectId', required: true }], ['objectId', 'objectType', 'deployment_name']],
  ])('%j -> %j', (params, expected) => {
    const { service } = miniService({ r: { methods: { get: { params } }, sqlVerbs: { select: ['get'] } } });
    expect(service.resources[0]!.methods[0]!.requiredParams).toEqual(expected);
  });

  it('has no server variables when the spec has none', () => {
    const { service } = miniService({ r: { methods: { get: { params: [{ name: 'account_id', in: 'path' }] } }, sqlVerbs: { select: ['get'] } } }, { servers: false });
    expect(service.resources[0]!.methods[0]!.requiredParams).toEqual(['account_id']);
  });
});

describe('SELECT tab order: fewest required params, then name', () => {
  it.each([
    [{ get: 2, list: 1 }, ['list', 'get']],
    [{ b: 1, a: 1 }, ['a', 'b']],
    [{ searchruns: 0, getrun: 1, alpha: 1 }, ['searchruns', 'alpha', 'getrun']],
  ])('%j -> %j', (counts, expected) => {
    const methods = Object.fromEntries(
      Object.entries(counts).map(([m, n]) => [m, { params: Array.from({ length: n }, (_, i) => ({ name: `p${i}`, required: true })) }]),
    );
    const { service } = miniService({ r: { methods, sqlVerbs: { select: Object.keys(counts) } } }, { servers: false });
    expect(service.resources[0]!.selectMethods.map((m) => m.name)).toEqual(expected);
  });
});

describe('INSERT columns: required params, then data__ keys of the body example (id skipped), else its required fields, else its examples, else every field', () => {
  it.each([
    [{ type: 'object', example: { lifetime_seconds: 0, comment: 'c' } }, [], ['deployment_name', 'data__lifetime_seconds', 'data__comment']],
    [{ type: 'object', example: { id: 'x', name: 'n' } }, [], ['deployment_name', 'data__name']],
    [undefined, [{ name: 'directory_path', in: 'path' }], ['directory_path', 'deployment_name']],
    [{ type: 'object', properties: { a: str } }, [], ['deployment_name', 'data__a']],
    [{ type: 'object', required: ['b'], properties: { a: str, b: str } }, [], ['deployment_name', 'data__b']],
    [{ type: 'object', properties: { a: str, b: str }, examples: [{ b: 'x', c: 1 }] }, [], ['deployment_name', 'data__b', 'data__c']],
    [{ type: 'object', required: ['a'], properties: { a: str, 'x-y': str }, example: { 'x-y': 'v' } }, [], ['deployment_name', 'data__x-y']],
    [{ allOf: [{ type: 'object', required: ['a'], properties: { a: str } }, { properties: { b: str } }] }, [], ['deployment_name', 'data__a']],
  ])('body %j', (body, params, expected) => {
    const op = { method: 'post', params, ...(body ? { body } : {}) };
    const { service } = miniService({ r: { methods: { create: op }, sqlVerbs: { insert: ['create'] } } });
    expect(insertColumns(service.resources[0]!.methods[0]!).map((c) => c.column)).toEqual(expected);
  });
});

describe('views', () => {
  const base = {
    methods: { list: { objectKey: '$.items', params: [{ name: 'account_id', in: 'path' }], response: obj({ items: { type: 'array', items: obj({ a: str, n: { type: 'integer' } }) } }) } },
    sqlVerbs: { select: ['list'] },
  };
  const view = (ddl: string) => ({ methods: {}, config: { views: { select: { predicate: 'sqlDialect == "sqlite3"', ddl } } } });

  it('merges vw_R into R in the same service, with copied types as SQL types', () => {
    const { service } = miniService({ r: base, vw_r: view("select a, n, JSON_EXTRACT(x, '$.y') as y from p.s.r where account_id = 'z'") }, { servers: false });
    expect(service.resources.map((r) => r.name)).toEqual(['r']);
    const v = service.resources[0]!.views[0]!;
    expect(v.fields.map((f) => `${f.name}:${f.type}`)).toEqual(['a:text', 'n:integer', 'y:unknown']);
    expect(v.requiredParams).toEqual(['account_id']);
  });

  it('keeps a view without a base resource as a page of its own', () => {
    const { service } = miniService({ r: base, vw_other: view('select a from p.s.r') }, { servers: false });
    expect(service.resources.map((r) => `${r.name}:${r.kind}`)).toEqual(['r:resource', 'vw_other:view']);
  });

  it.each([
    ['select a, b from t', ['a', 'b']],
    ['SELECT\n  t.a,\n  f(x, y) as c,\n  b AS d\nFROM t', ['a', 'c', 'd']],
    ["select json_extract(a, '$.x, y') as q from t", ['q']],
    ['select distinct a from t', ['a']],
  ])('select list of %j', (ddl, expected) => {
    expect(selectColumns(ddl).map((c) => c.name)).toEqual(expected);
  });
});

describe('spec oddities are survived, with a warning where something was guessed', () => {
  it('a parameter without schema has type unknown and a warning', () => {
    const { service, bag } = miniService({ r: { methods: { get: { params: [{ name: 'etag', in: 'query', schema: undefined }] } }, sqlVerbs: { select: ['get'] } } });
    const p = service.resources[0]!.methods[0]!.params.find((x) => x.name === 'etag')!;
    expect(p.type).toBe('unknown');
    expect(bag.all.map((d) => `${d.severity}:${d.code}`)).toEqual(['warning:param-no-schema']);
  });

  it('`type: required` is shown as written, with a warning', () => {
    const { service, bag } = miniService({ r: { methods: { list: { response: obj({ token_id: { type: 'required' } }) } }, sqlVerbs: { select: ['list'] } } });
    expect(service.resources[0]!.fields.map((f) => f.type)).toEqual(['required']);
    expect(bag.all.map((d) => d.code)).toEqual(['schema-unknown-type']);
  });

  it('a method without a 200 response has no fields (and no crash)', () => {
    const { service } = miniService({ r: { methods: { list: {} }, sqlVerbs: { select: ['list'] } } });
    expect(service.resources[0]!.fields).toEqual([]);
  });

  it('a duplicated parameter is listed once, with a warning', () => {
    const { service, bag } = miniService({
      r: { methods: { get: { params: [{ name: 'id', in: 'path' }, { name: 'id', in: 'path' }] } }, sqlVerbs: { select: ['get'] } },
    });
    expect(service.resources[0]!.methods[0]!.params.filter((p) => p.name === 'id')).toHaveLength(1);
    expect(bag.all.map((d) => d.code)).toEqual(['param-duplicate']);
  });

  it('`$ref` used as a property name is a property, not a reference', () => {
    const { service, bag } = miniService({
      r: { methods: { list: { response: obj({ $ref: { type: 'string' }, value: str }) } }, sqlVerbs: { select: ['list'] } },
    });
    expect(service.resources[0]!.fields.map((f) => `${f.name}:${f.type}`)).toEqual(['$ref:string', 'value:string']);
    expect(bag.all).toEqual([]);
  });
});
