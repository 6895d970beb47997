import type { Field, Resource, View, ViewDefinition } from './types.js';
import { joinPointer } from '../json-pointer.js';
import { asRecord, asString, type SpecContext } from './spec-context.js';
import { orderFields } from './build-fields.js';

export interface ViewInput {
  readonly ctx: SpecContext;
  readonly name: string;
  readonly id: string;
  readonly node: Record<string, unknown>;
  readonly pointer: string;
}

/** True for a stackQL view: a resource entry with SQL (`config.views`). It may also have methods (see `hasMethods`). */
export function isViewNode(node: Record<string, unknown>): boolean {
  return asRecord(asRecord(node['config'])?.['views']) !== undefined;
}

/** True when a resource entry has at least one method: with `config.views` too, it is a resource whose SELECT is its view. */
export function hasMethods(node: Record<string, unknown>): boolean {
  return Object.keys(asRecord(node['methods']) ?? {}).length > 0;
}

/**
 * Builds a view. Its columns come from `config.docs.fields` when the spec
 * documents them, otherwise from the select list of the view's DDL: a column
 * copied from the base resource keeps the base type (`string` reads `text`, as
 * SQL shows it), a computed column is `unknown`.
 *
 * With `own`, the view is the SELECT of `base` itself (a resource with both
 * methods and `config.views`): its columns are the resource's fields, so each
 * takes the type and description of the field of the same name in the
 * resource's schemas (a computed column: the field its JSON path names, e.g.
 * `JSON_EXTRACT(Properties, '$.BucketName') as bucket_name`).
 */
export function buildView(input: ViewInput, base: Resource | undefined, own = false): View {
  const { ctx, node, pointer } = input;
  const config = asRecord(node['config']) ?? {};
  const docs = asRecord(config['docs']);
  let fields: Field[];
  const documented = docs && Array.isArray(docs['fields']) ? docs['fields'] : undefined;
  if (documented) {
    fields = documented.flatMap((f, i) => {
      const rec = asRecord(f);
      const name = rec && asString(rec['name']);
      if (!rec || !name) return [];
      return [
        {
          name,
          type: asString(rec['type']) ?? 'unknown',
          description: asString(rec['description']) ?? '',
          required: false,
          fields: [],
          source: { file: ctx.file, pointer: joinPointer(pointer, 'config', 'docs', 'fields', i) },
        },
      ];
    });
  } else {
    const select = asRecord(asRecord(config['views'])?.['select']);
    const ddl = asString(select?.['ddl']) ?? '';
    const baseTypes = new Map((base?.fields ?? []).map((f) => [f.name, f.type]));
    const index = own && base ? fieldIndex(base) : undefined;
    const at = joinPointer(pointer, 'config', 'views', 'select', 'ddl');
    fields = selectColumns(ddl).map((c) => {
      const source = { file: ctx.file, pointer: at };
      const known = index?.get(c.from ?? c.path ?? c.name) ?? index?.get(c.name);
      if (known) {
        const f: { -readonly [K in keyof Field]: Field[K] } = { name: c.name, type: known.type, description: known.description, required: false, fields: known.fields ?? [], source };
        if (known.format) f.format = known.format;
        if (known.itemType) f.itemType = known.itemType;
        if (known.enumValues) f.enumValues = known.enumValues;
        return f;
      }
      return { name: c.name, type: c.copied && !own ? sqlType(baseTypes.get(c.from ?? c.name)) : 'unknown', description: '', required: false, fields: [], source };
    });
    if (fields.length === 0) ctx.bag.warning('view-no-columns', `view "${input.name}" has no columns that could be read from its DDL`, ctx.file, at);
  }
  let requiredParams: string[] = [];
  const definitions = viewDefinitions(asRecord(asRecord(config['views'])?.['select']));
  const predicated = predicateParams(asString(asRecord(asRecord(config['views'])?.['select'])?.['predicate']));
  if (docs && Array.isArray(docs['requiredParams'])) {
    requiredParams = docs['requiredParams'].map((p) => asString(asRecord(p)?.['name']) ?? asString(p) ?? '').filter(Boolean);
  } else if (predicated) {
    requiredParams = predicated;
  } else if (base && base.selectMethods.length > 0) {
    // Without documented parameters the view needs what the base resource's simplest SELECT needs.
    requiredParams = [...base.selectMethods[0]!.requiredParams];
  }
  return {
    name: input.name,
    id: input.id,
    fields: orderFields(fields),
    requiredParams,
    description: asString(node['description']) ?? asString(docs?.['description']) ?? '',
    definitions,
    own,
    source: { file: ctx.file, pointer },
  };
}

