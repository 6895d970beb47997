import type { Field, Method, Param, ParamLocation, RequestBody, SqlVerb } from './types.js';
import { joinPointer, splitPointer } from '../json-pointer.js';
import { asRecord, asString, deref, type SpecContext } from './spec-context.js';
import { compareStrings } from '../compare.js';
import { hasType, orderFields, type FieldBuilder } from './build-fields.js';

const LOCATIONS = new Set<ParamLocation>(['path', 'query', 'header', 'cookie']);
const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

export interface MethodInput {
  readonly ctx: SpecContext;
  readonly fields: FieldBuilder;
  readonly name: string;
  readonly verb: SqlVerb;
  /** The method object under `x-stackQL-resources.<r>.methods.<m>`. */
  readonly node: Record<string, unknown>;
  readonly pointer: string;
}

/**
 * Builds one method from its stackQL entry and the operation it points at.
 * Returns undefined, after reporting an error, when the operation is missing.
 */
export function buildMethod(input: MethodInput): Method | undefined {
  const { ctx, node, pointer, name } = input;
  const opRefNode = node['operation'];
  const opRef = asString(asRecord(opRefNode)?.['$ref']);
  if (!opRef) {
    ctx.bag.error('operation-missing', `method "${name}" has no operation.$ref`, ctx.file, pointer);
    return undefined;
  }
  const op = deref(ctx, opRefNode, joinPointer(pointer, 'operation'));
  const opNode = op && asRecord(op.node);
  if (!op || !opNode) {
    if (op) ctx.bag.error('operation-missing', `method "${name}" points at something that is not an operation: ${opRef}`, ctx.file, joinPointer(pointer, 'operation', '$ref'));
    return undefined;
  }
  const segs = safeSplit(op.pointer);
  const httpMethod = (segs[segs.length - 1] ?? '').toLowerCase();
  const pathKey = segs[0] === 'paths' && segs.length >= 3 ? segs[1]! : '';
  const pathItemPointer = op.pointer.slice(0, op.pointer.lastIndexOf('/'));
  const pathItem = asRecord(ctx.doc['paths'] && asRecord(ctx.doc['paths'])?.[pathKey]) ?? {};
  if (!HTTP_METHODS.has(httpMethod)) {
    ctx.bag.warning('operation-not-http', `operation ref does not end in an HTTP method: ${opRef}`, ctx.file, joinPointer(pointer, 'operation', '$ref'));
  }

  const params = collectParams(input, opNode, op.pointer, pathItem, pathItemPointer);
  const servers = serverParams(input, opNode, op.pointer, pathItem, pathItemPointer);
  const requiredOp = [...new Set(params.filter((p) => p.required).map((p) => p.name))].sort(compareStrings);
  const requiredParams = [...requiredOp, ...servers.map((s) => s.name).filter((n) => !requiredOp.includes(n))];
  const required = requiredParams.map((n) => params.find((p) => p.name === n && p.required) ?? servers.find((s) => s.name === n)!);
  const optional = params.filter((p) => !p.required).sort((a, b) => compareStrings(a.name, b.name) || compareStrings(a.in, b.in));

  const response = asRecord(node['response']) ?? {};
  const objectKey = asString(response['objectKey']) ?? asString(opNode['x-stackQL-objectKey']);
  const method: { -readonly [K in keyof Method]: Method[K] } = {
    name,
    verb: input.verb,
    operationId: asString(opNode['operationId']) ?? '',
    httpMethod,
    path: pathKey,
    summary: asString(opNode['summary']) ?? '',
    description: asString(opNode['description']) ?? asString(opNode['summary']) ?? '',
    requiredParams,
    params: [...required, ...optional.filter((p) => !requiredParams.includes(p.name))],
    responseFields: responseFields(input, opNode, op.pointer, response, objectKey),
    source: { file: ctx.file, pointer },
  };
  if (objectKey) method.objectKey = objectKey;
  const body = requestBody(input, opNode, op.pointer, asRecord(node['request']));
  if (body) method.requestBody = body;
  const docs = asString(asRecord(opNode['externalDocs'])?.['url']);
  if (docs) method.externalDocsUrl = docs;
  return method;
}

