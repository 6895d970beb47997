import { Worker } from 'node:worker_threads';
import os from 'node:os';
import path from 'node:path';
import { COMPILED, PACKAGE_ROOT } from '../package-root.js';
import type { ServiceRef } from '../load/load-registry.js';
import { runServiceJob, type JobEnv, type ServiceJobResult } from './service-job.js';
import { trace } from '../trace.js';

// Parsing YAML is most of a run, and it is single-threaded: worker threads can
// take part of the services while this thread does the rest. Services are
// handed out one at a time, largest first, from a counter the threads share,
// so a thread that starts late or gets slow services simply takes fewer, and
// all finish within about one service of each other.
//
// Below this much YAML, starting a worker costs more than it saves.
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

/** What a worker is given: every job, the order to take them in, and the shared counter. */
export interface WorkerInput {
  readonly refs: readonly ServiceRef[];
  readonly order: readonly number[];
  readonly env: JobEnv;
  readonly next: SharedArrayBuffer;
}

/** A worker's messages: each finished job, by its index in `refs`, then `done`. */
export type WorkerMessage = { readonly index: number; readonly result: ServiceJobResult } | { readonly done: true };

/** Runs the jobs from the shared counter until none is left, handing each result to `done`. */
export function takeJobs(input: WorkerInput, done: (index: number, result: ServiceJobResult) => void): void {
  const counter = new Int32Array(input.next);
  for (;;) {
    const k = Atomics.add(counter, 0, 1);
    if (k >= input.order.length) return;
    const index = input.order[k]!;
    done(index, runServiceJob(input.refs[index]!, input.env));
  }
}

/** Runs every job, in this thread and in worker threads, and returns results in the order of `refs`. */
export async function runServiceJobsParallel(refs: readonly ServiceRef[], env: JobEnv): Promise<ServiceJobResult[]> {
  const threads = parallelism(refs);
  const order = refs.map((_, i) => i).sort((a, b) => refs[b]!.size - refs[a]!.size || a - b);
  const input: WorkerInput = { refs, order, env, next: new SharedArrayBuffer(4) };
  const results = new Array<ServiceJobResult | undefined>(refs.length);
  const t0 = performance.now();
  const workers = Array.from({ length: threads - 1 }, (_, w) =>
    inWorker(input, results).then((n) => trace(`worker ${w + 1}: ${n} services, done at ${(performance.now() - t0).toFixed(0)} ms`)),
  );
  let mine = 0;
  takeJobs(input, (index, result) => {
    results[index] = result;
    mine++;
  });
  if (threads > 1) trace(`main thread: ${mine} services, done at ${(performance.now() - t0).toFixed(0)} ms`);
  await Promise.all(workers);
  return results.map((r, i) => {
    if (!r) throw new Error(`service ${refs[i]!.provider}/${refs[i]!.name} was never run`);
    return r;
  });
}

/** Resolves with the number of jobs the worker ran, once it has exited. */
function inWorker(input: WorkerInput, results: (ServiceJobResult | undefined)[]): Promise<number> {
  return new Promise((resolve, reject) => {
    let ran = 0;
    const w = new Worker(WORKER_PATH, { workerData: input });
    w.on('message', (m: WorkerMessage) => {
      if ('done' in m) return resolve(ran);
      results[m.index] = m.result;
      ran++;
    });
    w.once('error', reject);
    // After `done` this changes nothing; before it, the worker died with jobs unreported.
    w.once('exit', (code) => reject(new Error(`service worker exited (code ${code}) before reporting all its jobs`)));
  });
}
