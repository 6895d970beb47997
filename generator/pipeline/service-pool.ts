import { Worker } from 'node:worker_threads';
import os from 'node:os';
import path from 'node:path';
import { COMPILED, PACKAGE_ROOT } from '../package-root.js';
import type { ServiceRef } from '../load/load-registry.js';
import { claimsMemory, JobClaims, NO_MORE_JOBS, type ClaimsMemory } from './job-claims.js';
import { runServiceJob, type JobEnv, type ServiceJobResult } from './service-job.js';
import { trace } from '../trace.js';

// Parsing YAML is most of a run, and it is single-threaded: worker threads take
// part of the services while this thread takes the rest and writes. One pool
// serves the whole run: its workers start once (loading the parser, Handlebars
// and remark and compiling the templates once), and take jobs across provider
// boundaries, so they compute the next provider while this thread writes the
// last one. A worker that dies only costs speed: the jobs it took and never
// reported are run again here, so the pages, diagnostics and errors of a run
// never depend on how its jobs were shared out.
//
// Below this much YAML, starting a worker costs more than it saves.
const PARALLEL_MIN_BYTES = 2_000_000;
// Each worker holds a parsed service file and its own runtime (~60-90 MB on
// the largest registry files): three threads stay well under the 600 MB goal.
const MAX_THREADS = 3;

const WORKER_PATH = path.join(PACKAGE_ROOT, 'dist', 'pipeline', 'service-worker.js');

/**
 * Threads for a run over these services, this one included: one per core
 * beyond the first (the main thread takes jobs too, between writes), so none
 * on a 2-core machine. There a second thread measured slower on a shared
 * machine (bench, load 6: 8.8 s wall and 8.8 s CPU against 7.6 s and 7.3 s on
 * one thread): Linux's autogroup scheduler shares the CPU out per session,
 * whatever a session's thread count, and a worker loads and warms up the code
 * again. `PROVIDER_DOCS_THREADS=N` sets the count.
 */
export function parallelism(refs: readonly ServiceRef[]): number {
  const env = process.env['PROVIDER_DOCS_THREADS'];
  const cores = env !== undefined ? Math.max(1, Number(env) || 1) : Math.max(1, Math.min(os.availableParallelism() - 1, MAX_THREADS));
  const bytes = refs.reduce((n, r) => n + r.size, 0);
  // Source runs (tests, tsx) have no compiled worker file to start.
  if (!COMPILED || refs.length < 2 || (env === undefined && bytes < PARALLEL_MIN_BYTES)) return 1;
  return Math.min(cores, refs.length);
}

/** What a worker is given: every job of the run in claim order, and the shared claims. */
export interface WorkerInput {
  readonly jobs: readonly ServiceRef[];
  readonly env: JobEnv;
  readonly memory: ClaimsMemory;
  /** This worker's id in the claims (the main thread is 1). */
  readonly id: number;
}

/** A worker's message: one finished job, by its number, with its result or the error it threw. */
export type WorkerMessage =
  | { readonly index: number; readonly result: ServiceJobResult }
  | { readonly index: number; readonly error: { readonly name: string; readonly message: string; readonly stack?: string } };

type Outcome = { readonly result: ServiceJobResult } | { readonly error: unknown };

const MAIN = 1;

export interface PoolOptions {
  /** Threads, this one included; default `parallelism` of every job. */
  readonly threads?: number;
  /** The worker entry (compiled); tests start a wrapped one. */
  readonly workerPath?: string;
}

export class ServicePool {
  /** Claim order: group by group, and in a group the largest file first, so a group's last jobs are short. */
  private readonly jobs: { readonly ref: ServiceRef; readonly group: number; readonly at: number }[] = [];
  /** Per group: the first job number past it. */
  private readonly ends: number[] = [];
  private readonly outcomes: (Outcome | undefined)[];
  /** 1 once a job's outcome is in (it stays 1 after the outcome is handed over). */
  private readonly settled: Uint8Array;
  private readonly missing: number[];
  private readonly claims: JobClaims;
  /** Jobs a dead worker took and never reported, to run here. */
  private readonly lost: number[] = [];
  private readonly ran = new Map<number, number>();
  private readonly workers: { readonly worker: Worker; readonly exited: Promise<void>; alive: boolean }[] = [];
  private wake: (() => void) | undefined;
  private readonly started = performance.now();

