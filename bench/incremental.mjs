// npm run bench (second part): regenerating after a one-service change, whole
// process, on a copy of the 2026-07 registry. Each run edits one operation description in
// a different service file (so exactly one service's inputs change), then runs
// `provider-docs generate` into the same output folder: once over the largest service files,
// once over files spread across the sizes. Goal: 0.3 s.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { editDescription, hasDescription, serviceFiles } from './service-edits.mjs';

const repo = fileURLToPath(new URL('../', import.meta.url));
const registry = process.argv[2] ?? path.resolve(repo, '..', 'shared', 'specs', 'databricks-2026-07');
const runs = Number(process.env.BENCH_RUNS ?? 5);
const layout = process.env.BENCH_LAYOUT ?? 'classic';
const GOAL_S = 0.3;

if (!fs.existsSync(registry)) {
  console.log(`SKIPPED: ${registry} does not exist (the incremental bench needs ../shared/specs/databricks-2026-07)`);
  process.exit(0);
}
if (!fs.existsSync(path.join(repo, 'dist', 'cli.js'))) {
  console.error('dist/ is missing: run `npm run build` first');
  process.exit(2);
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-bench-incr-'));
const rssFile = path.join(work, 'rss');
const reg = path.join(work, 'registry');
const out = path.join(work, 'out');
fs.cpSync(registry, reg, { recursive: true });

function run(extraEnv = {}) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', path.join(repo, 'bench', 'report-rss.mjs'), 'bin/provider-docs.js', 'generate', '--registry', reg, '--layout', layout, '--out', out, '--quiet'], {
    cwd: repo,
    env: { ...process.env, BENCH_RSS_FILE: rssFile, ...extraEnv },
    encoding: 'utf8',
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`generate exited ${r.status}\n${r.stderr}`);
  return { ms, rssMiB: Number(fs.readFileSync(rssFile, 'utf8').split(' ')[0]) / 1024, stdout: r.stdout.trim(), stderr: r.stderr };
}

/** Service files, largest first: the edit lands in a different one each run. */
const services = serviceFiles(reg);
// Only files that have an operation description take part (some small service files have none).
const editable = services.filter((f) => hasDescription(fs.readFileSync(f, 'utf8')));
if (editable.length === 0) throw new Error(`no service file of ${registry} has an operation description to edit`);

let n = 0;
function editOne(file) {
  fs.writeFileSync(file, editDescription(fs.readFileSync(file, 'utf8'), `Edited${++n}`, file));
}

/** `n` files spread evenly over `files` (sorted largest first), from the largest to the smallest. */
function spread(files, n) {
  if (files.length <= n) return files;
  return Array.from({ length: n }, (_, i) => files[Math.round((i * (files.length - 1)) / (n - 1))]);
}

/** Wall time of a process that only parses `file` with js-yaml: the floor of any run that must read it again. */
function parseFloor(file) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [path.join(repo, 'bench', 'parse-floor.mjs'), file], { cwd: repo, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`parse-floor exited ${r.status}\n${r.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function series(files) {
  const results = [];
  for (let i = 0; i < runs; i++) {
    const file = files[i % files.length];
    editOne(file);
    results.push({ file, ...run(), floorMs: parseFloor(file) });
  }
  const sorted = [...results].sort((a, b) => a.ms - b.ms);
  return { results, median: sorted[Math.floor(sorted.length / 2)] };
}

function report(label, { results, median }) {
  console.log(`  ${label}:`);
  for (const r of results) console.log(`    ${path.relative(reg, r.file).padEnd(60)} ${(fs.statSync(r.file).size / 1024).toFixed(0).padStart(6)} KiB  ${(r.ms / 1000).toFixed(3)} s  ${r.rssMiB.toFixed(0)} MiB  (floor ${(r.floorMs / 1000).toFixed(3)} s)`);
  const floors = results.map((r) => r.floorMs).sort((a, b) => a - b);
  console.log(`    median ${(median.ms / 1000).toFixed(3)} s: ${median.ms / 1000 <= GOAL_S ? 'within' : 'over'} the goal; median floor ${(floors[Math.floor(floors.length / 2)] / 1000).toFixed(3)} s`);
}

try {
  const cold = run();
  // The largest services are the worst case (parsing, modelling and rendering grow with the
  // file); a spread over every size is what a typical edit costs.
  const largest = series(editable.slice(0, runs));
  const spreadRuns = series(spread(editable, runs));
  const { results } = spreadRuns;
  console.log(`\none-service change, ${path.basename(registry)} (${services.length} service files), layout ${layout}, ${runs} runs each, load ${os.loadavg()[0].toFixed(2)}`);
  console.log(`  cold run first: ${(cold.ms / 1000).toFixed(3)} s`);
  console.log('  (floor: a process that only parses the edited file with js-yaml, nothing else)');
  report(`the ${runs} largest service files`, largest);
  report(`${runs} service files spread over the sizes`, spreadRuns);
  console.log(`goal: one-service change <= ${GOAL_S} s whole process (median: largest ${(largest.median.ms / 1000).toFixed(3)} s, ${largest.median.ms / 1000 <= GOAL_S ? 'met' : 'not met'}; spread ${(spreadRuns.median.ms / 1000).toFixed(3)} s, ${spreadRuns.median.ms / 1000 <= GOAL_S ? 'met' : 'not met'})`);
  console.log(`last run said: ${results.at(-1).stdout}`);
  const traced = (editOne(editable[runs % editable.length]), run({ PROVIDER_DOCS_TRACE: '1' }));
  console.log(`one more with PROVIDER_DOCS_TRACE=1 (${(traced.ms / 1000).toFixed(3)} s):`);
  for (const line of traced.stderr.split('\n').filter((l) => l.startsWith('[trace]') && !l.includes('spec text'))) console.log(`  ${line.slice('[trace] '.length)}`);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
