// Shared by the browser tests that build a site of their own (detailed.test.ts, xss.test.ts,
// watch.test.ts): the machine-wide build lock, a fresh dist/, the real CLI, a locked site build.
import fs from 'node:fs';
import path from 'node:path';
import { brokenLinkReport, docusaurusCli, generatorCli, repoRoot, run, siteDir } from '../../site/scripts/lib.mjs';

/** Heavy site builds on this machine take turns through this lock (flock(1)). */
export const BUILD_LOCK = '/tmp/site-build.lock';

/**
 * `bin/provider-docs.js` runs the dist/ bundle, and sites load the theme from dist/theme: rebuild
 * it (scripts/build.mjs, as `npm run build` does) when it is missing or older than a generator
 * source, a template (precompiled into it) or a theme file, so pages and site come from the current code.
 */
export async function ensureDistFresh(): Promise<void> {
  const bundle = fs.statSync(path.join(repoRoot, 'dist', 'cli.js'), { throwIfNoEntry: false });
  let newest = 0;
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|tsx|hbs|css)$/.test(e.name)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  for (const dir of ['generator', 'templates', 'theme']) walk(path.join(repoRoot, dir));
  if (bundle && bundle.mtimeMs >= newest) return;
  const r = await run(process.execPath, [path.join(repoRoot, 'scripts', 'build.mjs')], { quiet: true });
  if (r.code !== 0) throw new Error(`scripts/build.mjs failed:\n${r.output.slice(-4000)}`);
}

/** `provider-docs generate <args>` through the real CLI; throws with its output when it fails. */
export async function generatePages(args: readonly string[], label: string): Promise<string> {
  const argv = [generatorCli, 'generate', ...args];
  let r = await run(process.execPath, argv, { quiet: true });
  if (r.code !== 0 && /Cannot find module|dist\/ is missing/.test(r.output)) {
    // dist/ was being rebuilt by someone else (the build empties it first): wait, then once more
    await new Promise((done) => setTimeout(done, 3000));
    await ensureDistFresh();
    r = await run(process.execPath, argv, { quiet: true });
  }
  if (r.code !== 0) throw new Error(`${label} failed (exit ${r.code}):\n${r.output}`);
  return r.output;
}

/** `docusaurus build site` for `docsDir` into `outDir`, under the shared build lock. */
export async function buildSiteLocked(docsDir: string, outDir: string): Promise<number> {
  const started = Date.now();
  const r = await run('flock', [BUILD_LOCK, process.execPath, docusaurusCli, 'build', siteDir, '--out-dir', outDir], {
    env: { ...process.env, PROVIDER_DOCS_DIR: docsDir },
    quiet: true,
  });
  if (r.code !== 0) {
    throw new Error(`Site build failed (exit ${r.code}):\n${brokenLinkReport(r.output) || r.output.slice(-6000)}`);
  }
  return Date.now() - started;
}
