import type { Field, Method, Param } from '../model/types.js';
import { bodyObject } from './body-values.js';
import { splitParamFields } from './rst.js';

// What the detailed layout reads from a method's request body and docstring:
// the body's top-level properties (from its schema, else from its examples)
// and the `:param` entries of SDK docstrings. Both the Parameters table and the
// SQL examples use them; memoised per model object.

/** Type as written, arrays as `array<item>`, format in parentheses: `integer (int64)`. */
export function datatype(f: { readonly type: string; readonly format?: string; readonly itemType?: string }): string {
  const base = f.type === 'array' && f.itemType ? `array<${f.itemType}>` : f.type;
  return f.format ? `${base} (${f.format})` : base;
}

const UNQUOTED = new Set(['integer', 'number', 'boolean']);
export const quoted = (type: string) => !UNQUOTED.has(type);

export function paramsByName(m: Method): Map<string, Param> {
  const out = new Map<string, Param>();
  for (const p of m.params) if (!out.has(p.name)) out.set(p.name, p);
  return out;
}

/** A request body field, listed with a method whose docstring restated the body's fields. */
export interface BodyFieldRow {
  readonly name: string;
  readonly datatype: string;
  readonly required: boolean;
  readonly description: string;
}

export interface BodyProp {
  readonly name: string;
  readonly type: string;
  readonly datatype: string;
  readonly description: string;
  readonly required: boolean;
  readonly quoted: boolean;
  readonly field?: Field;
}

/** The request body's top-level properties; from the keys of its `example`, else of its first `examples` entry, when the schema names none. */
export function bodyProps(m: Method): BodyProp[] {
  const body = m.requestBody;
  if (!body) return [];
  if (body.fields.length > 0) {
    return body.fields.map((f) => ({ name: f.name, type: f.type, datatype: datatype(f), description: f.description, required: f.required, quoted: quoted(f.type), field: f }));
  }
  const ex = bodyObject(body.example) ?? bodyObject(body.examples);
  if (!ex) return [];
  return Object.entries(ex).map(([name, v]) => {
    const type = jsonType(v);
    return { name, type, datatype: type, description: '', required: false, quoted: quoted(type) };
  });
}

function jsonType(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'unknown';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v === 'object' ? 'object' : typeof v === 'boolean' ? 'boolean' : 'string';
}

interface Docstring {
  /** The description without the `:param` entries the page shows elsewhere. */
  readonly description: string;
  /** Docstring text of the method's parameters (merged into the Parameters section). */
  readonly params: ReadonlyMap<string, string>;
  readonly body: readonly BodyFieldRow[];
}

const docstringCache = new WeakMap<Method, Docstring>();

/**
 * SDK docstrings restate the method's parameters and request body fields as
 * `:param name: type` entries. Those naming a parameter are merged into the
 * Parameters section (their text describes a parameter the schema leaves
 * undescribed; otherwise it is the schema's text again), those naming a body
 * field become the method's collapsed list of body fields (the schema's
 * description, else the docstring's). Entries naming neither stay in the
 * description, as written.
 */
export function docstring(m: Method): Docstring {
  let d = docstringCache.get(m);
  if (d) return d;
  const params = new Set(m.params.map((p) => p.name));
  const props = bodyProps(m);
  const fields = new Set(props.map((b) => b.name));
  const split = splitParamFields(m.description, (name) => params.has(name) || fields.has(name));
  const listed = props.some((b) => split.fields.has(b.name));
  d = {
    description: split.rest,
    params: split.fields,
    body: listed
      ? props.map((b) => ({ name: b.name, datatype: b.datatype, required: b.required, description: b.description.trim() !== '' ? b.description : (split.fields.get(b.name) ?? '') }))
      : [],
  };
  docstringCache.set(m, d);
  return d;
}
