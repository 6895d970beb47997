import type { Field } from './types.js';
import { joinPointer } from '../json-pointer.js';
import { asRecord, asString, deref, refOf, type SpecContext } from './spec-context.js';
import { compareStrings } from '../compare.js';

// Types OpenAPI 3.0 and 3.1 define (`null`, in a type list), plus `any`, which
// Google's specs use everywhere; anything else is shown as written, with a warning.
const KNOWN_TYPES = new Set(['string', 'integer', 'number', 'boolean', 'object', 'array', 'null', 'any']);
const MAX_DEPTH = 6;

export interface SchemaInfo {
  readonly type: string;
  readonly format?: string;
  readonly description: string;
  readonly itemType?: string;
  readonly enumValues?: readonly string[];
}

/** A schema being expanded: where it sits, and what its expansion met on the way. */
interface Frame {
  readonly node: object;
  readonly depth: number;
  /** Deepest level below this one that an expansion reached (0: only this one). */
  height: number;
  /** Something below was cut for depth: the result holds only at this depth. */
  depthCut: boolean;
  /** Stack index of the highest schema a cycle below closed on (Infinity: none). */
  cycleTo: number;
}

/** A finished expansion: `free` ones hold at any depth with room for `height` more levels. */
interface Memo {
  readonly fields: readonly Field[];
  readonly height: number;
  /** A cycle inside was cut: where the path above holds one of its schemas, the cut falls elsewhere. */
  readonly cyclic: boolean;
}

/**
 * Builds fields from schemas. Specs share schemas through `$ref` thousands of
 * times, so expansions are memoised per resolved schema object; and cycles (a
 * tree node schema that contains itself) are cut where they close. Sub-fields
 * stop after MAX_DEPTH levels, so an expansion is only reused where it comes out
 * the same: one that nothing cut short, wherever its height fits; one cut for
 * depth, at that same depth; one holding a cycle, only where no schema is open
 * above it (the cut falls where the path first repeats a schema); one cut by a
 * cycle through a schema above it, never.
 */
export class FieldBuilder {
  private readonly free = new Map<object, Memo>();
  private readonly atDepth = new Map<object, Map<number, readonly Field[]>>();
  private readonly stack: Frame[] = [];
  /** Schemas being expanded: the stack's, and those collected inline (array items, alternatives). */
  private readonly inProgress = new Set<object>();

  constructor(private readonly ctx: SpecContext) {}

  /** Properties of an object schema (merging `allOf`), in spec order. */
  propertiesOf(schema: unknown, pointer: string, depth = 0): readonly Field[] {
    const r = deref(this.ctx, schema, pointer);
    const node = r && asRecord(r.node);
    if (!r || !node) return [];
    const parent = this.stack[this.stack.length - 1];
    const free = this.free.get(node);
    if (free && depth + free.height <= MAX_DEPTH && (!free.cyclic || !parent)) {
      if (parent) parent.height = Math.max(parent.height, 1 + free.height);
      return free.fields;
    }
    const cut = this.atDepth.get(node)?.get(depth);
    if (cut) {
      if (parent) {
        parent.height = Math.max(parent.height, MAX_DEPTH + 1 - parent.depth);
        parent.depthCut = true;
      }
      return cut;
    }
    if (this.inProgress.has(node) || depth > MAX_DEPTH) {
      if (parent) {
        parent.height = Math.max(parent.height, 1);
        // A schema open inline (not a frame) closes a cycle somewhere on the path: assume the top.
        if (this.inProgress.has(node)) parent.cycleTo = Math.min(parent.cycleTo, Math.max(0, this.stack.findIndex((f) => f.node === node)));
        else parent.depthCut = true;
      }
      return [];
    }
    const frame: Frame = { node, depth, height: 0, depthCut: false, cycleTo: Infinity };
    const index = this.stack.push(frame) - 1;
    this.inProgress.add(node);
    const fields: Field[] = [];
    this.collect(node, r.pointer, depth, fields, new Set<string>());
    this.inProgress.delete(node);
    this.stack.pop();
    if (parent) {
      parent.height = Math.max(parent.height, 1 + frame.height);
      parent.depthCut ||= frame.depthCut;
      parent.cycleTo = Math.min(parent.cycleTo, frame.cycleTo);
    }
    if (frame.cycleTo < index) return fields;
    if (!frame.depthCut) this.free.set(node, { fields, height: frame.height, cyclic: frame.cycleTo !== Infinity });
    else {
      let byDepth = this.atDepth.get(node);
      if (!byDepth) this.atDepth.set(node, (byDepth = new Map()));
      byDepth.set(depth, fields);
    }
    return fields;
  }

