import yaml from 'js-yaml';
import type { Field, Method, Param, ProviderInfo, Resource, Service, View } from '../model/types.js';
import { resourcePageBase, viewDefinitionTabs } from './classic-context.js';
import { compareStrings } from '../compare.js';
import { uniqueValues, viewTabValue } from './unique-values.js';
import { bodyObject, bodyValue, noColumnsReason, sampleOfType } from './body-values.js';
import { foldedFirstParagraph } from './spec-text.js';
import { rolesAsText, splitParamFields } from './rst.js';
import { jsonExtract, jsonPathItem, jsonPathKey } from './json-path.js';

export { uniqueValues };

// Page context of the detailed layout's resource page. Like the classic
// builders it decides what the page says, never how: every list the templates
// walk is precomputed here (anchors, SQL lines and their commas, manifests), so
// templates stay free of logic and every spec string still reaches the page
// through an escaping helper, or inside a code block, where it is literal.
//
// Cost: linear in the size of the resource. Field views and sample values are
// memoised per model object (the model shares field arrays between methods
// that use the same schema), so a 10 MB spec costs no more than its distinct
// schemas.

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

/** One tab of the Fields section: a view or a SELECT method. */
export interface FieldTab {
  readonly label: string;
  readonly value: string;
  /** The SELECT method (model); absent for a view. */
  readonly method?: Method;
  readonly fields: readonly FieldView[];
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

export interface MethodRow {
  readonly name: string;
  /** Unique on the page, `method-<slug>`: where `:method:` references link (method-refs.ts). */
  readonly anchor: string;
  readonly verb: Method['verb'];
  readonly description: string;
  readonly required: readonly ParamRef[];
  readonly optional: readonly ParamRef[];
  /** http(s) link to the operation's external docs, validated; absent otherwise. */
  readonly docsUrl?: string;
}

/** A `WHERE` line; optional parameters are commented out (`-- AND x = '{{ x }}'`). */
export interface WhereLine {
  readonly keyword: 'WHERE' | 'AND';
  readonly name: string;
  /** Template variable of the placeholder. */
  readonly var: string;
  /** False for numbers and booleans: `{{ n }}` rather than `'{{ s }}'`. */
  readonly quoted: boolean;
  readonly commented: boolean;
}

/** A column of an INSERT (or `SET` item of an UPDATE): `column` gets `'{{ var }}'`. */
export interface ValueItem {
  readonly column: string;
  readonly var: string;
  readonly quoted: boolean;
  readonly required: boolean;
}

/** An `@param = value` argument of an EXEC; optional ones are commented out, `lead`/`comma` keep any uncommented subset valid. */
export interface ExecArg {
  readonly name: string;
  readonly var: string;
  readonly quoted: boolean;
  readonly required: boolean;
  readonly commented: boolean;
  /** `, ` before a commented argument that follows the real ones (no `@@json` after it). */
  readonly lead: string;
  /** `,` when a real argument follows. */
  readonly comma: string;
}

/** A `"key": value` line of an EXEC's `@@json` body; `key` is already a JSON string. */
export interface JsonItem {
  readonly key: string;
  readonly var: string;
  readonly quoted: boolean;
}

/** A request body field, listed with a method whose docstring restated the body's fields. */
export interface BodyFieldRow {
  readonly name: string;
  readonly datatype: string;
  readonly required: boolean;
  readonly description: string;
}

interface Example {
  readonly label: string;
  readonly value: string;
  /** The method (model: `httpMethod`, `path`, `params`, `requestBody`, ...); absent for a view's SELECT. */
  readonly method?: Method;
  readonly name: string;
  readonly description: string;
  readonly docsUrl?: string;
  readonly id: string;
  /** The request body's fields when the description listed them as `:param`s (shown collapsed instead); else empty. */
  readonly body: readonly BodyFieldRow[];
}

export interface SelectExample extends Example {
  readonly columns: readonly string[];
  readonly where: readonly WhereLine[];
}
export interface InsertExample extends Example {
  readonly columns: readonly ValueItem[];
  /** What the page says instead of an INSERT when `columns` is empty. */
  readonly noColumns: string;
  readonly returning: readonly string[];
}
export interface ManifestTab {
  readonly label: string;
  readonly value: string;
  /** YAML text, shown in a code block. */
  readonly manifest: string;
}
export interface ModifyExample extends Example {
  readonly statement: 'UPDATE' | 'REPLACE';
  readonly set: readonly ValueItem[];
  readonly where: readonly WhereLine[];
}
export interface DeleteExample extends Example {
  readonly where: readonly WhereLine[];
}
export interface ExecExample extends Example {
  readonly args: readonly ExecArg[];
  readonly json: readonly JsonItem[];
  /** Body fields the schema marks required (they cannot be marked inside the JSON). */
  readonly requiredJson: readonly string[];
}

export function detailedResourceContext(provider: ProviderInfo, service: Service, resource: Resource) {
  const merged = resource.kind === 'resource' ? resource.views : [];
  const views = resource.kind === 'view' ? resource.views.slice(0, 1) : merged;
  const params = parameterRows(resource.methods);
  const anchorOf = (name: string) => params.anchors.get(name)!;
  const byVerb = (verb: Method['verb']) => resource.methods.filter((m) => m.verb === verb);

  const fieldValues = uniqueValues();
  const fieldTabs: FieldTab[] = [
    ...views.map((v, i) => ({ label: v.name, value: fieldValues(viewTabValue(views.length, i, v.name)), fields: fieldViews(v.fields, 0) })),
    ...resource.selectMethods.map((m) => ({ label: m.name, value: fieldValues(m.name), method: m, fields: fieldViews(m.responseFields, 0) })),
  ];

  const methods: MethodRow[] = resource.methods.map((m) => {
    const req = new Set(m.requiredParams);
    const row: { -readonly [K in keyof MethodRow]: MethodRow[K] } = {
      name: m.name,
      anchor: methodAnchor(m.name),
      verb: m.verb,
      description: docstring(m).description,
      required: m.requiredParams.map((n) => ({ name: n, anchor: anchorOf(n) })),
      optional: m.params.filter((p) => !req.has(p.name)).map((p) => ({ name: p.name, anchor: anchorOf(p.name) })),
    };
    const url = safeHttpUrl(m.externalDocsUrl);
    if (url) row.docsUrl = url;
    return row;
  });

  const selectValues = uniqueValues();
  const selects: SelectExample[] = [
    ...views.map((v, i) => viewSelect(v, selectValues(viewTabValue(views.length, i, v.name)))),
    ...resource.selectMethods.map((m) => ({
      ...example(m, resource, selectValues),
      columns: m.responseFields.map((f) => f.name),
      where: whereLines(m),
    })),
  ];

  const insertMethods = byVerb('insert');
  const insertValues = uniqueValues();
  const inserts: InsertExample[] = insertMethods.map((m) => ({
    ...example(m, resource, insertValues),
    noColumns: noColumnsReason(m),
    columns: [...requiredParamItems(m), ...bodyProps(m).map((b) => ({ column: `data__${b.name}`, var: b.name, quoted: b.quoted, required: b.required }))],
    returning: m.responseFields.map((f) => f.name),
  }));
  const manifests: ManifestTab[] = insertMethods.map((m) => ({
    label: insertMethods.length === 1 ? 'Manifest' : `Manifest (${m.name})`,
    value: insertValues(insertMethods.length === 1 ? 'manifest' : `manifest_${m.name}`),
    manifest: detailedManifest(resource, m),
  }));

  const modify = (verb: 'update' | 'replace'): ModifyExample[] => {
    const values = uniqueValues();
    return byVerb(verb).map((m) => ({
      ...example(m, resource, values),
      statement: verb === 'update' ? 'UPDATE' : 'REPLACE',
      set: bodyProps(m).map((b) => ({ column: `data__${b.name}`, var: b.name, quoted: b.quoted, required: b.required })),
      where: whereLines(m),
    }));
  };
  const deleteValues = uniqueValues();
  const deletes: DeleteExample[] = byVerb('delete').map((m) => ({ ...example(m, resource, deleteValues), where: whereLines(m, true) }));
  const execValues = uniqueValues();
  const execs: ExecExample[] = byVerb('exec').map((m) => ({ ...example(m, resource, execValues), ...execParts(m) }));

  return {
    ...resourcePageBase(provider, service, resource),
    hasFields: fieldTabs.length > 0,
    fieldTabs,
    definitions: viewDefinitionTabs(resource),
    methods,
    // Columns with nothing in them on this page are left out.
    methodColumns: {
      required: methods.some((m) => m.required.length > 0),
      optional: methods.some((m) => m.optional.length > 0),
      description: methods.some((m) => m.description.trim() !== ''),
    },
    params: params.rows,
    paramColumns: { description: params.rows.some((p) => p.description.trim() !== '' || p.variants.length > 0) },
    selects,
    inserts,
    manifests,
    updates: modify('update'),
    replaces: modify('replace'),
    deletes,
    execs,
  };
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

export function datatype(f: { readonly type: string; readonly format?: string; readonly itemType?: string }): string {
  const base = f.type === 'array' && f.itemType ? `array<${f.itemType}>` : f.type;
  return f.format ? `${base} (${f.format})` : base;
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


// ---------------------------------------------------------------- docstrings

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
function docstring(m: Method): Docstring {
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

// ---------------------------------------------------------------- examples

/** The url when it is an absolute http(s) url, normalised; undefined otherwise (`javascript:`, relative, malformed). */
export function safeHttpUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const s = url.trim();
  if (!/^https?:\/\//i.test(s)) return undefined;
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

function example(m: Method, resource: Resource, values: (v: string) => string): Example {
  const e: { -readonly [K in keyof Example]: Example[K] } = {
    label: m.name,
    value: values(m.name),
    method: m,
    name: m.name,
    description: docstring(m).description,
    id: resource.id,
    body: docstring(m).body,
  };
  const url = safeHttpUrl(m.externalDocsUrl);
  if (url) e.docsUrl = url;
  return e;
}

function viewSelect(v: View, value: string): SelectExample {
  return {
    label: v.name,
    value,
    name: v.name,
    description: v.description,
    id: v.id,
    body: [],
    columns: v.fields.map((f) => f.name),
    where: v.requiredParams.map((p, i) => ({ keyword: i === 0 ? 'WHERE' : 'AND', name: p, var: p, quoted: true, commented: false })),
  };
}

const UNQUOTED = new Set(['integer', 'number', 'boolean']);
const quoted = (type: string) => !UNQUOTED.has(type);

function paramsByName(m: Method): Map<string, Param> {
  const out = new Map<string, Param>();
  for (const p of m.params) if (!out.has(p.name)) out.set(p.name, p);
  return out;
}

/**
 * Required parameters in the `WHERE`, then the optional ones commented out.
 * With `body`, the request body's properties join them as `data__<name>`
 * (required ones with the required parameters), the way stackql passes a
 * body to a DELETE.
 */
export function whereLines(m: Method, body = false): WhereLine[] {
  const req = new Set(m.requiredParams);
  const byName = paramsByName(m);
  type Item = Omit<WhereLine, 'keyword'>;
  const param = (name: string): Item => ({ name, var: name, quoted: quoted(byName.get(name)?.type ?? 'string'), commented: !req.has(name) });
  const props = body ? bodyProps(m) : [];
  const data = (b: BodyProp): Item => ({ name: `data__${b.name}`, var: b.name, quoted: b.quoted, commented: !b.required });
  const items: Item[] = [
    ...m.requiredParams.map(param),
    ...props.filter((b) => b.required).map(data),
    ...m.params.filter((p) => !req.has(p.name)).map((p) => param(p.name)),
    ...props.filter((b) => !b.required).map(data),
  ];
  return items.map((it, i) => ({ keyword: i === 0 ? 'WHERE' : 'AND', ...it }));
}

function requiredParamItems(m: Method): ValueItem[] {
  const byName = paramsByName(m);
  return m.requiredParams.map((name) => ({ column: name, var: name, quoted: quoted(byName.get(name)?.type ?? 'string'), required: true }));
}

interface BodyProp {
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

function execParts(m: Method): Pick<ExecExample, 'args' | 'json' | 'requiredJson'> {
  const props = bodyProps(m);
  const hasJson = props.length > 0;
  const byName = paramsByName(m);
  const req = new Set(m.requiredParams);
  const real = m.requiredParams;
  const optional = m.params.filter((p) => !req.has(p.name)).map((p) => p.name);
  const q = (name: string) => quoted(byName.get(name)?.type ?? 'string');
  const args: ExecArg[] = [
    ...real.map((name, i) => ({
      name,
      var: name,
      quoted: q(name),
      required: true,
      commented: false,
      lead: '',
      comma: i < real.length - 1 || hasJson ? ',' : '',
    })),
    ...optional.map((name, i) => ({
      name,
      var: name,
      quoted: q(name),
      required: false,
      commented: true,
      // Followed by `@@json`, a commented argument carries its comma; after
      // the last real argument it carries a leading one instead.
      lead: !hasJson && (real.length > 0 || i > 0) ? ', ' : '',
      comma: hasJson ? ',' : '',
    })),
  ];
  return {
    args,
    json: props.map((p) => ({ key: JSON.stringify(p.name), var: p.name, quoted: p.type === 'string' || p.type === 'unknown' })),
    requiredJson: props.filter((p) => p.required).map((p) => p.name),
  };
}

// ---------------------------------------------------------------- manifest

/**
 * A stackql manifest for an insert method: each required parameter and body
 * property with a value (the body example's, else a sample built from the
 * schema), its type, and its description as documentation keys.
 */
export function detailedManifest(resource: Resource, m: Method): string {
  const cached = manifestCache.get(m);
  if (cached?.resource === resource.name) return cached.yaml;
  const out = buildManifest(resource, m);
  manifestCache.set(m, { resource: resource.name, yaml: out });
  return out;
}

const manifestCache = new WeakMap<Method, { resource: string; yaml: string }>();

function buildManifest(resource: Resource, m: Method): string {
  const byName = paramsByName(m);
  const props: Record<string, unknown>[] = [];
  for (const name of m.requiredParams) {
    const p = byName.get(name);
    props.push(prop(name, sampleOfType(p?.type ?? 'string'), p ? datatype(p) : 'string', true, p?.description ?? ''));
  }
  for (const b of bodyProps(m)) {
    const value = bodyValue(m, b.name, b.field, b.type);
    props.push(prop(b.name, value, b.datatype, b.required, b.description));
  }
  const doc = [{ name: resource.name, props }];
  const text = yaml.dump(doc, { noArrayIndent: true, lineWidth: -1, noRefs: true, skipInvalid: true }).replace(/\n$/, '');
  return `# Description fields are for documentation purposes\n${text}`;
}

function prop(name: string, value: unknown, type: string, required: boolean, description: string): Record<string, unknown> {
  const p: Record<string, unknown> = { name, value: value === undefined ? null : value, type };
  if (required) p['required'] = true;
  // YAML is no markdown: a Sphinx role keeps only its content.
  const d = rolesAsText(foldedFirstParagraph(description));
  if (d) p['description'] = d;
  return p;
}

function distinct<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}
