// npm run bench: whole-process wall time and peak memory of `provider-docs generate`
// on the 2026-07 registry (both providers), cold and with nothing changed, each
// beside the floor: a process that only parses the same files with js-yaml.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { packPages } from './pack-pages.mjs';

const repo = fileURLToPath(new URL('../', import.meta.url));
const registry = process.argv[2] ?? path.resolve(repo, '..', 'shared', 'specs', 'databricks-2026-07');
const runs = Number(process.env.BENCH_RUNS ?? 5);
const layout = process.env.BENCH_LAYOUT ?? 'classic';

if (!fs.existsSync(registry)) {
  console.log(`SKIPPED: ${registry} does not exist (the bench needs ../shared/specs/databricks-2026-07)`);
  process.exit(0);
}
if (!fs.existsSync(path.join(repo, 'dist', 'cli.js'))) {
  console.error('dist/ is missing: run `npm run build` first');
  process.exit(2);
}

const rssFile = path.join(os.tmpdir(), `pd-bench-rss-${process.pid}`);
const preload = path.join(repo, 'bench', 'report-rss.mjs');

function measure(args, extraEnv = {}) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', preload, ...args], {
    cwd: repo,
    env: { ...process.env, BENCH_RSS_FILE: rssFile, ...extraEnv },
    encoding: 'utf8',
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}\n${r.stderr}`);
  const [rssKiB, cpuMs] = fs.readFileSync(rssFile, 'utf8').split(' ').map(Number);
  return { ms, rssMiB: rssKiB / 1024, cpuMs, stdout: r.stdout.trim(), stderr: r.stderr };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function series(label, fn) {
  const results = Array.from({ length: runs }, fn);
  return { label, ms: median(results.map((r) => r.ms)), rssMiB: Math.max(...results.map((r) => r.rssMiB)), last: results.at(-1).stdout };
}

const size = (function du(d) {
  return fs.readdirSync(d, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? du(path.join(d, e.name)) : fs.statSync(path.join(d, e.name)).size), 0);
})(registry);
console.log(`registry ${registry} (${(size / 1e6).toFixed(1)} MB of YAML), layout ${layout}, ${runs} runs each (median wall, max peak RSS), ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(2)}`);

const floor = series('parse floor (js-yaml only)', () => measure([path.join(repo, 'bench', 'parse-floor.mjs'), registry]));
const gen = ['bin/provider-docs.js', 'generate', '--registry', registry, '--layout', layout, '--quiet'];
// Each cold run gets a fresh empty folder. They are deleted only after the
// series: on this ext4 (no journal) creating files right after deleting a few
// hundred makes the kernel scan recently freed inodes, which would charge one
// run for the cleanup of the one before.
const coldOuts = [];
const cold = series('generate, cold (empty output folder)', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-bench-'));
  coldOuts.push(out);
  return measure([...gen, '--out', out]);
});
for (const out of coldOuts) fs.rmSync(out, { recursive: true, force: true });
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-bench-'));
measure([...gen, '--out', out]);
const warm = series('generate, nothing changed', () => measure([...gen, '--out', out]));
const full = series('generate, nothing changed, no inputs record', () => {
  fs.rmSync(path.join(out, '.provider-docs-inputs.json'), { force: true });
  return measure([...gen, '--out', out]);
});
fs.rmSync(out, { recursive: true, force: true });

const rows = [floor, cold, warm, full];
const pad = (s, n) => String(s).padEnd(n);
console.log('');
console.log(`${pad('run', 46)}${pad('wall', 10)}${pad('vs floor', 10)}peak RSS`);
for (const r of rows) console.log(`${pad(r.label, 46)}${pad(`${(r.ms / 1000).toFixed(3)} s`, 10)}${pad(`${(r.ms / floor.ms).toFixed(2)}x`, 10)}${r.rssMiB.toFixed(0)} MiB`);
console.log('');
console.log(`goals: cold <= 1.3x floor (${(cold.ms / floor.ms).toFixed(2)}x), no-change < 0.3 s (${(warm.ms / 1000).toFixed(3)} s), peak < 300 MiB (${Math.max(cold.rssMiB, warm.rssMiB).toFixed(0)} MiB)`);
console.log(`last cold run said: ${cold.last}`);

// Where a cold run's time goes (one more run, with the generator's own phase timers).
const traced = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-bench-'));
try {
  const t = measure([...gen, '--out', traced], { PROVIDER_DOCS_TRACE: '1' });
  console.log(`\none cold run with PROVIDER_DOCS_TRACE=1 (${(t.ms / 1000).toFixed(3)} s):`);
  for (const line of t.stderr.split('\n').filter((l) => l.startsWith('[trace]'))) console.log(`  ${line.slice('[trace] '.length)}`);
} finally {
  fs.rmSync(traced, { recursive: true, force: true });
}

// The whole August 2026 registry in one run (9 providers, 58 MB, real faults):
// how generation scales with many providers, beside the parse floor of the same files.
const whole = process.env.BENCH_REGISTRY ?? path.resolve(repo, '..', 'shared', 'specs', 'registry-2026-08');
if (fs.existsSync(whole)) {
  const wholeRuns = Number(process.env.BENCH_WHOLE_RUNS ?? 3);
  const wholeSize = (function du(d) {
    return fs.readdirSync(d, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? du(path.join(d, e.name)) : fs.statSync(path.join(d, e.name)).size), 0);
  })(whole);
  // Rounds interleave the floor and the runs, so a machine that gets busier or
  // quieter meanwhile weighs on each the same. The default run uses as many
  // threads as the generator picks on this machine (one per core beyond the
  // first); the other is what the default is not: two threads on a 2-core
  // machine, one thread elsewhere.
  const gen1 = (o) => ['bin/provider-docs.js', 'generate', '--registry', whole, '--layout', layout, '--quiet', '--out', o];
  const other = os.availableParallelism() <= 2 ? '2' : '1';
  // The pages one run writes, packed once, for the second floor: parsing the
  // files and then creating those pages bare. Creating a file or a folder is
  // the costliest thing a run does besides parsing (one folder per resource in
  // both layouts), and on some file systems it weighs more than modelling and
  // rendering together; this row shows how much room the goal leaves for them.
  const prep = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-bench-'));
  const pack = path.join(os.tmpdir(), `pd-bench-pages-${process.pid}.bin`);
  measure(gen1(prep));
  const pageCount = packPages(prep, pack);
  const kinds = [
    { label: 'parse floor (js-yaml only)', run: () => measure([path.join(repo, 'bench', 'parse-floor.mjs'), whole]) },
    { label: `parse floor, then its ${pageCount} pages written bare`, out: true, run: (o) => measure([path.join(repo, 'bench', 'parse-floor.mjs'), whole, '--write', pack, o]) },
    { label: 'generate, cold, every provider in one run', out: true, run: (o) => measure(gen1(o)) },
    { label: `the same, PROVIDER_DOCS_THREADS=${other}`, out: true, run: (o) => measure(gen1(o), { PROVIDER_DOCS_THREADS: other }) },
  ];
  const loadBefore = os.loadavg()[0];
  const results = kinds.map(() => []);
  const wOuts = [];
  for (let round = 0; round < wholeRuns; round++) {
    kinds.forEach((k, i) => {
      const o = k.out ? fs.mkdtempSync(path.join(os.tmpdir(), 'pd-bench-')) : undefined;
      if (o) wOuts.push(o);
      results[i].push(k.run(o));
    });
  }
  // One more cold run, traced: the threads it used and where its time went.
  const tracedOut = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-bench-'));
  wOuts.push(tracedOut);
  const traced = measure(gen1(tracedOut), { PROVIDER_DOCS_TRACE: '1' });
  for (const o of [prep, ...wOuts]) fs.rmSync(o, { recursive: true, force: true });
  fs.rmSync(pack, { force: true });
  const rows = kinds.map((k, i) => ({
    label: k.label,
    ms: median(results[i].map((r) => r.ms)),
    cpuMs: median(results[i].map((r) => r.cpuMs)),
    rssMiB: Math.max(...results[i].map((r) => r.rssMiB)),
    last: results[i].at(-1).stdout,
  }));
  const [wFloor, wBare, wCold] = rows;
  console.log(`\nwhole registry ${whole} (${(wholeSize / 1e6).toFixed(1)} MB of YAML), ${wholeRuns} rounds (median wall and CPU, max peak RSS), load ${loadBefore.toFixed(2)} before, ${os.loadavg()[0].toFixed(2)} after`);
  console.log(`${pad('run', 46)}${pad('wall', 10)}${pad('vs floor', 10)}${pad('CPU', 10)}peak RSS`);
  for (const r of rows) console.log(`${pad(r.label, 46)}${pad(`${(r.ms / 1000).toFixed(3)} s`, 10)}${pad(`${(r.ms / wFloor.ms).toFixed(2)}x`, 10)}${pad(`${(r.cpuMs / 1000).toFixed(2)} s`, 10)}${r.rssMiB.toFixed(0)} MiB`);
  console.log(`goals: cold <= 1.5x floor (${(wCold.ms / wFloor.ms).toFixed(2)}x), peak < 600 MiB (${Math.max(...rows.slice(2).map((r) => r.rssMiB)).toFixed(0)} MiB)`);
  console.log(`parsing and writing the pages bare already takes ${(wBare.ms / wFloor.ms).toFixed(2)}x the floor: ${((1.5 - wBare.ms / wFloor.ms) * wFloor.ms / 1000).toFixed(3)} s of the 1.5x goal is left for everything else a one-thread run does`);
  // No run can end sooner than its CPU time spread evenly over every core: a
  // one-thread run already keeps a second core partly busy (V8 compiles and
  // collects garbage on helper threads, the kernel writes), and more threads
  // only add CPU time (each loads and warms up the code again).
  const cores = os.availableParallelism();
  console.log(`the default run's CPU time spread over all ${cores} cores would take ${(wCold.cpuMs / cores / 1000).toFixed(3)} s, ${(wCold.cpuMs / cores / wFloor.ms).toFixed(2)}x the floor: the least any thread count could reach without doing less work`);
  console.log(`last run said: ${wCold.last}`);
  console.log(`\none cold run with PROVIDER_DOCS_TRACE=1 (${(traced.ms / 1000).toFixed(3)} s, CPU ${(traced.cpuMs / 1000).toFixed(2)} s):`);
  // Workers print their own phase totals when they exit; the main thread's come last.
  for (const line of traced.stderr.split('\n').filter((l) => l.startsWith('[trace]'))) console.log(`  ${line.slice('[trace] '.length)}`);
} else {
  console.log(`\nSKIPPED: the whole-registry run needs ${whole}`);
}
fs.rmSync(rssFile, { force: true });
