// npm run bench:write: the write stage alone on a site of 1000 pages of ~8 KB:
// a first run, a run with nothing changed (stats, no reads) and a run with one
// page changed. Prints times; asserts nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../', import.meta.url));
const compiled = path.join(repo, 'dist', 'write', 'write-output.js');
if (!fs.existsSync(compiled)) {
  console.error('dist/ is missing: run `npm run build` first');
  process.exit(2);
}
const { writeOutputSync } = await import(compiled);

const pages = Number(process.env.BENCH_PAGES ?? 1000);
const body = 'Lorem ipsum dolor sit amet. '.repeat(300);
const files = Array.from({ length: pages }, (_, i) => ({ path: `services/svc${i % 40}/resources/res${i}.mdx`, contents: `# Resource ${i}\n\n${body}` }));
const edited = files.map((f, i) => (i === Math.floor(pages / 2) ? { ...f, contents: f.contents + 'x' } : f));

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-bench-write-'));
const out = path.join(work, 'docs');
const time = (fn) => {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
};
try {
  const first = time(() => writeOutputSync(out, files));
  writeOutputSync(out, files);
  const same = time(() => writeOutputSync(out, files));
  const one = time(() => writeOutputSync(out, edited));
  console.log(`${pages} pages: first run ${first.toFixed(0)} ms, no change ${same.toFixed(0)} ms, one page changed ${one.toFixed(0)} ms`);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
