// Helpers shared by the site scripts (docs, bench, build-all) and the browser tests:
// run the generator CLI and run a Docusaurus build of site/ for a given docs folder.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot, siteDir } from '../lib/docs-tree.mjs';

export { repoRoot, siteDir };
export const generatorCli = path.join(repoRoot, 'bin', 'provider-docs.js');
export const docusaurusCli = path.join(repoRoot, 'node_modules', '@docusaurus', 'core', 'bin', 'docusaurus.mjs');
/** The shared reference data (specs of three Databricks releases), next to the repository. */
export const sharedDir = path.resolve(process.env.PROVIDER_DOCS_SHARED ?? path.join(repoRoot, '..', 'shared'));
export const sharedRegistries = ['databricks-2024-12', 'databricks-2026-02', 'databricks-2026-07'];

/**
 * Runs a command, streaming its output unless `quiet`; resolves with the exit code, the wall
 * time and (when `sampleMemory`) the peak of the summed RSS of the process and its descendants,
 * sampled every 100 ms from /proc.
 * @param {string} cmd @param {string[]} args
 * @param {{env?: NodeJS.ProcessEnv, quiet?: boolean, sampleMemory?: boolean}} [opts]
 * @returns {Promise<{code: number, ms: number, peakTreeRssBytes?: number, output: string}>}
 */
export function run(cmd, args, opts = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(cmd, args, {
      cwd: repoRoot,
      env: opts.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const onData = (/** @type {Buffer} */ chunk, /** @type {NodeJS.WriteStream} */ stream) => {
      output += chunk.toString();
      if (output.length > 4_000_000) output = output.slice(-2_000_000);
      if (!opts.quiet) stream.write(chunk);
    };
    child.stdout.on('data', (c) => onData(c, process.stdout));
    child.stderr.on('data', (c) => onData(c, process.stderr));
    let peak = 0;
    const timer = opts.sampleMemory
      ? setInterval(() => {
          if (child.pid) peak = Math.max(peak, treeRss(child.pid));
        }, 100)
      : undefined;
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({
        code: code ?? 1,
        ms: performance.now() - started,
        ...(opts.sampleMemory ? { peakTreeRssBytes: peak } : {}),
        output,
      });
    });
  });
}

/** Summed VmRSS (bytes) of a process and all its descendants, read from /proc (Linux). */
export function treeRss(pid) {
  let total = 0;
  const stack = [pid];
  while (stack.length > 0) {
    const p = /** @type {number} */ (stack.pop());
    try {
      const status = fs.readFileSync(`/proc/${p}/status`, 'utf8');
      const m = /^VmRSS:\s+(\d+) kB/m.exec(status);
      if (m) total += Number(m[1]) * 1024;
      for (const tid of fs.readdirSync(`/proc/${p}/task`)) {
        const kids = fs.readFileSync(`/proc/${p}/task/${tid}/children`, 'utf8').trim();
        if (kids) stack.push(...kids.split(/\s+/).map(Number));
      }
    } catch {
      // the process ended between two reads
    }
  }
  return total;
}

/**
 * Runs `provider-docs generate` into `out` (the generator itself removes pages it wrote before
 * that are no longer generated, and keeps hand-edited ones unless `--force`).
 * @param {{out: string, registry?: string, extraArgs?: string[], quiet?: boolean}} o
 */
export async function generate({ out, registry, extraArgs = [], quiet = false }) {
  const args = [generatorCli, 'generate', ...(registry ? ['--registry', registry] : []), '--out', out, ...extraArgs];
  const r = await run(process.execPath, args, { quiet });
  if (r.code !== 0) {
    if (quiet) process.stderr.write(r.output);
    throw new Error(`provider-docs generate failed (exit ${r.code}): ${args.slice(1).join(' ')}`);
  }
  return r;
}

/**
 * `docusaurus build site` for the pages in `docsDir`.
 * @param {{docsDir: string, outDir?: string, quiet?: boolean, sampleMemory?: boolean}} o
 */
export function buildSite({ docsDir, outDir, quiet = false, sampleMemory = false }) {
  const args = [docusaurusCli, 'build', siteDir, ...(outDir ? ['--out-dir', outDir] : [])];
  return run(process.execPath, args, {
    env: { ...process.env, PROVIDER_DOCS_DIR: docsDir },
    quiet,
    sampleMemory,
  });
}

/** Number of resource, service and provider pages under `<docs>/providers`. */
export function countPages(docsDir) {
  let n = 0;
  const walk = (/** @type {string} */ dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(dir, e.name));
      else if (/^index\.mdx?$/.test(e.name)) n++;
    }
  };
  const root = path.join(docsDir, 'providers');
  if (fs.existsSync(root)) walk(root);
  return n;
}

/** Broken-link lines of a Docusaurus build log (empty when there are none). */
export function brokenLinkReport(output) {
  const i = output.indexOf('Docusaurus found broken links');
  return i < 0 ? '' : output.slice(i, i + 4000);
}