  constructor(
    groups: readonly (readonly ServiceRef[])[],
    private readonly env: JobEnv,
    options: PoolOptions = {},
  ) {
    for (const [group, refs] of groups.entries()) {
      const order = refs.map((_, i) => i).sort((a, b) => refs[b]!.size - refs[a]!.size || a - b);
      for (const at of order) this.jobs.push({ ref: refs[at]!, group, at });
      this.ends.push(this.jobs.length);
    }
    this.outcomes = new Array<Outcome | undefined>(this.jobs.length);
    this.settled = new Uint8Array(this.jobs.length);
    this.missing = groups.map((refs) => refs.length);
    const memory = claimsMemory(this.jobs.length);
    this.claims = new JobClaims(memory, this.jobs.length);
    const threads = options.threads ?? parallelism(groups.flat());
    trace(`service jobs: ${this.jobs.length} on ${threads} thread${threads === 1 ? '' : 's'}`);
    for (let id = MAIN + 1; id <= threads; id++) this.startWorker(options.workerPath ?? WORKER_PATH, { jobs: this.jobs.map((j) => j.ref), env, memory, id });
  }

  /** Lets every thread take the jobs of groups up to `group`. */
  release(group: number): void {
    this.claims.release(this.ends[Math.min(group, this.ends.length - 1)] ?? 0);
  }

  /**
   * The results of one group, in the order of its refs, once all are in; this
   * thread runs jobs meanwhile. Throws what the group's first failing job threw.
   */
  async results(group: number): Promise<ServiceJobResult[]> {
    this.release(group);
    while (this.missing[group]! > 0) {
      const k = this.lost.shift() ?? this.claims.claim(MAIN, false);
      if (k !== undefined && k !== NO_MORE_JOBS) {
        this.run(k);
        // Let the workers' results in, so this group is seen complete as soon as it is.
        await new Promise((resolve) => setImmediate(resolve));
        continue;
      }
      if (!this.workers.some((w) => w.alive)) throw new Error(`internal: ${this.missing[group]} services of group ${group} have no thread to run them`);
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
    const first = group === 0 ? 0 : this.ends[group - 1]!;
    const results = new Array<ServiceJobResult>(this.ends[group]! - first);
    for (let k = first; k < this.ends[group]!; k++) {
      const outcome = this.outcomes[k]!;
      if ('error' in outcome) throw outcome.error;
      results[this.jobs[k]!.at] = outcome.result;
      // Handed over: the pool keeps no pages of a group it has returned.
      this.outcomes[k] = undefined;
    }
    return results;
  }

  /** Stops every worker (at once when jobs are left, after an error); resolves when all have exited. */
  async close(): Promise<void> {
    this.claims.stop();
    await Promise.all(this.workers.map(async (w) => {
      if (w.alive) await w.worker.terminate();
      await w.exited;
    }));
    if (this.workers.length > 0) trace(`main thread: ${this.ran.get(MAIN) ?? 0} services`);
  }

  private run(k: number): void {
    const job = this.jobs[k]!;
    try {
      this.settle(k, MAIN, { result: runServiceJob(job.ref, this.env) });
    } catch (error) {
      this.settle(k, MAIN, { error });
    }
  }

  private settle(k: number, id: number, outcome: Outcome): void {
    // A job run again after its worker died may still be reported by it: the first report counts (both are the same).
    if (this.settled[k] === 1) return;
    this.settled[k] = 1;
    this.outcomes[k] = outcome;
    this.missing[this.jobs[k]!.group]!--;
    this.ran.set(id, (this.ran.get(id) ?? 0) + 1);
    this.wake?.();
  }

  private startWorker(workerPath: string, input: WorkerInput): void {
    const worker = new Worker(workerPath, { workerData: input });
    let failure = '';
    const entry = {
      worker,
      alive: true,
      exited: new Promise<void>((resolve) => {
        worker.once('exit', (code) => {
          entry.alive = false;
          this.recover(input.id, code, failure);
          resolve();
        });
      }),
    };
    worker.on('message', (m: WorkerMessage) => {
      if ('error' in m) this.settle(m.index, input.id, { error: Object.assign(new Error(m.error.message), { name: m.error.name, stack: m.error.stack }) });
      else this.settle(m.index, input.id, { result: m.result });
    });
    // Followed by 'exit'; without a listener it would be thrown here.
    worker.on('error', (e) => (failure = `: ${e.message}`));
    this.workers.push(entry);
  }

  /** After a worker exits (its messages are all delivered by then): what it took and never reported runs here. */
  private recover(id: number, code: number, failure: string): void {
    const lost: number[] = [];
    for (let k = 0; k < this.jobs.length; k++) if (this.claims.ownerOf(k) === id && this.settled[k] === 0) lost.push(k);
    const done = `worker ${id - MAIN}: ${this.ran.get(id) ?? 0} services, done at ${(performance.now() - this.started).toFixed(0)} ms`;
    trace(lost.length === 0 ? done : `${done}; it exited (code ${code}${failure}) before reporting ${lost.length}, which the main thread runs`);
    this.lost.push(...lost);
    this.lost.sort((a, b) => a - b);
    this.wake?.();
  }
}
