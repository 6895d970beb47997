// The detailed layout in the browser (issue "A detailed layout and user templates"): our own
// specs/ are generated with `--layout detailed` through the real CLI into a temp docs folder, the
// site is built from them (under flock /tmp/site-build.lock) and served on 127.0.0.1, and
// Chromium opens the detailed pages of user_tokens, clusters, users, repos (workspace) and groups
// (account): Fields tables with datatype and description columns, collapsible sub-fields, tabs
// per SELECT method, parameter links that land on a visible row of the Parameters section, one
// example section per verb the resource has (EXEC with `@@json`), and no script or console error.
// Full-page screenshots go to test/artifacts/detailed-<resource>.png (and one dark one) for a
// review by eye.
//
// Run: npx vitest run --config vitest.site.config.ts test/site/detailed.test.ts
// (this file builds its own site; the suite's global setup also builds the classic one, unused here)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Browser } from './browser.js';
import { codeText, generateDetailed, h2, h2Titles, inSection, tabState } from './detailed-site.js';
import { buildSiteLocked, ensureDistFresh } from './site-build.js';
import { startStaticServer, type StaticServer } from './static-server.js';
import { repoRoot } from '../../site/lib/docs-tree.mjs';

const artifacts = path.join(repoRoot, 'test', 'artifacts');
const GOLDEN = path.join(repoRoot, 'test', 'golden', 'detailed');

type Verb = 'SELECT' | 'INSERT' | 'UPDATE' | 'REPLACE' | 'DELETE' | 'EXEC';
const VERBS: Verb[] = ['SELECT', 'INSERT', 'UPDATE', 'REPLACE', 'DELETE', 'EXEC'];

interface Case {
  name: string;
  url: string;
  id: string;
  /** Verbs of the resource's methods, as the spec has them. */
  verbs: Verb[];
  /** Tab labels of the Fields section (one per view, then per SELECT method); none: one table. */
  fieldTabs: string[];
  /** Whether some sub-field list is on the page. */
  subFields: boolean;
  /** A Fields description cell that must read so (the specs give few field descriptions). */
  description?: string;
}

const CASES: Case[] = [
  {
    name: 'user_tokens',
    url: '/providers/databricks_workspace/workspace/user_tokens/',
    id: 'databricks_workspace.workspace.user_tokens',
    verbs: ['SELECT', 'INSERT', 'EXEC'],
    fieldTabs: [],
    subFields: false,
  },
  {
    name: 'clusters',
    url: '/providers/databricks_workspace/compute/clusters/',
    id: 'databricks_workspace.compute.clusters',
    verbs: ['SELECT', 'INSERT', 'UPDATE', 'REPLACE', 'DELETE', 'EXEC'],
    fieldTabs: ['list', 'get'],
    subFields: true,
    description: '(one of SINGLE_USER, USER_ISOLATION, NONE)',
  },
  {
    name: 'users',
    url: '/providers/databricks_workspace/iam/users/',
    id: 'databricks_workspace.iam.users',
    verbs: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'],
    fieldTabs: ['list', 'get'],
    subFields: true,
  },
  {
    name: 'repos',
    url: '/providers/databricks_workspace/workspace/repos/',
    id: 'databricks_workspace.workspace.repos',
    verbs: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'],
    fieldTabs: ['vw_repos', 'list', 'get'],
    subFields: true,
    description: 'Location of the Git folder in the workspace tree.',
  },
  {
    name: 'groups',
    url: '/providers/databricks_account/iam/groups/',
    id: 'databricks_account.iam.groups',
    verbs: ['SELECT', 'INSERT', 'UPDATE', 'REPLACE', 'DELETE'],
    fieldTabs: ['list', 'get'],
    subFields: true,
  },
];

/** The example section of a verb: its h2 title and how its statements start. */
const EXAMPLES: Record<Verb, { title: string; statement: (id: string, tab: string) => string }> = {
  // a view's tab selects from the view
  SELECT: { title: 'SELECT examples', statement: (id, tab) => `\nFROM ${tab.startsWith('vw_') ? id.replace(/[^.]+$/, tab) : id}\n` },
  INSERT: { title: 'INSERT examples', statement: (id) => `INSERT INTO ${id} (` },
  UPDATE: { title: 'UPDATE examples', statement: (id) => `UPDATE ${id}\nSET` },
  REPLACE: { title: 'REPLACE examples', statement: (id) => `REPLACE ${id}\nSET` },
  DELETE: { title: 'DELETE examples', statement: (id) => `DELETE FROM ${id}` },
  EXEC: { title: 'Lifecycle methods', statement: (id) => `EXEC ${id}.` },
};

