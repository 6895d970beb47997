import { DiagnosticBag, sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import type { RegistryIndex } from '../load/load-registry.js';
import { locateDiagnostics } from '../load/locate-diagnostics.js';
import { duplicateResourceIds } from '../model/check-ids.js';
import { providerOverview } from '../model/overview.js';
import type { ServiceOverview } from '../model/types.js';
import { finishProviderPages, providerFolder, renderProviderPage, sortFiles, type OutputFile } from '../render/render-pages.js';
import { flushStatCache, writeOutput, type WriteOptions, type WriteResult } from '../write/write-output.js';
import { DeferredStatCache } from '../write/stat-cache.js';
import { timed } from '../trace.js';
import type { Fingerprint } from '../load/input-fingerprint.js';
import { applyStrict } from '../report.js';
import { providerFailures } from './provider-failures.js';
import { ServicePool, type PoolOptions } from './service-pool.js';
import { templatesFor, type JobEnv, type ServiceJobResult } from './service-job.js';
import { TemplateError } from '../render/template-env.js';
import { openServiceCache } from '../write/service-cache.js';
import { JobCache, type CachedJob } from './cached-jobs.js';
import path from 'node:path';

// Providers stream through the pipeline one at a time: a provider's services are
// loaded, modelled and rendered, its pages are written to its own folder as a
// transaction of their own, and dropped. While one provider is written, the
// next one is computed (service-pool.ts), so a run holds two providers' pages
// at most, however many providers it covers, and each provider's
// output is atomic on its own: a provider with an error is reported and its
// folder left exactly as it was, while the others are written.

export interface ProvidersRun {
  /** Of loading, modelling and rendering; files relative to the registry root. The writer's are in `write`. */
  readonly diagnostics: Diagnostic[];
  readonly write: WriteResult;
  readonly counts: { services: number; resources: number; pages: number; reused: number };
  /** Paths of the pages this run generated (written or unchanged), sorted. */
  readonly paths: string[];
}

export interface RunProvidersOptions {
  readonly out: string;
  readonly strict: boolean;
  /** True when the run covers every provider of the registry: cache entries of services it did not meet are dropped. */
  readonly wholeRegistry: boolean;
  readonly write: Pick<WriteOptions, 'check' | 'force'>;
  /** The run's inputs, recorded after a complete run and keying the service cache; may still wait for the spec hashes the jobs bring. */
  readonly fingerprint?: Fingerprint;
  /** Threads and worker entry; by default as many threads as pay on this machine (service-pool.ts). */
  readonly pool?: PoolOptions;
}

/** Runs every provider of the index; `prior` are the diagnostics of loading the index and settings. */
export async function runProviders(index: RegistryIndex, env: JobEnv, prior: readonly Diagnostic[], o: RunProvidersOptions): Promise<ProvidersRun> {
  const strict = (list: readonly Diagnostic[]) => applyStrict(list, o.strict);
  const diagnostics: Diagnostic[] = [...prior];
  const counts = { services: 0, resources: 0, pages: 0, reused: 0 };
  const paths: string[] = [];
  const writes: WriteResult[] = [];
  const failed = new Set(providerFailures(strict(prior), index.names).failed);
  const templates = templatesFor(env);
  // A check run reads the cache but writes nothing into the output folder.
  const store = openServiceCache<CachedJob>(path.resolve(o.out), o.write.check === true);
  // Every write of this run keeps the stat cache in memory; it is saved once, at the end.
  const statCache = o.write.check === true ? undefined : new DeferredStatCache(path.resolve(o.out));
  const fingerprint = o.fingerprint;
  for (const p of index.providers) if (p.file.sha256 !== undefined) fingerprint?.learn(p.file.path, p.file.sha256);
  const cache = new JobCache(store, fingerprint?.inputs, env);

  /** Checks, completes and writes one provider's pages; undefined when it failed (and was left as it was). */
  const finishProvider = async (name: string, results: readonly ServiceJobResult[]): Promise<OutputFile[] | undefined> => {
    const bag = new DiagnosticBag();
    let files: OutputFile[] = [];
    const overviews: ServiceOverview[] = [];
    for (const r of results) {
      for (const d of r.diagnostics) bag.add(d);
      files.push(...r.files);
      if (!r.overview) continue;
      overviews.push(r.overview);
      counts.services++;
      counts.resources += r.overview.resources.length;
    }
    for (const d of duplicateResourceIds(overviews)) bag.add(d);
    const found = locateDiagnostics(bag.all, index.files, index.root);
    diagnostics.push(...found);
    if (strict(found).some((d) => d.severity === 'error')) return undefined;
    const overview = providerOverview(env.providers[name]!, overviews);
    try {
      files.push(renderProviderPage(overview, templates));
    } catch (e) {
      if (!(e instanceof TemplateError)) throw e;
      diagnostics.push(e.toDiagnostic());
      return undefined;
    }
    files = timed('finish provider pages', () => finishProviderPages(files, overview, templates));
    sortFiles(files);
    const scope = providerFolder(name);
    const w = await timed('write', () => writeOutput(o.out, files, { check: o.write.check === true, force: o.write.force === true, scope, ...(statCache ? { statCache } : {}) }));
    writes.push(w);
    return w.diagnostics.some((d) => d.severity === 'error') ? undefined : files;
  };

  // Every thread computes the next provider while this one writes the last.
  // Services whose inputs are unchanged are not handed to the pool (cached-jobs.ts).
  const live = index.providers.filter((p) => !failed.has(p.name));
  const plans = live.map((p) => cache.plan(p));
  const pool = new ServicePool(plans.map((p) => p.run), env, o.pool);
  try {
    for (const [i, provider] of live.entries()) {
      pool.release(i + 1);
      const fresh = await pool.results(i);
      for (const r of fresh) if (r.specSha256 !== undefined) fingerprint?.learn(r.ref.rel, r.specSha256);
      const jobs = cache.merge(plans[i]!, fresh);
      counts.reused += jobs.reused;
      const files = await finishProvider(provider.name, jobs.results);
      if (!files) {
        failed.add(provider.name);
        continue;
      }
      jobs.commit();
      counts.pages += files.length;
      for (const f of files) paths.push(f.path);
    }
  } finally {
    await pool.close();
  }

  // Last, what lies outside every provider of this run (the pages of providers no
  // longer generated are removed), and the inputs record: only after a complete run.
  if (failed.size === 0) {
    const keep = index.providers.map((p) => providerFolder(p.name));
    const runFacts = { warnings: diagnostics.filter((d) => d.severity === 'warning').length };
    // Spec files no job read (not named by any service, or of no provider) are hashed now, when the fingerprint waited.
    const inputs = fingerprint && !o.write.check ? timed('fingerprint, rest', () => fingerprint.complete()) : undefined;
    writes.push(await timed('write', () => writeOutput(o.out, [], { ...o.write, runFacts, keep, ...(inputs ? { inputs, inputFiles: fingerprint!.files } : {}), ...(statCache ? { statCache } : {}) })));
    if (o.wholeRegistry) store.prune();
  }
  const write = mergeWrites(writes);
  if (statCache) write.diagnostics.push(...flushStatCache(o.out, statCache));
  return { diagnostics: sortDiagnostics(diagnostics), write, counts, paths: paths.sort() };
}

function mergeWrites(writes: readonly WriteResult[]): WriteResult {
  const all = <K extends 'added' | 'changed' | 'removed' | 'unchanged' | 'conflicts' | 'blocked'>(k: K) => writes.flatMap((w) => w[k]).sort();
  return {
    added: all('added'),
    changed: all('changed'),
    removed: all('removed'),
    unchanged: all('unchanged'),
    conflicts: all('conflicts'),
    blocked: all('blocked'),
    diagnostics: sortDiagnostics(writes.flatMap((w) => w.diagnostics)),
    wrote: writes.some((w) => w.wrote),
  };
}
