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

/** What is stored for a service: its job's result without the ref, which the run supplies afresh (nor the hash of its file, which its key holds). */
export type CachedJob = Omit<ServiceJobResult, 'ref' | 'specSha256'>;

/** Which services of a provider must run; the others are reused. Decided from entry names alone. */
export interface ProviderPlan {
  readonly providerFile: string;
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
    const keys = refs.map((ref) => this.keyOf(ref, provider.file.path));
    const reuse = refs.map((ref, i) => keys[i] !== undefined && this.store.has(ref.provider, ref.name, keys[i]));
    return { providerFile: provider.file.path, refs, keys, reuse, run: refs.filter((_, i) => !reuse[i]) };
  }

  /** Undefined while the fingerprint lacks the service's file (see serviceKey); `inputs` may learn spec hashes during the run. */
  private keyOf(ref: ServiceRef, providerFile: string): string | undefined {
    return this.inputs ? serviceKey(this.inputs, { serviceFile: ref.rel, providerFile, provider: ref.provider, layout: this.env.layout }) : undefined;
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
      // A fingerprint that waited for the job's own hash of its file has it now.
      const storeAs = key ?? this.keyOf(ref, plan.providerFile);
      if (storeAs !== undefined) {
        const { ref: _ref, specSha256: _sha, ...value } = r;
        pending.push(() => this.store.set(ref.provider, ref.name, storeAs, value));
      }
      return r;
    });
    return { results, reused, commit: () => timed('service cache, write', () => pending.forEach((f) => f())) };
  }
}