/** Viewport box of the Parameters row holding the anchor `id`, and the bottom of the navbar. */
function targetRowBox(page: Page, id: string) {
  return page.evaluate((target) => {
    const tr = document.getElementById(target)!.closest('tr')!.getBoundingClientRect();
    const nav = document.querySelector('nav.navbar')!.getBoundingClientRect();
    return { top: tr.top, bottom: tr.bottom, navBottom: nav.bottom, height: window.innerHeight };
  }, id);
}

describe('detailed layout in the browser', () => {
  let work = '';
  let docsDir = '';
  let server: StaticServer | undefined;
  let siteUrl = '';
  let browser: Browser;
  /** pageerror and console errors of every page opened, and failed requests. */
  const problems: string[] = [];

  beforeAll(async () => {
    fs.mkdirSync(artifacts, { recursive: true });
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'provider-docs-detailed-'));
    docsDir = path.join(work, 'docs');
    await ensureDistFresh();
    await generateDetailed(docsDir);
    // DETAILED_TEST_BUILD=<dir>: serve a build made before from these pages (while editing this test)
    let buildDir = process.env.DETAILED_TEST_BUILD;
    if (!buildDir) {
      buildDir = path.join(work, 'build');
      const ms = await buildSiteLocked(docsDir, buildDir);
      console.log(`[detailed] site built in ${(ms / 1000).toFixed(1)} s (including any wait for the build lock)`);
    }
    server = await startStaticServer(buildDir);
    siteUrl = server.url;
    browser = await launch();
  }, 20 * 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  function watch(page: Page, label: string): void {
    page.on('pageerror', (e) => problems.push(`${label}: pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`${label}: console.error: ${m.text()}`);
    });
    page.on('requestfailed', (r) => problems.push(`${label}: request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`${label}: HTTP ${r.status()} ${r.url()}`);
    });
  }

  async function open(url: string, b: Browser = browser): Promise<Page> {
    const page = await b.context.newPage();
    watch(page, url);
    // tab choices are remembered per page (the provider-docs theme's Tabs): start each test from the defaults
    await page.addInitScript(() => localStorage.clear());
    await page.goto(new URL(url, siteUrl).href);
    await page.waitForSelector('html[data-has-hydrated="true"]');
    return page;
  }

  test('the pages under review are the golden pages, generated by the CLI', () => {
    for (const c of CASES) {
      const rel = path.join(c.url, 'index.md');
      const golden = path.join(GOLDEN, rel);
      const generated = fs.readFileSync(path.join(docsDir, rel), 'utf8');
      if (fs.existsSync(golden)) expect(generated, rel).toBe(fs.readFileSync(golden, 'utf8'));
      else expect(generated, rel).toContain(`title: ${c.name}`);
    }
  });

  describe.each(CASES)('$name', (c) => {
    test('section order: Overview, Fields, Methods, Parameters, then one example section per verb', async () => {
      const page = await open(c.url);
      await expect(page.locator('h1').innerText()).resolves.toBe(c.name);
      const expected = [
        'Overview',
        'Fields',
        'Methods',
        'Parameters',
        ...VERBS.filter((v) => c.verbs.includes(v)).map((v) => EXAMPLES[v].title),
      ];
      await expect(h2Titles(page)).resolves.toEqual(expected);
      // the Methods table lists exactly these verbs
      const accessible = await inSection(page, 'Methods', 'tbody > tr > td:nth-child(2)').allInnerTexts();
      expect([...new Set(accessible)].sort()).toEqual([...c.verbs].sort());
      await page.close();
    });

    test('Fields tables show Name, Datatype and Description; datatypes render as code', async () => {
      const page = await open(c.url);
      const tabs = inSection(page, 'Fields', '[role="tab"]');
      await expect(tabs.allInnerTexts()).resolves.toEqual(c.fieldTabs);
      const tables = inSection(page, 'Fields', 'table:not(details table)');
      const n = await tables.count();
      expect(n).toBe(Math.max(1, c.fieldTabs.length));
      const descriptions: string[] = [];
      for (let i = 0; i < n; i++) {
        const table = tables.nth(i);
        await expect(table.locator(':scope > thead th').allInnerTexts()).resolves.toEqual(['Name', 'Datatype', 'Description']);
        const rows = await table.locator(':scope > tbody > tr').evaluateAll((trs) =>
          trs.map((tr) => {
            const cells = [...tr.children] as HTMLElement[];
            return {
              cells: cells.length,
              name: cells[0]?.textContent ?? '',
              datatype: cells[1]?.textContent ?? '',
              datatypeCode: cells[1]?.querySelector('code')?.textContent ?? null,
              description: (cells[2]?.textContent ?? '').trim(),
              literalBackticks: /`/.test(cells[1]?.textContent ?? ''),
            };
          }),
        );
        expect(rows.length, `table ${i} has rows`).toBeGreaterThan(0);
        for (const r of rows) {
          expect(r.cells, `${r.name}: cells`).toBe(3);
          expect(r.literalBackticks, `${r.name}: datatype shows backticks`).toBe(false);
          expect(r.datatypeCode, `${r.name}: datatype in <code>`).toMatch(/^(array<)?[a-z]+( \([a-z0-9-]+\))?>?$/);
          descriptions.push(r.description);
        }
      }
      if (c.description) expect(descriptions).toContain(c.description);
      await page.close();
    });

    test.runIf(c.subFields)('a sub-field list expands on click and shows the sub-fields', async () => {
      const page = await open(c.url);
      // the first sub-field list of the first Fields tab that has one
      const fieldTabs = inSection(page, 'Fields', '[role="tab"]');
      for (let i = 0; i < (await fieldTabs.count()); i++) {
        if ((await inSection(page, 'Fields', 'details').filter({ visible: true }).count()) > 0) break;
        await fieldTabs.nth(i + 1).click();
      }
      const details = inSection(page, 'Fields', 'details').filter({ visible: true }).first();
      await details.waitFor();
      const summary = details.locator(':scope > summary');
      await expect(summary.innerText()).resolves.toBe('Sub-fields');
      const items = details.locator('li');
      await expect(items.first().isVisible()).resolves.toBe(false);
      await summary.click();
      await expect(details.getAttribute('open')).resolves.not.toBeNull();
      await items.first().waitFor({ state: 'visible' });
      const texts = await items.allInnerTexts();
      expect(texts.length).toBeGreaterThan(0);
      // each item reads `name (type)`, the name and type as code
      for (const t of texts) expect(t.split('\n')[0]).toMatch(/^\S+ \((array<)?[a-z]+( \([a-z0-9-]+\))?>?\)$/);
      await expect(items.first().locator('code').count()).resolves.toBe(2);
      // and collapses again
      await summary.click();
      await page.waitForFunction((el) => !el!.hasAttribute('open'), await details.elementHandle());
      await page.close();
    });

    test.runIf(c.fieldTabs.length > 1)('the Fields tabs switch between the SELECT methods', async () => {
      const page = await open(c.url);
      const fieldTabs = inSection(page, 'Fields', '.tabs-container').first();
      const selectTabs = inSection(page, 'SELECT examples', '.tabs-container').first();
      const first = await tabState(fieldTabs);
      expect(first.selected).toBe(c.fieldTabs[0]);
      for (const label of c.fieldTabs.slice(1).concat(c.fieldTabs[0]!)) {
        await fieldTabs.getByRole('tab', { name: label, exact: true }).click();
        const now = await tabState(fieldTabs);
        expect(now.selected).toBe(label);
        await expect(fieldTabs.locator('[role="tabpanel"]:not([hidden])').count()).resolves.toBe(1);
        await expect(fieldTabs.locator('[role="tabpanel"]:not([hidden]) table').first().isVisible()).resolves.toBe(true);
        // the SELECT examples offer the same methods, so they follow (the provider-docs theme's Tabs)
        await expect(tabState(selectTabs).then((s) => s.selected)).resolves.toBe(label);
      }
      // the panels differ (different methods return different fields)
      await fieldTabs.getByRole('tab', { name: c.fieldTabs[1]!, exact: true }).click();
      expect((await tabState(fieldTabs)).panel).not.toBe(first.panel);
      await page.evaluate(() => localStorage.clear());
      await page.close();
    });

    test('each parameter link targets its row in the Parameters section and scrolls to it', async () => {
      const page = await open(c.url);
      const hrefs = [
        ...new Set(
          await inSection(page, 'Methods', 'a[href^="#parameter-"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!)),
        ),
      ];
      expect(hrefs.length).toBeGreaterThan(0);
      const paramsTable = inSection(page, 'Parameters', 'table');
      const paramNames = await paramsTable.locator('tbody tr td:first-child').allInnerTexts();
      for (const href of hrefs) {
        const id = decodeURIComponent(href.slice(1));
        // exists once, inside the Parameters table, on the row of that parameter
        await expect(page.locator(`[id="${id}"]`).count(), id).resolves.toBe(1);
        await expect(paramsTable.locator(`[id="${id}"]`).count(), `${id} in Parameters`).resolves.toBe(1);
        const row = paramsTable.locator(`tr:has([id="${id}"])`);
        await expect(row.locator('td').first().innerText()).resolves.toBe(id.slice('parameter-'.length));
        // click the first link to it from the top of the page
        await page.evaluate(() => window.scrollTo(0, 0));
        await inSection(page, 'Methods', `a[href="${href}"]`).first().click();
        await page.waitForFunction((h) => location.hash === h, href);
        await expect(page.evaluate(() => document.querySelector(':target')?.id)).resolves.toBe(id);
        await expect(row.isVisible()).resolves.toBe(true);
        // scrolled there: the row is at the top of the viewport (whether the navbar covers it is
        // the next test)
        const box = await targetRowBox(page, id);
        expect(box.bottom, `${id} row scrolled to`).toBeGreaterThan(0);
        expect(box.top, `${id} row scrolled to`).toBeLessThan(box.height / 2);
      }
      // every parameter of the table is reachable by some link, and every in-page link has a target
      expect(paramNames.length).toBeGreaterThan(0);
      const dangling = await page.locator('article a[href^="#"]').evaluateAll((as) =>
        as.map((a) => decodeURIComponent(a.getAttribute('href')!.slice(1))).filter((id) => id && !document.getElementById(id)),
      );
      expect(dangling).toEqual([]);
      await page.close();
    });

    // The link scrolls the name <CopyableCode id="parameter-..."> in the row's first cell into view; without
    // the scroll-margin in custom.css the row's top and first line sat under the 60 px sticky navbar.
    test('a parameter link leaves its row in sight, not under the sticky navbar', async () => {
      const page = await open(c.url);
      const links = inSection(page, 'Methods', 'a[href^="#parameter-"]');
      const hrefs = [...new Set(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')!)))];
      const covered: string[] = [];
      for (const href of hrefs) {
        await page.evaluate(() => window.scrollTo(0, 0));
        await links.and(page.locator(`[href="${href}"]`)).first().click();
        await page.waitForFunction((h) => location.hash === h, href);
        const box = await targetRowBox(page, href.slice(1));
        if (box.top < box.navBottom - 1) covered.push(`${href}: row top ${box.top.toFixed(0)}px, bottom ${box.bottom.toFixed(0)}px, navbar ${box.navBottom.toFixed(0)}px`);
      }
      await page.close();
      expect(covered).toEqual([]);
    });

    test('one example section per verb, each with its statements', async () => {
      const page = await open(c.url);
      for (const verb of VERBS) {
        const { title, statement } = EXAMPLES[verb];
        if (!c.verbs.includes(verb)) {
          await expect(h2(page, title).count(), `${title} absent`).resolves.toBe(0);
          continue;
        }
        await expect(h2(page, title).count(), `${title} present`).resolves.toBe(1);
        const tabs = inSection(page, title, '.tabs-container').first();
        const labels = (await tabs.locator('[role="tab"]').allInnerTexts()).filter((l) => l !== 'Manifest');
        expect(labels.length, `${title}: method tabs`).toBeGreaterThan(0);
        for (const label of labels) {
          await tabs.getByRole('tab', { name: label, exact: true }).click();
          const code = await codeText(tabs.locator('[role="tabpanel"]:not([hidden]) pre code').first());
          expect(code, `${title} / ${label}`).toContain(statement(c.id, label));
          expect(code.trimEnd(), `${title} / ${label}`).toMatch(/;$/);
          if (verb === 'SELECT') expect(code).toMatch(/^SELECT\n/);
          if (verb === 'EXEC') {
            expect(code).toContain(`EXEC ${c.id}.${label}\n`);
            expect(code).toContain('@@json =');
            // the body is valid JSON once the placeholders are filled
            const json = /@@json =\n'([\s\S]*?)'\n/.exec(code)?.[1];
            expect(json, `${label}: @@json body`).toBeDefined();
            expect(() => JSON.parse(json!.replace(/\{\{ \w+ \}\}/g, 'x'))).not.toThrow();
          }
        }
        if (verb === 'INSERT') {
          await tabs.getByRole('tab', { name: 'Manifest', exact: true }).click();
          const manifest = await codeText(tabs.locator('[role="tabpanel"]:not([hidden]) pre code').first());
          expect(manifest).toMatch(new RegExp(`^# Description fields are for documentation purposes\\n- name: ${c.name}\\n  props:\\n`));
          await tabs.getByRole('tab', { name: labels[0]!, exact: true }).click();
        }
      }
      await page.evaluate(() => localStorage.clear());
      await page.close();
    });

    test('nothing sticks out: no horizontal page scroll, code blocks are highlighted', async () => {
      const page = await open(c.url);
      const { scrollWidth, width } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        width: window.innerWidth,
      }));
      expect(scrollWidth).toBeLessThanOrEqual(width);
      // sql and yaml code blocks get Prism highlighting (tokens), not plain text
      const blocks = await page.locator('article pre code').evaluateAll((cs) =>
        cs.map((c) => ({ lang: c.closest('[class*="language-"]')?.className.match(/language-(\w+)/)?.[1], tokens: c.querySelectorAll('.token').length })),
      );
      expect(blocks.length).toBeGreaterThan(0);
      for (const b of blocks) {
        expect(['sql', 'yaml']).toContain(b.lang);
        expect(b.tokens).toBeGreaterThan(0);
      }
      await page.close();
    });

    test('screenshot (light)', async () => {
      const page = await open(c.url);
      await page.screenshot({ path: path.join(artifacts, `detailed-${c.name}.png`), fullPage: true });
      await page.close();
    });
  });

  // The Methods, Parameters and Fields tables are HTML regions: their names get their copy buttons
  // from the theme's client module, with the markup and the anchor where theme/CopyableCode puts them.
  test('names in the Methods, Parameters and Fields tables copy themselves, and rows keep their anchors', async () => {
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: siteUrl });
    const page = await open(CASES[1]!.url);
    for (const [section, name, anchor] of [
      ['Methods', 'restart', 'method-restart'],
      ['Parameters', 'cluster_id', 'parameter-cluster_id'],
      ['Fields', 'cluster_name', undefined],
    ] as const) {
      const button = inSection(page, section, `button.pd-copy[aria-label="Copy ${name}"]`).first();
      await expect(button.count(), `${section}: ${name}`).resolves.toBeGreaterThan(0);
      const wrapper = button.locator('xpath=..');
      await expect(wrapper.evaluate((el) => el.className)).resolves.toBe('pd-copyable');
      await expect(wrapper.locator('code').innerText()).resolves.toBe(name);
      if (anchor) {
        await expect(wrapper.getAttribute('id')).resolves.toBe(anchor);
        await expect(page.locator(`[id="${anchor}"]`).count()).resolves.toBe(1);
      }
      await page.evaluate(() => navigator.clipboard.writeText('nothing yet'));
      await button.click();
      await expect.poll(() => button.innerText(), { timeout: 5000 }).toBe('Copied');
      await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(name);
    }
    // a link to a method row from another part of the page lands on it
    await page.goto(new URL(`${CASES[1]!.url}#method-restart`, siteUrl).href);
    await page.waitForSelector('html[data-has-hydrated="true"]');
    await expect(page.evaluate(() => document.querySelector(':target')?.textContent)).resolves.toBe('restart');
    await page.close();
  });

  test('screenshots: clusters in dark mode, and its sub-fields opened', async () => {
    const dark = await launch({ colorScheme: 'dark' });
    try {
      const page = await open(CASES[1]!.url, dark);
      await expect(page.locator('html').getAttribute('data-theme')).resolves.toBe('dark');
      await page.screenshot({ path: path.join(artifacts, 'detailed-clusters-dark.png'), fullPage: true });
      await page.close();
    } finally {
      await dark.close();
    }
    // the Fields section with every sub-field list of the first tab open, for a look at the nesting
    const page = await open(CASES[1]!.url);
    const summaries = inSection(page, 'Fields', 'details > summary').filter({ visible: true });
    for (let i = 0; i < (await summaries.count()); i++) await summaries.nth(i).click();
    await page.waitForTimeout(500);
    // at the top again, so that the sticky navbar is drawn at the top of the full-page image;
    // page coordinates (the clicks scrolled the page)
    await page.evaluate(() => window.scrollTo(0, 0));
    const pageY = (title: string) =>
      h2(page, title).evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
    const [top, end] = [await pageY('Fields'), await pageY('Methods')];
    await page.screenshot({
      path: path.join(artifacts, 'detailed-clusters-subfields.png'),
      fullPage: true,
      clip: { x: 0, y: top - 20, width: 1280, height: end - top + 20 },
    });
    await page.close();
  });

  test('no page error, console error or failed request on any page opened', () => {
    expect(problems).toEqual([]);
  });
});
