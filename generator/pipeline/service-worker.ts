import { parentPort, workerData } from 'node:worker_threads';
import { runServiceJobs, type JobEnv } from './service-job.js';
import type { ServiceRef } from '../load/load-registry.js';

// Worker entry: runs one batch of service jobs and posts the results back.
const { refs, env } = workerData as { refs: ServiceRef[]; env: JobEnv };
parentPort!.postMessage(runServiceJobs(refs, env));
