// Helpers of the detailed-layout browser test (detailed.test.ts): generate our own specs/ with
// `--layout detailed` through the real CLI, build the site from those pages (serialized with the
// other heavy builds on this machine through flock(1)), and read a built page's sections.
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { brokenLinkReport, docusaurusCli, generatorCli, repoRoot, run, siteDir } from '../../site/scripts/lib.mjs';

/** Heavy site builds on this machine take turns through this lock. */
export const BUILD_LOCK = '/tmp/site-build.lock';

/**
 * `bin/provider-docs.js` runs the dist/ bundle: rebuild it (scripts/build.mjs, as `npm run build`
 * does) when it is missing or older than a generator source, so the pages come from the current code.
 */
export async function ensureDistFresh(): Promise<void> {
  const bundle = fs.statSync(path.join(repoRoot, 'dist', 'cli.js'), { throwIfNoEntry: false });
  let newest = 0;
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts')) newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  walk(path.join(repoRoot, 'generator'));
  if (bundle && bundle.mtimeMs >= newest) return;
  const r = await run(process.execPath, [path.join(repoRoot, 'scripts', 'build.mjs')], { quiet: true });
  if (r.code !== 0) throw new Error(`scripts/build.mjs failed:\n${r.output.slice(-4000)}`);
}

/** `provider-docs generate --layout detailed` on the repository's own specs/. */
export async function generateDetailed(out: string): Promise<string> {
  const args = [generatorCli, 'generate', '--layout', 'detailed', '--out', out];
  let r = await run(process.execPath, args, { quiet: true });
  if (r.code !== 0 && /Cannot find module|dist\/ is missing/.test(r.output)) {
    // dist/ was being rebuilt by someone else (the build empties it first): wait, then once more
    await new Promise((done) => setTimeout(done, 3000));
    await ensureDistFresh();
    r = await run(process.execPath, args, { quiet: true });
  }
  if (r.code !== 0) throw new Error(`provider-docs generate --layout detailed failed (exit ${r.code}):\n${r.output}`);
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

/** The h2 whose text starts with `title` (headings end with a zero-width hash link). */
export function h2(page: Page, title: string): Locator {
  return page.locator(`xpath=//article//h2[starts-with(normalize-space(.), "${title}")]`);
}

/** The elements after the h2 `title` up to the next h2: the section's content. */
export function section(page: Page, title: string): Locator {
  return page.locator(
    `xpath=//article//h2[starts-with(normalize-space(.), "${title}")]/following-sibling::*[not(self::h2)]` +
      `[preceding-sibling::h2[1][starts-with(normalize-space(.), "${title}")]]`,
  );
}

/**
 * Elements matching `css` in the section `title`: the section's own top-level elements (a table
 * or a Tabs container sits right under the article) and their descendants, in document order.
 */
export function inSection(page: Page, title: string, css: string): Locator {
  const sec = section(page, title);
  return sec.and(page.locator(css)).or(sec.locator(css));
}

/** Titles of the page's h2 headings, in order (without the hash link's zero-width space). */
export function h2Titles(page: Page): Promise<string[]> {
  return page
    .locator('article h2')
    .evaluateAll((hs) => hs.map((h) => (h.textContent ?? '').replace(/\u200b/g, '').trim()));
}

/** Selected tab label and visible panel text of the n-th Tabs of a section. */
export async function tabState(tabs: Locator): Promise<{ selected: string; panel: string }> {
  return {
    selected: await tabs.locator('[role="tab"][aria-selected="true"]').innerText(),
    panel: await tabs.locator('[role="tabpanel"]:not([hidden])').innerText(),
  };
}

/**
 * The text of a rendered code block, one line per Prism `.token-line` (innerText would double the
 * line breaks, textContent drops them: each line ends with a <br>).
 */
export function codeText(code: Locator): Promise<string> {
  return code.evaluate((el) => {
    const lines = [...el.querySelectorAll('.token-line')];
    return lines.length > 0 ? lines.map((l) => l.textContent ?? '').join('\n') : (el.textContent ?? '');
  });
}
