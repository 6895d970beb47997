#!/usr/bin/env node
// npm run bench:site
// Builds the site for ../shared/specs/databricks-2026-07 (both providers), detailed then classic
// layout: cold (site/.docusaurus and the bundler's persistent cache removed first), then warm after
// one spec change (regenerated incrementally, caches kept), and prints wall time and peak memory.
//
// Memory, two figures, both measured:
//  - "peak tree RSS": the largest sum of VmRSS over the build process and all its descendants,
//    sampled from /proc every 100 ms (short spikes between samples can be missed);
//  - "max RSS": GNU time's "Maximum resident set size" (the largest single process, not a sum),
//    when /usr/bin/time exists.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as parse5 from 'parse5';
import { editDescription, serviceFiles } from './service-edits.mjs';
import {
  countPages,
  docusaurusCli,
  generate,
  repoRoot,
  run,
  sharedDir,
  siteDir,
} from '../site/scripts/lib.mjs';

const registry = path.join(sharedDir, 'specs', 'databricks-2026-07');
if (!fs.existsSync(registry)) {
  console.log(`bench:site skipped: ${registry} is missing (the shared specs live in ../shared).`);
  process.exit(0);
}

// Goals of the July 2026 detailed site (issue 13): cold build within 45 s and 1.5 GB, and a warm
// rebuild after one spec change within half of the cold time.
const GOAL_COLD_S = 45;
const GOAL_PEAK_BYTES = 1.5 * 1024 ** 3;

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'provider-docs-bench-'));
const outDir = path.join(work, 'build');
const gnuTime = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** @param {string} label @param {string} docsDir */
async function build(label, docsDir) {
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
  const user = /User time \(seconds\): ([\d.]+)/.exec(r.output);
  const sys = /System time \(seconds\): ([\d.]+)/.exec(r.output);
  return {
    label,
    seconds: r.ms / 1000,
    cpuSeconds: user && sys ? Number(user[1]) + Number(sys[1]) : undefined,
    peakTreeRssBytes: r.peakTreeRssBytes ?? 0,
    maxRssBytes: m ? Number(m[1]) * 1024 : undefined,
  };
}

/** Edits the largest service file where a page shows it. */
function editOneService(root) {
  const file = serviceFiles(root)[0];
  fs.writeFileSync(file, editDescription(fs.readFileSync(file, 'utf8'), 'Edited', file));
  return path.relative(root, file);
}

const gb = (/** @type {number} */ b) => `${(b / 1024 ** 3).toFixed(2)} GB`;

const WEIGHED_PAGE = 'providers/databricks_workspace/jobs/job_runs';

/**
 * The weight of the largest page: its MDX, and the elements of its built article, split into
 * those React renders and hydrates and those inside HTML regions (one string each, see
 * generator/render/spec-html.ts). parse5 reads the page as a browser does: the HTML minifier
 * leaves out optional end tags.
 */
function pageWeight(docsDir) {
  const mdx = fs.statSync(path.join(docsDir, WEIGHED_PAGE, 'index.md')).size;
  const doc = parse5.parse(fs.readFileSync(path.join(outDir, WEIGHED_PAGE, 'index.html'), 'utf8'));
  let react = 0;
  let region = 0;
  const walk = (node, inRegion, inArticle) => {
    for (const child of node.childNodes ?? []) {
      if (!child.tagName) continue;
      const article = inArticle || child.tagName === 'article';
      if (article && inRegion) region++;
      else if (article) react++;
      const cls = child.attrs.find((a) => a.name === 'class')?.value.split(/\s+/) ?? [];
      walk(child.tagName === 'template' ? child.content : child, inRegion || cls.includes('pd-html'), article);
    }
  };
  walk(doc, false, false);
  return { mdx, react, region };
}
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');

try {
  const reg = path.join(work, 'registry');
  fs.cpSync(registry, reg, { recursive: true });
  console.log(`bench:site: ${path.relative(repoRoot, registry)}; ${os.cpus().length} CPUs, Node ${process.version}`);
  console.log(`load average before: ${load()} (other work on the machine slows the builds down)`);
  const rows = [];
  for (const layout of ['detailed', 'classic']) {
    fs.cpSync(registry, reg, { recursive: true });
    const docsDir = path.join(work, `docs-${layout}`);
    await generate({ registry: reg, out: docsDir, extraArgs: ['--layout', layout], quiet: true });
    const pages = countPages(docsDir);
    // Cold: no Docusaurus generated files, no bundler persistent cache (rspack's, in node_modules/.cache).
    fs.rmSync(path.join(siteDir, '.docusaurus'), { recursive: true, force: true });
    for (const dir of [repoRoot, siteDir]) fs.rmSync(path.join(dir, 'node_modules', '.cache'), { recursive: true, force: true });
    const cold = await build(`${layout}, cold (${pages} pages)`, docsDir);
    const weight = pageWeight(docsDir);
    const edited = editOneService(reg);
    const regen = await generate({ registry: reg, out: docsDir, extraArgs: ['--layout', layout], quiet: true });
    const warm = await build(`${layout}, warm after one spec change (${edited})`, docsDir);
    // The floor of any rebuild: the same site again with nothing changed. What Docusaurus repeats
    // for every page whatever changed (static rendering, the search index, the bundler's cached
    // pass) is all it does here.
    const same = await build(`${layout}, warm with nothing changed`, docsDir);
    rows.push({ layout, cold, warm, same, weight, regen: /^.*pages.*$/m.exec(regen.output)?.[0] ?? '' });
  }
  console.log(`load average after: ${load()}`);
  console.log('');
  console.log('| build | wall time | CPU time | peak tree RSS (sampled, summed) | max RSS (GNU time, largest process) |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const { cold, warm, same } of rows) {
    for (const r of [cold, warm, same]) console.log(`| ${r.label} | ${r.seconds.toFixed(1)} s | ${r.cpuSeconds ? `${r.cpuSeconds.toFixed(1)} s` : 'n/a'} | ${gb(r.peakTreeRssBytes)} | ${r.maxRssBytes ? gb(r.maxRssBytes) : 'n/a'} |`);
  }
  console.log('');
  for (const { layout, cold, warm, same, weight, regen } of rows) {
    console.log(`${layout}: ${WEIGHED_PAGE}: ${(weight.mdx / 1024).toFixed(0)} kB of MDX; its article has ${weight.react} elements rendered by React and ${weight.region} in HTML regions`);
    console.log(`${layout}: regenerated after the edit: ${regen}`);
    console.log(`${layout}: warm/cold ${(warm.seconds / cold.seconds).toFixed(2)} (goal <= 0.5); nothing changed/cold ${(same.seconds / cold.seconds).toFixed(2)}${layout === 'detailed' ? `; cold ${cold.seconds.toFixed(1)} s (goal <= ${GOAL_COLD_S} s), peak ${gb(cold.peakTreeRssBytes)} (goal <= ${gb(GOAL_PEAK_BYTES)})` : ''}`);
  }
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