/** The view's DDL per SQL dialect: `select`, then each `fallback` in turn, named by `sqlDialect == "x"` in its predicate. */
export function viewDefinitions(select: Record<string, unknown> | undefined): ViewDefinition[] {
  const out: ViewDefinition[] = [];
  const seen = new Set<object>();
  for (let cur = select; cur && !seen.has(cur); cur = asRecord(cur['fallback'])) {
    seen.add(cur);
    const ddl = asString(cur['ddl']);
    if (ddl === undefined) continue;
    const dialect = /sqlDialect\s*==\s*["']([^"']+)["']/.exec(asString(cur['predicate']) ?? '')?.[1] ?? 'default';
    out.push({ dialect, ddl });
  }
  return out;
}

/** The parameters a view's predicate requires (`requiredParams == [ Identifier, region ]`); undefined when it names none. */
export function predicateParams(predicate: string | undefined): string[] | undefined {
  const m = /requiredParams\s*==\s*\[([^\]]*)\]/.exec(predicate ?? '');
  if (!m) return undefined;
  return m[1]!.split(',').map((p) => p.trim().replace(/^["']|["']$/g, '')).filter(Boolean);
}

interface KnownField {
  readonly type: string;
  readonly format?: string;
  readonly description: string;
  readonly fields?: readonly Field[];
  readonly itemType?: string;
  readonly enumValues?: readonly string[];
}

/**
 * Every name the resource's schemas give a type: parameters, then the fields
 * of its responses and request bodies two levels deep (a cloud-control body
 * nests the resource's properties in `DesiredState`). The first wins.
 */
function fieldIndex(resource: Resource): Map<string, KnownField> {
  const index = new Map<string, KnownField>();
  const add = (name: string, f: KnownField) => {
    if (!index.has(name)) index.set(name, f);
  };
  for (const m of resource.methods) for (const p of m.params) add(p.name, p);
  const walk = (fields: readonly Field[], depth: number) => {
    for (const f of fields) add(f.name, f);
    if (depth < 1) for (const f of fields) walk(f.fields, depth + 1);
  };
  for (const m of resource.methods) {
    walk(m.responseFields, 0);
    walk(m.requestBody?.fields ?? [], 0);
  }
  return index;
}

function sqlType(t: string | undefined): string {
  if (t === undefined) return 'unknown';
  return t === 'string' ? 'text' : t;
}

interface Column {
  readonly name: string;
  readonly copied: boolean;
  /** For a copied column, the base column it reads. */
  readonly from?: string;
  /** For a computed column, the last key of the JSON path it extracts (`'$.a.B'` or `'a', 'B'`: `B`). */
  readonly path?: string;
}

/** Output columns of the first top-level SELECT list in `ddl`. */
export function selectColumns(ddl: string): Column[] {
  const m = /\bselect\b/i.exec(ddl);
  if (!m) return [];
  const items: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = m.index + m[0].length;
  let i = start;
  for (; i < ddl.length; i++) {
    const ch = ddl[i]!;
    if (quote) {
      if (ch === quote) quote = null;
      continue;
    }
    if (ch === "'" || ch === '"' || ch === '`') quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (depth === 0 && ch === ',') {
      items.push(ddl.slice(start, i));
      start = i + 1;
    } else if (depth === 0 && /\s/.test(ch) && /^\s+from\b/i.test(ddl.slice(i))) {
      break;
    }
  }
  items.push(ddl.slice(start, i));
  const cols: Column[] = [];
  for (const raw of items) {
    const item = raw.trim().replace(/^distinct\s+/i, '');
    if (!item) continue;
    const alias = /\s+as\s+["`]?([A-Za-z_][\w$]*)["`]?\s*$/i.exec(item);
    if (alias) {
      const expr = item.slice(0, alias.index).trim();
      const plain = /^(?:[A-Za-z_][\w$]*\.)?([A-Za-z_][\w$]*)$/.exec(expr);
      const path = jsonPathKey(expr);
      cols.push(plain ? { name: alias[1]!, copied: true, from: plain[1]! } : path ? { name: alias[1]!, copied: false, path } : { name: alias[1]!, copied: false });
      continue;
    }
    const ident = /^(?:[A-Za-z_][\w$]*\.)?([A-Za-z_][\w$]*)$/.exec(item);
    if (ident) cols.push({ name: ident[1]!, copied: true, from: ident[1]! });
  }
  return cols;
}

/** The last key of the JSON path a function call extracts: its last string argument, `$.`-prefix and dots followed. */
function jsonPathKey(expr: string): string | undefined {
  if (!/^[A-Za-z_]\w*\s*\(/.test(expr)) return undefined;
  const literals = [...expr.matchAll(/'([^']*)'/g)].map((m) => m[1]!);
  const last = literals[literals.length - 1];
  if (!last) return undefined;
  const key = last.replace(/^\$\.?/, '').split('.').pop();
  return key && /^[A-Za-z_][\w-]*$/.test(key) ? key : undefined;
}
