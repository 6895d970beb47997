import type { ServiceRef } from '../load/load-registry.js';
import { serviceKey, type ServiceCache } from '../write/service-cache.js';
import type { JobEnv, ServiceJobResult } from './service-job.js';
import { timed } from '../trace.js';

// Per-service incremental generation: a service whose inputs are unchanged
// (its spec file, its provider's files, templates, layout, generator; see
// serviceKey) gets last run's job result back without being read or parsed.
// Everything after the jobs (the provider page from the summaries, the
// cross-service finishing pass, the writer's comparison) runs as in a cold
// run, so the output is the same bytes either way.

/** What is stored for a service: its job's result without the ref, which the run supplies afresh. */
export type CachedJob = Omit<ServiceJobResult, 'ref'>;

export interface CachedJobs {
  readonly results: ServiceJobResult[];
  /** Stores the results of the jobs that ran; called once the provider's pages are written. */
  readonly commit: () => void;
  readonly reused: number;
}

export async function runJobsCached(
  refs: readonly ServiceRef[],
  providerFile: string,
  env: JobEnv,
  cache: { readonly store: ServiceCache<CachedJob>; readonly inputs: ReadonlyMap<string, string> } | undefined,
  run: (refs: readonly ServiceRef[]) => Promise<ServiceJobResult[]>,
): Promise<CachedJobs> {
  if (!cache) return { results: await run(refs), commit: () => {}, reused: 0 };
  const keys = refs.map((ref) => serviceKey(cache.inputs, { serviceFile: ref.rel, providerFile, provider: ref.provider, layout: env.layout }));
  const hits = timed('service cache, read', () => refs.map((ref, i) => (keys[i] === undefined ? undefined : cache.store.get(ref.provider, ref.name, keys[i]))));
  const fresh = await run(refs.filter((_, i) => !hits[i]));
  let next = 0;
  const pending: (() => void)[] = [];
  const results = refs.map((ref, i): ServiceJobResult => {
    const hit = hits[i];
    if (hit) return { ...hit, ref };
    const r = fresh[next++]!;
    const key = keys[i];
    if (key !== undefined) {
      const { ref: _ref, ...value } = r;
      pending.push(() => cache.store.set(ref.provider, ref.name, key, value));
    }
    return r;
  });
  return { results, commit: () => timed('service cache, write', () => pending.forEach((f) => f())), reused: hits.filter(Boolean).length };
}