function collectParams(input: MethodInput, op: Record<string, unknown>, opPointer: string, pathItem: Record<string, unknown>, pathItemPointer: string): Param[] {
  const { ctx } = input;
  const out: Param[] = [];
  const seen = new Set<string>();
  // Operation-level parameters override path-level ones with the same name and location.
  const lists: [unknown, string][] = [
    [op['parameters'], opPointer + '/parameters'],
    [pathItem['parameters'], pathItemPointer + '/parameters'],
  ];
  for (const [list, listPointer] of lists) {
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      ctx.bag.warning('params-not-list', 'parameters is not a list', ctx.file, listPointer);
      continue;
    }
    list.forEach((raw, i) => {
      const at = joinPointer(listPointer, i);
      const r = deref(ctx, raw, at);
      const p = r && asRecord(r.node);
      if (!r || !p) return;
      const name = asString(p['name']);
      if (!name) {
        ctx.bag.warning('param-no-name', 'parameter without a name is ignored', ctx.file, r.pointer);
        return;
      }
      const loc = (asString(p['in']) ?? 'query') as ParamLocation;
      const key = `${loc}\0${name}`;
      if (seen.has(key)) {
        if (listPointer.startsWith(opPointer)) ctx.bag.warning('param-duplicate', `parameter "${name}" (${loc}) is listed more than once; the first is used`, ctx.file, r.pointer);
        return;
      }
      seen.add(key);
      if (!LOCATIONS.has(loc)) ctx.bag.warning('param-bad-location', `parameter "${name}" has unknown location "${loc}"`, ctx.file, r.pointer + '/in');
      let info: { type: string; format?: string; description: string } = { type: 'unknown', description: '' };
      if (p['schema'] === undefined) {
        ctx.bag.warning('param-no-schema', `parameter "${name}" has no schema; its type is shown as unknown`, ctx.file, r.pointer);
      } else {
        info = input.fields.info(p['schema'], r.pointer + '/schema');
      }
      const param: { -readonly [K in keyof Param]: Param[K] } = {
        name,
        in: loc,
        // Path parameters are required whatever the spec says: the URL cannot be built without them.
        required: p['required'] === true || loc === 'path',
        type: info.type,
        description: asString(p['description']) ?? info.description,
        source: { file: ctx.file, pointer: r.pointer },
      };
      if (info.format) param.format = info.format;
      out.push(param);
    });
  }
  return out;
}

function serverParams(input: MethodInput, op: Record<string, unknown>, opPointer: string, pathItem: Record<string, unknown>, pathItemPointer: string): Param[] {
  const { ctx } = input;
  const candidates: [unknown, string][] = [
    [op['servers'], opPointer + '/servers'],
    [pathItem['servers'], pathItemPointer + '/servers'],
    [ctx.doc['servers'], '/servers'],
  ];
  for (const [servers, at] of candidates) {
    if (!Array.isArray(servers) || servers.length === 0) continue;
    const vars = asRecord(asRecord(servers[0])?.['variables']);
    if (!vars) return [];
    return Object.keys(vars).map((name) => {
      const v = asRecord(vars[name]) ?? {};
      return {
        name,
        in: 'server' as const,
        required: true,
        type: 'string',
        description: asString(v['description']) ?? '',
        source: { file: ctx.file, pointer: joinPointer(at, 0, 'variables', name) },
      };
    });
  }
  return [];
}

function responseFields(input: MethodInput, op: Record<string, unknown>, opPointer: string, response: Record<string, unknown>, objectKey: string | undefined): readonly Field[] {
  const { ctx } = input;
  const responses = asRecord(op['responses']);
  if (!responses) return [];
  let code = asString(response['openAPIDocKey']) ?? '200';
  if (!(code in responses)) {
    const fallback = Object.keys(responses).sort().find((c) => /^2\d\d$/.test(c));
    if (!fallback) return [];
    code = fallback;
  }
  const r = deref(ctx, responses[code], joinPointer(opPointer, 'responses', code));
  const content = r && asRecord(asRecord(r.node)?.['content']);
  if (!r || !content) return [];
  const mt = pickMediaType(content, asString(response['mediaType']));
  if (!mt) return [];
  let schema: unknown = asRecord(content[mt])?.['schema'];
  let at = joinPointer(r.pointer, 'content', mt, 'schema');
  if (schema === undefined) return [];
  if (objectKey) {
    const target = followObjectKey(input, schema, at, objectKey);
    if (target) ({ schema, at } = target);
    else ctx.bag.warning('objectkey-missing', `objectKey ${objectKey} is not in the response schema; fields come from the whole response`, ctx.file, at);
  }
  return orderFields(input.fields.propertiesOf(schema, at));
}

