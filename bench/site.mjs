#!/usr/bin/env node
// npm run bench:site
// Builds the site for ../shared/specs/databricks-2024-12 (both providers) twice: cold (site/.docusaurus
// and node_modules/.cache removed first) and warm (caches kept), and prints wall time and peak memory.
//
// Memory, two figures, both measured:
//  - "peak tree RSS": the largest sum of VmRSS over the build process and all its descendants,
//    sampled from /proc every 100 ms (short spikes between samples can be missed);
//  - "max RSS": GNU time's "Maximum resident set size" (the largest single process, not a sum),
//    when /usr/bin/time exists.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  countPages,
  docusaurusCli,
  generate,
  repoRoot,
  run,
  sharedDir,
  siteDir,
} from '../site/scripts/lib.mjs';

const registry = path.join(sharedDir, 'specs', 'databricks-2024-12');
if (!fs.existsSync(registry)) {
  console.log(`bench:site skipped: ${registry} is missing (the shared specs live in ../shared).`);
  process.exit(0);
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'provider-docs-bench-'));
const docsDir = path.join(work, 'docs');
const outDir = path.join(work, 'build');
const gnuTime = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** @param {string} label */
async function build(label) {
  const cmd = gnuTime ?? process.execPath;
  const args = [...(gnuTime ? ['-v', process.execPath] : []), docusaurusCli, 'build', siteDir, '--out-dir', outDir];
  const r = await run(cmd, args, {
    env: { ...process.env, PROVIDER_DOCS_DIR: docsDir },
    quiet: true,
    sampleMemory: true,
  });
  if (r.code !== 0) {
    process.stderr.write(r.output.slice(-8000));
    throw new Error(`${label} build failed (exit ${r.code})`);
  }
  const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.output);
  return {
    label,
    seconds: r.ms / 1000,
    peakTreeRssBytes: r.peakTreeRssBytes ?? 0,
    maxRssBytes: m ? Number(m[1]) * 1024 : undefined,
  };
}

const gb = (/** @type {number} */ b) => `${(b / 1024 ** 3).toFixed(2)} GB`;

try {
  await generate({ registry, out: docsDir, quiet: true });
  const pages = countPages(docsDir);
  console.log(`bench:site: ${pages} pages from ${path.relative(repoRoot, registry)}; ${os.cpus().length} CPUs, Node ${process.version}`);
  const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');
  console.log(`load average before: ${load()} (other work on the machine slows the builds down)`);

  // cold: no Docusaurus generated files, no bundler persistent cache (rspack/webpack in node_modules/.cache)
  fs.rmSync(path.join(siteDir, '.docusaurus'), { recursive: true, force: true });
  fs.rmSync(path.join(repoRoot, 'node_modules', '.cache'), { recursive: true, force: true });
  const results = [await build('cold')];
  results.push(await build('warm'));

  console.log(`load average after: ${load()}`);
  console.log('');
  console.log('| build | wall time | peak tree RSS (sampled, summed) | max RSS (GNU time, largest process) |');
  console.log('| --- | --- | --- | --- |');
  for (const r of results) {
    console.log(`| ${r.label} | ${r.seconds.toFixed(1)} s | ${gb(r.peakTreeRssBytes)} | ${r.maxRssBytes ? gb(r.maxRssBytes) : 'n/a'} |`);
  }
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
