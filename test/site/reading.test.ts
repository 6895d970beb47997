// Pages that read well at every width (issue 12), in Chromium, on a site built from
// ../shared/specs/databricks-2026-07 with the detailed layout (one build shared by every test of
// this file): at 1280x800 (a laptop) and 390x844 (a phone), on the provider page, a service page
// and the resource pages jobs/job_runs, compute/clusters and settings/tokens, no table is wider
// than the content column or scrolls inside (every tab shown in turn), and the page never scrolls
// sideways; clusters and job_runs are at most half as tall as before. Full-page screenshots of
// each page and width go to test/artifacts/reading-*.png.
// Long names in the sidebar and the previous/next links wrap after `_`, never inside a word.
// Search: each suggestion shows the provider and service of its page (escaped: xss.test.ts
// checks hostile titles), and a resource id, a field or a method name finds its page.
// Accessibility: axe-core finds no serious or critical violation on the home, provider, service
// and two resource pages, in the light and the dark theme.
//
// Run: npx vitest run --config vitest.site.config.ts test/site/reading.test.ts
// (READING_TEST_BUILD=<dir> serves a build made before instead of building; the suite's global
// setup also builds the default site, which this file does not use.)
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Browser } from './browser.js';
import { buildDetailedSite, lineBreaks, overflow, runAxe, showEveryTab, type BuiltSite } from './reading-site.js';
import { sharedPath, skipNotice } from '../helpers/shared.js';
import { repoRoot } from '../../site/lib/docs-tree.mjs';

const artifacts = path.join(repoRoot, 'test', 'artifacts');
const registry = sharedPath('specs', 'databricks-2026-07');
if (!registry) skipNotice('the reading test (a site of databricks-2026-07)');

const PAGES = [
  { name: 'provider', url: '/providers/databricks_workspace/' },
  { name: 'service', url: '/providers/databricks_workspace/jobs/' },
  { name: 'job_runs', url: '/providers/databricks_workspace/jobs/job_runs/' },
  { name: 'clusters', url: '/providers/databricks_workspace/compute/clusters/' },
  { name: 'tokens', url: '/providers/databricks_workspace/settings/tokens/' },
] as const;

const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
] as const;

