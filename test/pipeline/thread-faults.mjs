// Loaded with `node --import` into every thread of a CLI run (the main thread
// and each worker inherit it), to make a pipelined run go a known way:
//
// PD_FAULT_MARKER=<file>: a worker creates <file> when it first loads a
//   service file, and the main thread loads none until <file> exists; so a
//   worker has surely taken a job, the one after the main thread's first (of
//   the next provider, when the first provider has one service).
// PD_FAULT_WORKER_EXIT=1: that worker then exits (code 3) without reporting it.
// PD_FAULT_THROW_ON=<text>: loading a service file whose path contains <text> throws (an
//   unexpected exception, not a diagnostic), in every thread.
import fs from 'node:fs';
import path from 'node:path';
import { syncBuiltinESMExports } from 'node:module';
import { isMainThread } from 'node:worker_threads';

const read = fs.readFileSync;
const marker = process.env.PD_FAULT_MARKER;
const throwOn = process.env.PD_FAULT_THROW_ON;

fs.readFileSync = function readFileSync(file, ...rest) {
  const name = String(file);
  // Loading reads a service file as text (the input fingerprint reads its bytes, before any worker starts).
  const loading = rest[0] === 'utf8' && /[\\/]services[\\/][^\\/]+\.yaml$/.test(name);
  if (marker && loading) {
    if (!isMainThread) {
      fs.writeFileSync(marker, '');
      if (process.env.PD_FAULT_WORKER_EXIT) process.exit(3);
    } else {
      const until = Date.now() + 60_000;
      while (!fs.existsSync(marker) && Date.now() < until) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    }
  }
  // Not thrown here (a file that cannot be read is an error diagnostic): when the text is parsed.
  if (throwOn && loading && name.includes(throwOn)) return { toString: () => { throw new Error(`injected failure parsing ${path.basename(name)}`); } };
  return read.call(this, file, ...rest);
};
// Named imports (`import { readFileSync } from 'node:fs'`) see the patched function too.
syncBuiltinESMExports();