  /** What the page says about one schema: type as written (`unknown` when absent), format, description. */
  info(schema: unknown, pointer: string): SchemaInfo {
    const r = deref(this.ctx, schema, pointer);
    const node = r && asRecord(r.node);
    if (!r || !node) return { type: 'unknown', description: '' };
    const merged = firstOf(this.ctx, node, r.pointer);
    const rawType = merged.node['type'];
    const type = typeName(rawType);
    for (const t of Array.isArray(rawType) ? rawType : rawType === undefined ? [] : [rawType]) {
      if (!KNOWN_TYPES.has(String(t))) this.ctx.bag.warning('schema-unknown-type', `unknown schema type "${String(t)}"`, this.ctx.file, merged.pointer + '/type');
    }
    const out: { -readonly [K in keyof SchemaInfo]: SchemaInfo[K] } = {
      type,
      description: asString(node['description']) ?? asString(merged.node['description']) ?? '',
    };
    const format = asString(merged.node['format']);
    if (format) out.format = format;
    if (type === 'array') {
      const items = deref(this.ctx, merged.node['items'], merged.pointer + '/items');
      const it = items && asRecord(items.node);
      if (it) out.itemType = typeName(firstOf(this.ctx, it, items.pointer).node['type']);
    }
    const en = merged.node['enum'];
    if (Array.isArray(en)) out.enumValues = en.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
    return out;
  }

  private collect(node: Record<string, unknown>, pointer: string, depth: number, out: Field[], seen: Set<string>): void {
    const props = asRecord(node['properties']);
    const required = new Set(Array.isArray(node['required']) ? node['required'].map(String) : []);
    if (props) {
      for (const name of Object.keys(props)) {
        if (seen.has(name)) continue;
        seen.add(name);
        out.push(this.field(name, props[name], joinPointer(pointer, 'properties', name), required.has(name), depth));
      }
    }
    // allOf composes one object out of parts; their properties belong to it.
    const all = node['allOf'];
    if (Array.isArray(all)) {
      all.forEach((part, i) => {
        const r = deref(this.ctx, part, joinPointer(pointer, 'allOf', i));
        const p = r && asRecord(r.node);
        if (r && p) this.collect(p, r.pointer, depth, out, seen);
      });
    }
    // oneOf/anyOf: the fields of every alternative, each marked with the
    // alternatives it belongs to unless all of them have it.
    for (const keyword of ['oneOf', 'anyOf'] as const) {
      const parts = node[keyword];
      if (Array.isArray(parts) && parts.length > 0) this.collectAlternatives(keyword, parts, pointer, depth, out, seen);
    }
    // An array of objects lists its items' properties.
    if (!props && hasType(node, 'array') && node['items'] !== undefined) {
      const r = deref(this.ctx, node['items'], pointer + '/items');
      const it = r && asRecord(r.node);
      if (r && it && !this.inProgress.has(it)) {
        this.inProgress.add(it);
        this.collect(it, r.pointer, depth, out, seen);
        this.inProgress.delete(it);
      }
    }
  }

  private collectAlternatives(keyword: 'oneOf' | 'anyOf', parts: readonly unknown[], pointer: string, depth: number, out: Field[], seen: Set<string>): void {
    const alternatives = parts.map((part, i) => {
      const r = deref(this.ctx, part, joinPointer(pointer, keyword, i));
      const p = r && asRecord(r.node);
      const fields: Field[] = [];
      if (r && p && !this.inProgress.has(p)) {
        this.inProgress.add(p);
        this.collect(p, r.pointer, depth, fields, new Set(seen));
        this.inProgress.delete(p);
      }
      return { label: alternativeLabel(part, p, i), fields };
    });
    for (const alt of alternatives) {
      for (const f of alt.fields) {
        if (seen.has(f.name)) continue;
        seen.add(f.name);
        const having = alternatives.filter((a) => a.fields.some((x) => x.name === f.name)).map((a) => a.label);
        out.push(having.length === alternatives.length ? f : { ...f, alternatives: { keyword, of: having } });
      }
    }
  }

