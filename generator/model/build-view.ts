import type { Field, Resource, View } from './types.js';
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

/** True for a stackQL view: a resource entry defined by SQL (`config.views`) rather than by methods. */
export function isViewNode(node: Record<string, unknown>): boolean {
  return asRecord(asRecord(node['config'])?.['views']) !== undefined;
}

/**
 * Builds a view. Its columns come from `config.docs.fields` when the spec
 * documents them, otherwise from the select list of the view's DDL: a column
 * copied from the base resource keeps the base type (`string` reads `text`, as
 * SQL shows it), a computed column is `unknown`.
 */
export function buildView(input: ViewInput, base: Resource | undefined): View {
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
    const at = joinPointer(pointer, 'config', 'views', 'select', 'ddl');
    fields = selectColumns(ddl).map((c) => ({
      name: c.name,
      type: c.copied ? sqlType(baseTypes.get(c.from ?? c.name)) : 'unknown',
      description: '',
      required: false,
      fields: [],
      source: { file: ctx.file, pointer: at },
    }));
    if (fields.length === 0) ctx.bag.warning('view-no-columns', `view "${input.name}" has no columns that could be read from its DDL`, ctx.file, at);
  }
  let requiredParams: string[] = [];
  if (docs && Array.isArray(docs['requiredParams'])) {
    requiredParams = docs['requiredParams'].map((p) => asString(asRecord(p)?.['name']) ?? asString(p) ?? '').filter(Boolean);
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
    source: { file: ctx.file, pointer },
  };
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
      cols.push(plain ? { name: alias[1]!, copied: true, from: plain[1]! } : { name: alias[1]!, copied: false });
      continue;
    }
    const ident = /^(?:[A-Za-z_][\w$]*\.)?([A-Za-z_][\w$]*)$/.exec(item);
    if (ident) cols.push({ name: ident[1]!, copied: true, from: ident[1]! });
  }
  return cols;
}
