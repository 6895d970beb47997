import { Worker } from 'node:worker_threads';
import os from 'node:os';
import path from 'node:path';
import { COMPILED, PACKAGE_ROOT } from '../package-root.js';
import type { ServiceRef } from '../load/load-registry.js';
import { runServiceJobs, type JobEnv, type ServiceJobResult } from './service-job.js';
import { trace } from '../trace.js';

// Parsing YAML is most of a run, and it is single-threaded: worker threads can
// take part of the services while this thread does the rest. One core is left
// to V8's own helper threads (garbage collection, compilation): on the 2-core
// machines we measure on, a second JavaScript thread made a cold run of the
// 10 MB registry slower (2.05 s against 1.70-1.88 s), so there it stays at one
// thread. Below this much YAML, starting a worker costs more than it saves.
const PARALLEL_MIN_BYTES = 2_000_000;

const WORKER_PATH = path.join(PACKAGE_ROOT, 'dist', 'pipeline', 'service-worker.js');

export function parallelism(refs: readonly ServiceRef[]): number {
  const env = process.env['PROVIDER_DOCS_THREADS'];
  const cores = env !== undefined ? Math.max(1, Number(env) || 1) : Math.max(1, Math.min(os.availableParallelism() - 1, 4));
  const bytes = refs.reduce((n, r) => n + r.size, 0);
  // Source runs (tests, tsx) have no compiled worker file to start.
  if (!COMPILED || refs.length < 2 || (env === undefined && bytes < PARALLEL_MIN_BYTES)) return 1;
  return Math.min(cores, refs.length);
}

/** Runs every job, in this thread and in worker threads, and returns results in the order of `refs`. */
export async function runServiceJobsParallel(refs: readonly ServiceRef[], env: JobEnv): Promise<ServiceJobResult[]> {
  const threads = parallelism(refs);
  if (threads === 1) return runServiceJobs(refs, env);
  const batches = balance(refs, threads);
  const t0 = performance.now();
  const workers = batches.slice(1).map((batch) => inWorker(batch, env).then((r) => (trace(`worker batch done at ${(performance.now() - t0).toFixed(0)} ms`), r)));
  const mine = runServiceJobs(batches[0]!, env);
  trace(`main batch done at ${(performance.now() - t0).toFixed(0)} ms`);
  const theirs = await Promise.all(workers);
  trace(`results merged at ${(performance.now() - t0).toFixed(0)} ms`);
  const byRef = new Map<ServiceRef, ServiceJobResult>();
  for (const r of [...mine, ...theirs.flat()]) byRef.set(refs.find((x) => x.provider === r.ref.provider && x.name === r.ref.name)!, r);
  return refs.map((r) => byRef.get(r)!);
}

/** Largest first into the lightest batch: batches end up with about equal bytes of YAML. */
function balance(refs: readonly ServiceRef[], n: number): ServiceRef[][] {
  const batches: ServiceRef[][] = Array.from({ length: n }, () => []);
  const load = new Array<number>(n).fill(0);
  // This thread also starts the workers and writes the output: give it a little less.
  load[0] = refs.reduce((s, r) => s + r.size, 0) * 0.04;
  for (const r of [...refs].sort((a, b) => b.size - a.size)) {
    const i = load.indexOf(Math.min(...load));
    batches[i]!.push(r);
    load[i]! += r.size;
  }
  return batches;
}

function inWorker(refs: readonly ServiceRef[], env: JobEnv): Promise<ServiceJobResult[]> {
  return new Promise((resolve, reject) => {
    const w = new Worker(WORKER_PATH, { workerData: { refs, env } });
    w.once('message', (results: ServiceJobResult[]) => resolve(results));
    w.once('error', reject);
    w.once('exit', (code) => {
      if (code !== 0) reject(new Error(`service worker exited with code ${code}`));
    });
  });
}

