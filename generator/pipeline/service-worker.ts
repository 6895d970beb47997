import { parentPort, workerData } from 'node:worker_threads';
import { JobClaims, NO_MORE_JOBS } from './job-claims.js';
import type { WorkerInput, WorkerMessage } from './service-pool.js';
import { runServiceJob } from './service-job.js';

// Worker entry: claims service jobs until none is left and posts each result
// back; a job that throws is reported as such, and the main thread throws it
// where a single-threaded run would have.
const input = workerData as WorkerInput;
const claims = new JobClaims(input.memory, input.jobs.length);
for (let k = claims.claim(input.id, true); k !== NO_MORE_JOBS && k !== undefined; k = claims.claim(input.id, true)) {
  let message: WorkerMessage;
  try {
    message = { index: k, result: runServiceJob(input.jobs[k]!, input.env) };
  } catch (e) {
    const error = e instanceof Error ? e : new Error(String(e));
    message = { index: k, error: { name: error.name, message: error.message, ...(error.stack !== undefined ? { stack: error.stack } : {}) } };
  }
  parentPort!.postMessage(message);
}
