import { describe, expect, it } from 'vitest';
import type { Field } from '../../generator/model/types.js';
import { predicateParams, viewDefinitions } from '../../generator/model/build-view.js';
import { classicResourceContext } from '../../generator/render/classic-context.js';
import { detailedResourceContext } from '../../generator/render/detailed-context.js';
import { miniService } from '../helpers/mini-spec.js';

// Schema constructs the model must understand: allOf merged, oneOf/anyOf
// alternatives shown as such, OpenAPI 3.1 type lists, `any` and `null`, the
// objectKey through compositions, and resources that are both a view and a
// set of methods.

const str = { type: 'string' };
const obj = (properties: Record<string, unknown>, required?: string[]) => ({ type: 'object', properties, ...(required ? { required } : {}) });

function fieldsOf(response: unknown, objectKey?: string) {
  const { service, bag } = miniService({ r: { methods: { list: { response, ...(objectKey ? { objectKey } : {}) } }, sqlVerbs: { select: ['list'] } } }, { servers: false });
  return { fields: service.resources[0]!.fields, warnings: bag.all.map((d) => d.code) };
}

const show = (f: Field): string => `${f.name}:${f.type}${f.alternatives ? ` (${f.alternatives.keyword}: ${f.alternatives.of.join(', ')})` : ''}`;

describe('allOf is merged, oneOf/anyOf alternatives are marked', () => {
  it.each([
    ['allOf parts', { allOf: [obj({ a: str }), obj({ b: { type: 'integer' } })] }, ['a:string', 'b:integer']],
    ['allOf nested in allOf', { allOf: [{ allOf: [obj({ a: str })] }, obj({ c: str })] }, ['a:string', 'c:string']],
    [
      'oneOf: common fields unmarked, the others marked with their alternatives',
      { oneOf: [{ title: 'Phone', ...obj({ id: str, number: str }) }, { title: 'Email', ...obj({ id: str, address: str }) }] },
      ['id:string', 'address:string (oneOf: Email)', 'number:string (oneOf: Phone)'],
    ],
    ['anyOf without titles: named by position', { anyOf: [obj({ x: str }), obj({ y: str })] }, ['x:string (anyOf: option 1)', 'y:string (anyOf: option 2)']],
    ['properties beside oneOf', { ...obj({ kind: str }), oneOf: [obj({ p: str }), obj({ q: str })] }, ['kind:string', 'p:string (oneOf: option 1)', 'q:string (oneOf: option 2)']],
    ['array of oneOf items', { type: 'array', items: { oneOf: [obj({ a: str }), obj({ a: str, b: str })] } }, ['a:string', 'b:string (oneOf: option 2)']],
  ])('%s', (_label, response, expected) => {
    const { fields, warnings } = fieldsOf(response);
    expect(fields.map(show)).toEqual(expected);
    expect(warnings).toEqual([]);
  });

});

describe('the objectKey is found through allOf, oneOf and anyOf', () => {
  it.each([
    ['allOf', { allOf: [obj({ total: { type: 'integer' } }), obj({ items: { type: 'array', items: obj({ a: str }) } })] }],
    ['oneOf', { oneOf: [obj({ items: { type: 'array', items: obj({ a: str }) } }), obj({ error: str })] }],
    ['anyOf inside allOf', { allOf: [{ anyOf: [obj({ items: { type: 'array', items: obj({ a: str }) } })] }] }],
  ])('%s', (_label, response) => {
    const { fields, warnings } = fieldsOf(response, '$.items');
    expect(fields.map(show)).toEqual(['a:string']);
    expect(warnings).toEqual([]);
  });

  it('still warns when the key is nowhere', () => {
    expect(fieldsOf({ allOf: [obj({ a: str })] }, '$.missing').warnings).toEqual(['objectkey-missing']);
  });
});