  private field(name: string, schema: unknown, pointer: string, required: boolean, depth: number): Field {
    const info = this.info(schema, pointer);
    const r = deref(this.ctx, schema, pointer);
    let fields: readonly Field[] = [];
    if (r && (info.type === 'object' || info.type === 'unknown' || info.itemType === 'object')) {
      const node = asRecord(r.node);
      if (node) {
        const target = info.type === 'array' ? node['items'] : schema;
        const at = info.type === 'array' ? r.pointer + '/items' : pointer;
        fields = this.propertiesOf(target, at, depth + 1);
      }
    }
    const f: { -readonly [K in keyof Field]: Field[K] } = {
      name,
      type: info.type,
      description: info.description,
      required,
      fields,
      source: { file: this.ctx.file, pointer: r?.pointer ?? pointer },
    };
    if (info.format) f.format = info.format;
    if (info.itemType) f.itemType = info.itemType;
    if (info.enumValues) f.enumValues = info.enumValues;
    return f;
  }
}

/** A schema's `type` as the page shows it: a type list (OpenAPI 3.1) without `null`, joined by ` | `; `unknown` when absent. */
export function typeName(raw: unknown): string {
  if (raw === undefined || raw === null) return 'unknown';
  if (!Array.isArray(raw)) return String(raw);
  const types = raw.map(String);
  const real = types.filter((t) => t !== 'null');
  return real.length > 0 ? real.join(' | ') : types.length > 0 ? 'null' : 'unknown';
}

/** Whether a schema's `type` (one type or a list) includes `t`. */
export function hasType(node: Record<string, unknown>, t: string): boolean {
  const raw = node['type'];
  return raw === t || (Array.isArray(raw) && raw.includes(t));
}

/** How a page names one alternative of a oneOf/anyOf: its title, else the schema its `$ref` names, else its position. */
function alternativeLabel(part: unknown, node: Record<string, unknown> | undefined, index: number): string {
  const title = node && asString(node['title']);
  if (title) return title;
  const ref = refOf(part);
  if (ref) return ref.slice(ref.lastIndexOf('/') + 1);
  return `option ${index + 1}`;
}

/** For `allOf`/`oneOf`/`anyOf` without a type of its own, the first part that has one. */
function firstOf(ctx: SpecContext, node: Record<string, unknown>, pointer: string): { node: Record<string, unknown>; pointer: string } {
  if (node['type'] !== undefined) return { node, pointer };
  for (const key of ['allOf', 'oneOf', 'anyOf']) {
    const parts = node[key];
    if (!Array.isArray(parts)) continue;
    for (let i = 0; i < parts.length; i++) {
      const r = deref(ctx, parts[i], joinPointer(pointer, key, i));
      const p = r && asRecord(r.node);
      if (r && p && p['type'] !== undefined) return { node: p, pointer: r.pointer };
    }
  }
  // A schema with properties but no type is an object in every reading of the spec we have seen,
  // yet the page format says "as written": keep it unknown.
  return { node, pointer };
}

/** Page order: `id`, `name`, `description` first when present, then the rest by name. */
export function orderFields<T extends { readonly name: string }>(fields: readonly T[]): T[] {
  // One pass: this runs for every method's fields, thousands of times on a large spec.
  const lead: [T[], T[], T[]] = [[], [], []];
  const rest: T[] = [];
  for (const f of fields) {
    const i = LEAD.indexOf(f.name);
    if (i >= 0) lead[i as 0 | 1 | 2].push(f);
    else rest.push(f);
  }
  rest.sort((a, b) => compareStrings(a.name, b.name));
  return [...lead[0], ...lead[1], ...lead[2], ...rest];
}

const LEAD = ['id', 'name', 'description'];
