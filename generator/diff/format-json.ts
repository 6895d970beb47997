import type { RegistryDiff } from './diff-registries.js';

export interface JsonOptions {
  readonly base: string;
  readonly head: string;
}

/**
 * The diff as JSON: `{ base, head, counts, moves, providers }`. Deterministic:
 * object keys are sorted at every level, and lists keep the diff's own order
 * (every list in a RegistryDiff is already sorted). Ends with a newline.
 */
export function formatJson(diff: RegistryDiff, opts: JsonOptions): string {
  return JSON.stringify(sortKeys({ base: opts.base, head: opts.head, ...diff }), null, 2) + '\n';
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v !== null && typeof v === 'object') {
    const src = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(src).sort()) if (src[k] !== undefined) out[k] = sortKeys(src[k]);
    return out;
  }
  return v;
}