describe.runIf(registry)('pages that read well at every width (databricks-2026-07, detailed)', () => {
  let site: BuiltSite;
  let browser: Browser;
  const problems: string[] = [];

  beforeAll(async () => {
    fs.mkdirSync(artifacts, { recursive: true });
    site = await buildDetailedSite(registry!, 'reading');
    browser = await launch();
  }, 20 * 60_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  async function open(url: string, viewport: { width: number; height: number }): Promise<Page> {
    const page = await browser.context.newPage();
    page.on('pageerror', (e) => problems.push(`${url}: pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`${url}: console.error: ${m.text()}`);
    });
    await page.setViewportSize(viewport);
    await page.addInitScript(() => localStorage.clear());
    await page.goto(new URL(url, site.url).href);
    await page.waitForSelector('html[data-has-hydrated="true"]');
    return page;
  }

  describe.each(VIEWPORTS)('$width x $height', (viewport) => {
    test.each(PAGES)('$name: no table wider than its column, no sideways scroll', async ({ name, url }) => {
      const page = await open(url, viewport);
      const found: string[] = [];
      const check = async (where: string) => {
        const o = await overflow(page);
        found.push(...o.tables.map((t) => `${where}: ${t}`));
        if (o.scrollWidth > o.viewport) found.push(`${where}: the page scrolls sideways (${o.scrollWidth} > ${o.viewport})`);
      };
      await check('as loaded');
      await showEveryTab(page, check);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: path.join(artifacts, `reading-${name}-${viewport.width}.png`), fullPage: true });
      await page.close();
      expect(found).toEqual([]);
    });
  });

  // Full-page heights at 1280x800 before issue 12, measured with this file's browser on a build of
  // the same registry from main at 995a6cc (tables scrolled sideways, Methods rows carried whole
  // descriptions, SDK docstrings were printed raw). The goal: at most half.
  const HEIGHT_BEFORE = { job_runs: 19_355, clusters: 28_066 } as const;

  test.each(Object.entries(HEIGHT_BEFORE))('%s at 1280 px is at most half as tall as before (%i px)', async (name, before) => {
    const page = await open(PAGES.find((p) => p.name === name)!.url, VIEWPORTS[0]);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    console.log(`[reading] ${name} at 1280 px: ${height} px (before: ${before} px)`);
    await page.close();
    expect(height).toBeLessThanOrEqual(before / 2);
  });

  // The sidebar and the previous/next links of cluster_policy_permissions name
  // cluster_policy_permission_levels, too long for one line in either.
  test.each(VIEWPORTS)('long names in the sidebar and the previous/next links wrap after "_" only ($width px)', async (viewport) => {
    const page = await open('/providers/databricks_workspace/compute/cluster_policy_permissions/', viewport);
    const wrapped = await lineBreaks(page, 'nav[aria-label="Docs sidebar"] .menu__link, .pagination-nav__label, article h1');
    expect(wrapped.map((w) => w.text)).toContain('cluster_policy_permission_levels');
    for (const w of wrapped) {
      for (const [before, after] of w.breaks) expect(`${w.text}: "${before}" | "${after}"`).toMatch(/: "[_. ]" \| "|: ".*" \| " "$/);
    }
    // the <wbr> add no character: the names read (and copy) as written
    const labels = await page.locator('.pagination-nav__label').allTextContents();
    expect(labels.map((l) => l.replace(/[«»]/g, '').trim())).toContain('cluster_policy_permission_levels');
    await page.close();
  });

  /** Types `query` in the navbar's search box; the suggestions as `{ title, path }` once some show. */
  async function suggest(page: Page, query: string): Promise<{ title: string; path: string }[]> {
    const input = page.locator('input.navbar__search-input[aria-label="Search"]');
    await input.fill('');
    await input.click();
    await input.pressSequentially(query, { delay: 10 });
    await page.getByRole('option').first().waitFor({ timeout: 15_000 });
    await page.waitForTimeout(300);
    return page.getByRole('option').evaluateAll((os) =>
      os.map((o) => ({
        title: (o.querySelector('[class*="hitTitle"]')?.textContent ?? '').trim(),
        path: (o.querySelector('[class*="hitPath"]')?.textContent ?? '').trim(),
      })),
    );
  }

  test('search: each suggestion for "tokens" shows the provider and service of its page', async () => {
    const page = await open('/', VIEWPORTS[0]);
    const hits = await suggest(page, 'tokens');
    expect(hits.length).toBeGreaterThan(1);
    // the page title hit: `tokens`, under `Providers › databricks_workspace › settings`
    expect(hits).toContainEqual({ title: 'tokens', path: 'Providers › databricks_workspace › settings' });
    // text hits name the page after the provider and service
    for (const h of hits) expect(h.path, `${h.title}`).toMatch(/^Providers › databricks_(account|workspace)\b/);
    expect(hits.filter((h) => h.path.endsWith(' › settings › tokens')).length).toBeGreaterThan(0);
    await page.close();
  });

  // a resource id, a field and a method name of settings/tokens
  test.each(['databricks_workspace.settings.tokens', 'backfill_scopes', 'tokens_update'])(
    'search: "%s" finds the tokens page',
    async (query) => {
      const page = await open('/', VIEWPORTS[0]);
      const url = PAGES.find((p) => p.name === 'tokens')!.url;
      const hits = await suggest(page, query);
      const i = hits.findIndex((h) => h.path === 'Providers › databricks_workspace › settings › tokens' || (h.title === 'tokens' && h.path === 'Providers › databricks_workspace › settings'));
      expect(i, `a hit on the tokens page among ${JSON.stringify(hits)}`).toBeGreaterThanOrEqual(0);
      await page.getByRole('option').nth(i).click();
      await page.waitForURL((u) => u.pathname === url);
      await expect(page.locator('article h1').innerText()).resolves.toBe('tokens');
      await page.close();
    },
  );

  // axe-core, injected into the page: no serious or critical violation on the home page, a
  // provider, a service and two resource pages, in the light and the dark theme.
  describe.each(['light', 'dark'] as const)('accessibility (%s theme)', (scheme) => {
    const AXE_PAGES = ['/', ...PAGES.filter((p) => p.name !== 'job_runs').map((p) => p.url)];
    let themed: Browser;
    beforeAll(async () => {
      themed = await launch({ colorScheme: scheme });
    });
    afterAll(async () => {
      await themed?.close();
    });

    test.each(AXE_PAGES)('axe-core: no serious or critical violation on %s', async (url) => {
      const page = await themed.context.newPage();
      await page.goto(new URL(url, site.url).href);
      await page.waitForSelector('html[data-has-hydrated="true"]');
      await expect(page.locator('html').getAttribute('data-theme')).resolves.toBe(scheme);
      const violations = await runAxe(page);
      await page.close();
      expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    });
  });

  test('no page error or console error on any page opened', () => {
    expect(problems).toEqual([]);
  });
});