describe('type any, type null and type lists are understood without warnings', () => {
  it.each([
    [{ type: 'any' }, 'any'],
    [{ type: 'null' }, 'null'],
    [{ type: ['string', 'null'] }, 'string'],
    [{ type: ['null'] }, 'null'],
    [{ type: ['integer', 'string'] }, 'integer | string'],
    [{ type: ['object', 'null'], properties: { k: str } }, 'object'],
  ])('%j -> %s', (schema, expected) => {
    const { fields, warnings } = fieldsOf(obj({ f: schema }));
    expect(fields[0]!.type).toBe(expected);
    expect(warnings).toEqual([]);
  });

  it('an object typed with a list still has its sub-fields', () => {
    expect(fieldsOf(obj({ f: { type: ['object', 'null'], properties: { k: str } } })).fields[0]!.fields.map((f) => f.name)).toEqual(['k']);
  });

  it('an array typed with a list lists its items', () => {
    expect(fieldsOf({ type: ['array', 'null'], items: obj({ a: str }) }).fields.map((f) => f.name)).toEqual(['a']);
  });

  it('an unknown type is still a warning', () => {
    expect(fieldsOf(obj({ f: { type: 'required' } })).warnings).toEqual(['schema-unknown-type']);
  });
});

describe('a resource with both config.views and methods', () => {
  const ddl = (q: string) => `SELECT\nregion,\nIdentifier,\nJSON_EXTRACT(Properties, '$.BucketName') as bucket_name,\nJSON_EXTRACT(Properties, '$.Tags') as tags\nFROM x.cloud_control.resource WHERE Identifier = '${q}'`;
  const config = {
    views: {
      select: {
        predicate: 'sqlDialect == "sqlite3" && requiredParams == [ Identifier ]',
        ddl: ddl('<BucketName>'),
        fallback: { predicate: 'sqlDialect == "postgres" && requiredParams == [ Identifier ]', ddl: ddl('<pg>') },
      },
    },
  };
  const body = obj({ DesiredState: obj({ BucketName: { type: 'string', description: 'The bucket.' }, Tags: { type: 'array', items: obj({ k: str }) } }), Identifier: str });
  const { service } = miniService(
    {
      buckets: {
        methods: {
          create_resource: { method: 'post', body },
          delete_resource: { method: 'delete', body: obj({ Identifier: str }) },
        },
        sqlVerbs: { insert: ['create_resource'], delete: ['delete_resource'] },
        config,
      },
    },
    { servers: false },
  );
  const r = service.resources[0]!;

  it('keeps its methods and is a resource', () => {
    expect(r.kind).toBe('resource');
    expect(r.methods.map((m) => `${m.verb}:${m.name}`)).toEqual(['insert:create_resource', 'delete:delete_resource']);
  });

  it('takes its fields from the view, typed from its own schemas', () => {
    expect(r.fields.map((f) => `${f.name}:${f.type}`)).toEqual(['Identifier:string', 'bucket_name:string', 'region:unknown', 'tags:array']);
    expect(r.fields.find((f) => f.name === 'bucket_name')!.description).toBe('The bucket.');
    expect(r.fields.find((f) => f.name === 'tags')!.itemType).toBe('object');
    expect(r.fields.find((f) => f.name === 'tags')!.fields.map((f) => f.name)).toEqual(['k']);
  });

  it('requires what the predicate names in its SELECT', () => {
    expect(r.views[0]!.own).toBe(true);
    expect(r.views[0]!.requiredParams).toEqual(['Identifier']);
  });

  it('classic page: Resource, one SELECT from the view with the WHERE, INSERT and DELETE, the SQL definition per dialect', () => {
    const ctx = classicResourceContext({ ...providerOf(), services: [service] } as never, service, r);
    expect(ctx.isView).toBe(false);
    expect(ctx.fieldTabs).toBeUndefined();
    expect(ctx.selects.map((s) => `${s.value}:${s.from}:${s.params.join(',')}`)).toEqual(['view:p.s.buckets:Identifier']);
    expect(ctx.insert?.tabs[0]!.columns.map((c) => c.column)).toEqual(['data__DesiredState', 'data__Identifier']);
    expect(ctx.deletes.map((d) => d.name)).toEqual(['delete_resource']);
    expect(ctx.definitions.map((d) => `${d.label}:${d.ddl.includes('<pg>')}`)).toEqual(['sqlite3:false', 'postgres:true']);
  });

  it('detailed page: the same, with the view as the one fields tab', () => {
    const ctx = detailedResourceContext(providerOf() as never, service, r);
    expect(ctx.fieldTabs.map((t) => t.label)).toEqual(['buckets']);
    expect(ctx.selects[0]!.where.map((w) => w.name)).toEqual(['Identifier']);
    expect(ctx.definitions.map((d) => d.value)).toEqual(['sqlite3', 'postgres']);
    expect(ctx.inserts).toHaveLength(1);
  });
});

