import { parentPort, workerData } from 'node:worker_threads';
import { takeJobs, type WorkerInput, type WorkerMessage } from './run-service-jobs.js';

// Worker entry: takes service jobs from the shared counter and posts each result back.
takeJobs(workerData as WorkerInput, (index, result) => {
  const message: WorkerMessage = { index, result };
  parentPort!.postMessage(message);
});
parentPort!.postMessage({ done: true } satisfies WorkerMessage);
