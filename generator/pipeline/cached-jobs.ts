import type { ProviderIndex, ServiceRef } from '../load/load-registry.js';
import { serviceKey, type ServiceCache } from '../write/service-cache.js';
import { runServiceJob, type JobEnv, type ServiceJobResult } from './service-job.js';
import { timed } from '../trace.js';

// Per-service incremental generation: a service whose inputs are unchanged
// (its spec file, its provider's files, templates, layout, generator; see
// serviceKey) gets last run's job result back without being read or parsed.
// Everything after the jobs (the provider page from the summaries, the
// cross-service finishing pass, the writer's comparison) runs as in a cold
// run, so the output is the same bytes either way.

/** What is stored for a service: its job's result without the ref, which the run supplies afresh. */
export type CachedJob = Omit<ServiceJobResult, 'ref'>;

/** Which services of a provider must run; the others are reused. Decided from entry names alone. */
export interface ProviderPlan {
  readonly refs: readonly ServiceRef[];
  readonly keys: readonly (string | undefined)[];
  readonly reuse: readonly boolean[];
  /** The services the pool must run, in order. */
  readonly run: readonly ServiceRef[];
}

export interface ProviderJobs {
  /** Every service's result, in the order of the provider's services. */
  readonly results: ServiceJobResult[];
  readonly reused: number;
  /** Stores the results of the jobs that ran; called once the provider's pages are written. */
  readonly commit: () => void;
}

export class JobCache {
  constructor(
    private readonly store: ServiceCache<CachedJob>,
    private readonly inputs: ReadonlyMap<string, string> | undefined,
    private readonly env: JobEnv,
  ) {}

  plan(provider: ProviderIndex): ProviderPlan {
    const refs = provider.services;
    const inputs = this.inputs;
    const keys = refs.map((ref) => (inputs ? serviceKey(inputs, { serviceFile: ref.rel, providerFile: provider.file.path, provider: ref.provider, layout: this.env.layout }) : undefined));
    const reuse = refs.map((ref, i) => keys[i] !== undefined && this.store.has(ref.provider, ref.name, keys[i]));
    return { refs, keys, reuse, run: refs.filter((_, i) => !reuse[i]) };
  }

  /** The results of the planned jobs that ran (`fresh`, in plan order) merged with the reused ones. */
  merge(plan: ProviderPlan, fresh: readonly ServiceJobResult[]): ProviderJobs {
    let next = 0;
    let reused = 0;
    const pending: (() => void)[] = [];
    const results = plan.refs.map((ref, i): ServiceJobResult => {
      const key = plan.keys[i];
      if (plan.reuse[i]) {
        const hit = timed('service cache, read', () => this.store.get(ref.provider, ref.name, key!));
        if (hit) {
          reused++;
          return { ...hit, ref };
        }
      }
      // An entry that went away or is unreadable since it was planned costs only time: the job runs here.
      const r = plan.reuse[i] ? runServiceJob(ref, this.env) : fresh[next++]!;
      if (key !== undefined) {
        const { ref: _ref, ...value } = r;
        pending.push(() => this.store.set(ref.provider, ref.name, key, value));
      }
      return r;
    });
    return { results, reused, commit: () => timed('service cache, write', () => pending.forEach((f) => f())) };
  }
}