describe('view definitions and predicates', () => {
  it.each([
    ['sqlDialect == "sqlite3" && requiredParams == [ Identifier ]', ['Identifier']],
    ["requiredParams == [ a, 'b' ]", ['a', 'b']],
    ['sqlDialect == "postgres"', undefined],
    [undefined, undefined],
  ])('predicate %j requires %j', (predicate, expected) => {
    expect(predicateParams(predicate)).toEqual(expected);
  });

  it('follows the fallback chain, naming each dialect (default when none)', () => {
    expect(viewDefinitions({ predicate: 'sqlDialect == "sqlite3"', ddl: 'a', fallback: { predicate: "sqlDialect == 'postgres'", ddl: 'b', fallback: { ddl: 'c' } } })).toEqual([
      { dialect: 'sqlite3', ddl: 'a' },
      { dialect: 'postgres', ddl: 'b' },
      { dialect: 'default', ddl: 'c' },
    ]);
  });
});

describe('INSERT reads the media type examples', () => {
  it('takes the first examples entry when the schema names no fields and has no example', () => {
    const { service } = miniService(
      { r: { methods: { create: { method: 'post', bodyContent: { 'application/json': { schema: { type: 'object' }, examples: { first: { value: { a: 1, 'b-c': 'x' } }, second: { value: { z: 1 } } } } } } }, sqlVerbs: { insert: ['create'] } } },
      { servers: false },
    );
    const m = service.resources[0]!.methods[0]!;
    expect(m.requestBody?.examples).toEqual({ a: 1, 'b-c': 'x' });
    const ctx = classicResourceContext(providerOf() as never, service, service.resources[0]!);
    expect(ctx.insert?.tabs[0]!.columns.map((c) => c.column)).toEqual(['data__a', 'data__b-c']);
    const d = detailedResourceContext(providerOf() as never, service, service.resources[0]!);
    expect(d.inserts[0]!.columns.map((c) => `${c.column}:${c.quoted}`)).toEqual(['data__a:false', 'data__b-c:true']);
  });
});

function providerOf() {
  return {
    name: 'p',
    version: 'v1',
    title: 'P',
    description: '',
    services: [],
    settings: { brand: 'Brand', description: 'Docs', image: '/img.png', body: '' },
    source: { file: 'p.yaml', pointer: '' },
  };
}

describe('classic Fields section without rows', () => {
  it.each([
    ['a response without fields', { r: { methods: { list: { response: { type: 'array', items: { type: 'string' } } } }, sqlVerbs: { select: ['list'] } } }, 'The response has no documented fields.'],
    ['a view whose DDL selects *', { vw_x: { methods: {}, config: { views: { select: { predicate: 'sqlDialect == "sqlite3"', ddl: 'select * from p.s.t' } } } } }, 'The spec does not list the columns of this view; its SQL definition shows what it selects.'],
  ])('%s: a sentence instead of an empty table', (_label, resources, sentence) => {
    const { service } = miniService(resources as never, { servers: false });
    const ctx = classicResourceContext(providerOf() as never, service, service.resources[0]!);
    expect(ctx.resource.fields).toEqual([]);
    expect(ctx.noFields).toBe(sentence);
  });
});

it('a resource with both a view and SELECT methods tabs its fields: the view first, labelled as the view', () => {
  const { service } = miniService(
    { r: { methods: { list: { response: obj({ a: str }) } }, sqlVerbs: { select: ['list'] }, config: { views: { select: { predicate: 'sqlDialect == "sqlite3"', ddl: 'select a from p.s.r' } } } } },
    { servers: false },
  );
  const ctx = classicResourceContext(providerOf() as never, service, service.resources[0]!);
  expect(ctx.fieldTabs?.map((t) => `${t.label}:${t.value}`)).toEqual(['r (view):view', 'r:resource']);
  expect(ctx.selects.map((s) => s.value)).toEqual(['view', 'list']);
});
