import type { Field, Method, Param } from '../model/types.js';
import { compareStrings } from '../compare.js';
import { uniqueValues } from './unique-values.js';
import { jsonExtract, jsonPathItem, jsonPathKey } from './json-path.js';
import { datatype, docstring } from './detailed-body.js';

// The Fields and Parameters sections of the detailed layout's resource page,
// and the anchors of its rows (other pages link to a method's row).

/** Levels of sub-fields shown under a field (its own level not counted). */
export const FIELD_DEPTH = 3;

/** A field as the page shows it. `fields` is cut at FIELD_DEPTH; `elided` says sub-fields were left out there. */
export interface FieldView {
  readonly name: string;
  /** Of a sub-field: its JSON path inside the top-level field (`$.a.b`, `$[0].c`); empty for a top-level field. */
  readonly path: string;
  /** Of a top-level object or array field: a `JSON_EXTRACT(field, '$.sub')` that reads a sub-field; empty otherwise. */
  readonly extract: string;
  /** Type as written, arrays as `array<item>`, format in parentheses: `integer (int64)`. */
  readonly datatype: string;
  readonly description: string;
  readonly required: boolean;
  readonly enumValues: readonly string[];
  readonly fields: readonly FieldView[];
  readonly elided: boolean;
  /** For a field of only some alternatives of a oneOf/anyOf: which (`oneOf: A, B`); empty otherwise. */
  readonly alternatives: string;
  /** Whether the `field-note` partial has anything to say (description, enum values, alternatives, elided sub-fields). */
  readonly hasNote: boolean;
}

/** A parameter mentioned by a method, linking to its row in the Parameters section. */
export interface ParamRef {
  readonly name: string;
  readonly anchor: string;
}

/** A row of the Parameters section: every method's parameters, one row per name. */
export interface ParamRow {
  readonly name: string;
  /** Unique on the page, `parameter-<slug>`; the row carries `<a id>` with it. */
  readonly anchor: string;
  /** `path`, `query`, `header`, `cookie` or `server variable`; several joined by `, `. */
  readonly location: string;
  /** `unknown` when the spec gives no schema. */
  readonly datatype: string;
  /** The description when every method that has the parameter agrees (or only one describes it). */
  readonly description: string;
  /** When methods describe the parameter differently: each description with the methods that use it. */
  readonly variants: readonly { readonly methods: readonly string[]; readonly description: string }[];
}

// ---------------------------------------------------------------- fields

const fieldViewCache = new WeakMap<readonly Field[], Map<string, FieldView[]>>();

/**
 * Field views for a list of model fields at `depth` (0 = the top-level rows),
 * memoised per list, depth and JSON path of the parent (`$` for the sub-fields
 * of a top-level field, `$[0]` when it is an array).
 */
export function fieldViews(fields: readonly Field[], depth: number, parent = '$'): readonly FieldView[] {
  let byKey = fieldViewCache.get(fields);
  if (!byKey) fieldViewCache.set(fields, (byKey = new Map()));
  const key = `${depth}\0${parent}`;
  let views = byKey.get(key);
  if (!views) {
    views = fields.map((f) => {
      const shown = depth < FIELD_DEPTH;
      const elided = !shown && f.fields.length > 0;
      const alternatives = f.alternatives ? `${f.alternatives.keyword}: ${f.alternatives.of.join(', ')}` : '';
      const path = depth === 0 ? '' : jsonPathKey(parent, f.name);
      // The sub-fields of an array field are those of its items.
      const inner = f.type === 'array' ? jsonPathItem(depth === 0 ? '$' : path) : depth === 0 ? '$' : path;
      const subFields = shown && f.fields.length > 0 ? fieldViews(f.fields, depth + 1, inner) : [];
      return {
        name: f.name,
        path,
        extract: depth === 0 ? extractExample(f, subFields, inner) : '',
        datatype: datatype(f),
        description: f.description,
        required: f.required,
        enumValues: f.enumValues ?? [],
        fields: subFields,
        elided,
        alternatives,
        hasNote: f.description !== '' || (f.enumValues?.length ?? 0) > 0 || elided || alternatives !== '',
      };
    });
    byKey.set(key, views);
  }
  return views;
}

/**
 * For an object or array column: a copyable JSON_EXTRACT of its first
 * sub-field (the others are read the same way, with the path the page shows
 * beside each), of its first element when its items have no fields, or of a
 * key of a free-form object. Empty for other columns.
 */
function extractExample(f: Field, subFields: readonly FieldView[], inner: string): string {
  if (f.type !== 'object' && f.type !== 'array') return '';
  if (subFields.length > 0) return jsonExtract(f.name, subFields[0]!.path);
  return jsonExtract(f.name, f.type === 'array' ? inner : jsonPathKey(inner, 'key'));
}

// ---------------------------------------------------------------- parameters

const LOCATION_ORDER = ['path', 'query', 'header', 'cookie', 'server'];

/**
 * One row per parameter name over all methods, in location order (path,
 * query, header, cookie, server variables), then by name; each with an anchor
 * unique on the page.
 */
export function parameterRows(methods: readonly Method[]): { rows: ParamRow[]; anchors: Map<string, string> } {
  const byName = new Map<string, { params: Param[]; methods: string[]; docs: string[] }>();
  for (const m of methods) {
    const doc = docstring(m).params;
    for (const p of m.params) {
      let e = byName.get(p.name);
      if (!e) byName.set(p.name, (e = { params: [], methods: [], docs: [] }));
      e.params.push(p);
      e.methods.push(m.name);
      e.docs.push(doc.get(p.name) ?? '');
    }
  }
  const rank = new Map([...byName].map(([name, e]) => [name, Math.min(...e.params.map((p) => locationRank(p.in)))]));
  const names = [...byName.keys()].sort((a, b) => rank.get(a)! - rank.get(b)! || compareStrings(a, b));
  const anchor = uniqueValues();
  const anchors = new Map<string, string>();
  const rows = names.map((name): ParamRow => {
    const e = byName.get(name)!;
    const id = anchor(`parameter-${slug(name)}`);
    anchors.set(name, id);
    const locations = distinct(e.params.map((p) => p.in)).sort((a, b) => locationRank(a) - locationRank(b));
    const described = new Map<string, string[]>();
    e.params.forEach((p, i) => {
      // A parameter the schema leaves undescribed takes the text its method's docstring gives it.
      const text = p.description.trim() !== '' ? p.description : (e.docs[i] ?? '');
      if (text.trim() === '') return;
      const ms = described.get(text) ?? [];
      if (!ms.includes(e.methods[i]!)) ms.push(e.methods[i]!);
      described.set(text, ms);
    });
    const several = described.size > 1;
    return {
      name,
      anchor: id,
      location: locations.map((l) => (l === 'server' ? 'server variable' : l)).join(', '),
      datatype: distinct(e.params.map((p) => datatype(p))).join(' or '),
      description: several ? '' : ([...described.keys()][0] ?? ''),
      variants: several ? [...described].map(([description, ms]) => ({ methods: ms, description })) : [],
    };
  });
  return { rows, anchors };
}

function locationRank(loc: string): number {
  const i = LOCATION_ORDER.indexOf(loc);
  return i < 0 ? LOCATION_ORDER.length : i;
}

/** The Methods-table anchor of a method on its resource page (method-refs.ts links `:method:` references there). */
export function methodAnchor(name: string): string {
  return `method-${slug(name)}`;
}

/** An id fragment for any name: letters, digits, `_` and `-` kept, every other run becomes `-`. */
export function slug(name: string): string {
  const s = name.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  return s === '' ? 'x' : s;
}

function distinct<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}
