import type { Field, Method } from '../model/types.js';

// What an INSERT (and a manifest) says about a request body: which of its
// fields become columns, and a value for each. Shared by both layouts.

/** Levels of nested objects written out in a manifest sample value. */
const SAMPLE_DEPTH = 3;

const sampleCache = new WeakMap<Field, unknown[]>();

/** `v` when it is a JSON object (the only example shape whose keys are fields). */
export function bodyObject(v: unknown): Record<string, unknown> | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

export interface BodyKey {
  readonly name: string;
  readonly field?: Field;
}

/**
 * The body fields a classic INSERT lists: the keys of the schema's `example`
 * (in its order, `id` skipped), else the fields the schema requires, else the
 * keys of the first of its `examples`, else every field of the schema.
 */
export function classicBodyKeys(m: Method): BodyKey[] {
  const body = m.requestBody;
  if (!body) return [];
  const byName = new Map(body.fields.map((f) => [f.name, f]));
  const keysOf = (names: readonly string[]): BodyKey[] => names.map((name) => withField(name, byName.get(name)));
  const example = Object.keys(bodyObject(body.example) ?? {}).filter((k) => k !== 'id');
  if (example.length > 0) return keysOf(example);
  const required = body.fields.filter((f) => f.required);
  if (required.length > 0) return required.map((f) => ({ name: f.name, field: f }));
  const examples = Object.keys(bodyObject(body.examples) ?? {});
  if (examples.length > 0) return keysOf(examples);
  return body.fields.map((f) => ({ name: f.name, field: f }));
}

function withField(name: string, field: Field | undefined): BodyKey {
  return field ? { name, field } : { name };
}

/** A value for body field `name`: the example's, else the first `examples` entry's, else a sample of its schema. */
export function bodyValue(m: Method, name: string, field: Field | undefined, type = 'string'): unknown {
  const ex = bodyObject(m.requestBody?.example);
  if (ex && name in ex) return ex[name];
  const exs = bodyObject(m.requestBody?.examples);
  if (exs && name in exs) return exs[name];
  return field ? sample(field, 0) : sampleOfType(type);
}

/** Why an INSERT of `m` has no columns, in words (it takes no parameters, and no body or one without named fields). */
export function noColumnsReason(m: Method): string {
  const body = m.requestBody;
  if (!body) return 'This method takes no parameters and no request body.';
  return `This method takes no parameters; its request body (${body.mediaType}, ${body.schemaType}) has no named fields.`;
}

export function sample(f: Field, depth: number): unknown {
  let byDepth = sampleCache.get(f);
  if (!byDepth) sampleCache.set(f, (byDepth = []));
  if (depth in byDepth) return byDepth[depth];
  let v: unknown;
  if (f.enumValues && f.enumValues.length > 0) v = f.enumValues[0];
  else if (f.type === 'array') {
    const item = f.fields.length > 0 && depth < SAMPLE_DEPTH ? objectSample(f.fields, depth + 1) : sampleOfType(f.itemType ?? 'string');
    v = [item];
  } else if ((f.type === 'object' || f.type === 'unknown') && f.fields.length > 0) {
    v = depth < SAMPLE_DEPTH ? objectSample(f.fields, depth + 1) : {};
  } else v = sampleOfType(f.type);
  byDepth[depth] = v;
  return v;
}

function objectSample(fields: readonly Field[], depth: number): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const f of fields) o[f.name] = sample(f, depth);
  return o;
}

export function sampleOfType(type: string): unknown {
  switch (type) {
    case 'integer':
    case 'number':
      return 0;
    case 'boolean':
      return false;
    case 'array':
      return [];
    case 'object':
      return {};
    default:
      return 'string';
  }
}

