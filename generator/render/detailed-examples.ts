import yaml from 'js-yaml';
import type { Method, Resource, View } from '../model/types.js';
import { bodyValue, sampleOfType } from './body-values.js';
import { foldedFirstParagraph } from './spec-text.js';
import { rolesAsText } from './rst.js';
import { bodyProps, datatype, docstring, paramsByName, quoted, type BodyFieldRow, type BodyProp } from './detailed-body.js';

// The SQL examples of the detailed layout's resource page (SELECT, INSERT with
// its manifest, UPDATE, REPLACE, DELETE, EXEC): every line precomputed, so the
// templates only lay them out.

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

export interface Example {
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

export function example(m: Method, resource: Resource, values: (v: string) => string): Example {
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

export function viewSelect(v: View, value: string): SelectExample {
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

export function requiredParamItems(m: Method): ValueItem[] {
  const byName = paramsByName(m);
  return m.requiredParams.map((name) => ({ column: name, var: name, quoted: quoted(byName.get(name)?.type ?? 'string'), required: true }));
}

export function execParts(m: Method): Pick<ExecExample, 'args' | 'json' | 'requiredJson'> {
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