/** Walks `$.a.b[*]` through the schema: properties by name (inside `allOf`/`oneOf`/`anyOf` parts too), arrays through their items. */
function followObjectKey(input: MethodInput, schema: unknown, pointer: string, key: string): { schema: unknown; at: string } | undefined {
  const segs = key.replace(/^\$\.?/, '').replace(/\[[^\]]*\]/g, '').split('.').filter(Boolean);
  let cur: { schema: unknown; at: string } = { schema, at: pointer };
  for (const seg of segs) {
    const next = propertyNamed(input, cur.schema, cur.at, seg, 0);
    if (!next) return undefined;
    cur = next;
  }
  return cur;
}

const COMPOSITIONS = ['allOf', 'oneOf', 'anyOf'] as const;

function propertyNamed(input: MethodInput, schema: unknown, pointer: string, name: string, depth: number): { schema: unknown; at: string } | undefined {
  if (depth > 8) return undefined;
  let r = deref(input.ctx, schema, pointer);
  let node = r && asRecord(r.node);
  if (r && node && hasType(node, 'array') && node['items'] !== undefined) {
    r = deref(input.ctx, node['items'], r.pointer + '/items');
    node = r && asRecord(r.node);
  }
  if (!r || !node) return undefined;
  const props = asRecord(node['properties']);
  if (props && props[name] !== undefined) return { schema: props[name], at: joinPointer(r.pointer, 'properties', name) };
  for (const keyword of COMPOSITIONS) {
    const parts = node[keyword];
    if (!Array.isArray(parts)) continue;
    for (let i = 0; i < parts.length; i++) {
      const found = propertyNamed(input, parts[i], joinPointer(r.pointer, keyword, i), name, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

function requestBody(input: MethodInput, op: Record<string, unknown>, opPointer: string, request: Record<string, unknown> | undefined): RequestBody | undefined {
  const { ctx } = input;
  if (op['requestBody'] === undefined) return undefined;
  const r = deref(ctx, op['requestBody'], opPointer + '/requestBody');
  const rb = r && asRecord(r.node);
  const content = rb && asRecord(rb['content']);
  if (!r || !rb || !content) return undefined;
  const mt = pickMediaType(content, asString(request?.['mediaType']));
  if (!mt) return undefined;
  const media = asRecord(content[mt]) ?? {};
  const at = joinPointer(r.pointer, 'content', mt, 'schema');
  const s = deref(ctx, media['schema'], at);
  const schema = s && asRecord(s.node);
  const body: { -readonly [K in keyof RequestBody]: RequestBody[K] } = {
    required: rb['required'] === true,
    mediaType: mt,
    fields: media['schema'] === undefined ? [] : input.fields.propertiesOf(media['schema'], at),
    schemaType: media['schema'] === undefined ? 'unknown' : input.fields.info(media['schema'], at).type,
  };
  const example = schema?.['example'] ?? media['example'];
  if (example !== undefined) body.example = example;
  const examples = firstExample(ctx, media['examples'], joinPointer(r.pointer, 'content', mt, 'examples')) ?? (Array.isArray(schema?.['examples']) ? schema['examples'][0] : undefined);
  if (examples !== undefined) body.examples = examples;
  return body;
}

/** The value of the first entry of a media type's `examples` map (each an Example object, possibly a `$ref`). */
function firstExample(ctx: SpecContext, examples: unknown, pointer: string): unknown {
  const map = asRecord(examples);
  const first = map && Object.keys(map)[0];
  if (!map || first === undefined) return undefined;
  const r = deref(ctx, map[first], joinPointer(pointer, first));
  return asRecord(r?.node)?.['value'];
}

function pickMediaType(content: Record<string, unknown>, wanted: string | undefined): string | undefined {
  if (wanted && wanted in content) return wanted;
  if ('application/json' in content) return 'application/json';
  return Object.keys(content).sort()[0];
}

function safeSplit(pointer: string): string[] {
  try {
    return splitPointer(pointer);
  } catch {
    return [];
  }
}
