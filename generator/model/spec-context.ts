import type { DiagnosticBag } from '../diagnostics.js';
import type { RawSpec } from '../load/raw-spec.js';
import { getAtPointer } from '../json-pointer.js';

/** A parsed spec file plus what building its model needs: where problems go, and $ref resolution. */
export interface SpecContext {
  readonly file: string;
  readonly doc: RawSpec;
  readonly bag: DiagnosticBag;
}

export interface Resolved {
  readonly node: unknown;
  /** Pointer of the node after following every `$ref`. */
  readonly pointer: string;
}

const MAX_REF_HOPS = 32;

/**
 * Follows `$ref` chains from `node` (found at `pointer`). Only internal refs
 * (`#/...`) exist in StackQL service files; anything else is reported. Returns
 * undefined, after reporting, when a ref leads nowhere.
 */
export function deref(ctx: SpecContext, node: unknown, pointer: string): Resolved | undefined {
  let cur = node;
  let at = pointer;
  for (let hops = 0; hops < MAX_REF_HOPS; hops++) {
    const ref = refOf(cur);
    if (ref === undefined) return { node: cur, pointer: at };
    if (!ref.startsWith('#')) {
      ctx.bag.error('ref-external', `external $ref is not supported: ${ref}`, ctx.file, at + '/$ref');
      return undefined;
    }
    const target = lookup(ctx.doc, ref);
    if (target === undefined) {
      ctx.bag.error('ref-unresolved', `$ref resolves to nothing: ${ref}`, ctx.file, at + '/$ref');
      return undefined;
    }
    cur = target;
    at = ref.slice(1);
  }
  ctx.bag.error('ref-cycle', `$ref chain does not end (cycle?)`, ctx.file, pointer);
  return undefined;
}

// The same few hundred component refs are followed tens of thousands of times.
const refCache = new WeakMap<object, Map<string, unknown>>();

function lookup(doc: Record<string, unknown>, ref: string): unknown {
  let cache = refCache.get(doc);
  if (!cache) refCache.set(doc, (cache = new Map()));
  if (cache.has(ref)) return cache.get(ref);
  let target: unknown;
  try {
    target = getAtPointer(doc, ref);
  } catch {
    target = undefined;
  }
  cache.set(ref, target);
  return target;
}

/**
 * The `$ref` of a reference object. A `$ref` whose value is not a string is an
 * ordinary key (SCIM schemas have a property literally named `$ref`).
 */
export function refOf(node: unknown): string | undefined {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined;
  const r = (node as Record<string, unknown>)['$ref'];
  return typeof r === 'string' ? r.trim() : undefined;
}

export function asRecord(v: unknown): Record<string, unknown> | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

export function asString(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}
