// Browser tests of the built site (npm run test:site; see vitest.site.config.ts).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Browser } from './browser.js';
import { TABS_FIXTURE } from './fixtures.js';
import { repoRoot, scanProviders } from '../../site/lib/docs-tree.mjs';

const siteUrl = inject('siteUrl');
const docsDir = inject('docsDir');
const artifacts = path.join(repoRoot, 'test', 'artifacts');

const USER_TOKENS = '/providers/databricks_workspace/workspace/user_tokens/';
const USER_TOKENS_ID = 'databricks_workspace.workspace.user_tokens';

if (!siteUrl) {
  console.warn('test/site: no site was built (run these tests with `npm run test:site`); skipping.');
}

describe.skipIf(!siteUrl)('provider docs site', () => {
  let browser: Browser;
  const errors: string[] = [];

  async function open(pathname: string): Promise<Page> {
    const page = await browser.context.newPage();
    page.on('pageerror', (e) => errors.push(`${pathname}: ${e.message}`));
    await page.goto(new URL(pathname, siteUrl).href);
    // hydrated: Docusaurus sets data-has-hydrated on <html> once React has taken over
    await page.waitForSelector('html[data-has-hydrated="true"]');
    return page;
  }

  /** Waits for the page heading; after a client-side navigation the URL changes first. */
  async function heading(page: Page, text: string): Promise<void> {
    await page.waitForFunction((t) => document.querySelector('h1')?.textContent === t, text, { timeout: 10_000 });
  }

  beforeAll(async () => {
    fs.mkdirSync(artifacts, { recursive: true });
    browser = await launch();
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: siteUrl });
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('the user_tokens page shows the Overview, Fields and Methods tables', async () => {
    const page = await open(USER_TOKENS);
    await expect(page.locator('h1').textContent()).resolves.toBe('user_tokens');
    // each section heading is followed by its table
    const tableAfter = (heading: string) =>
      page.locator(`xpath=//h2[starts-with(normalize-space(.), "${heading}")]/following-sibling::*[1][self::table]`);
    const overview = tableAfter('Overview');
    await expect(overview.isVisible()).resolves.toBe(true);
    await expect(overview.innerText()).resolves.toContain(USER_TOKENS_ID);
    const fields = tableAfter('Fields');
    await expect(fields.locator('thead th').allInnerTexts()).resolves.toEqual(['Name', 'Datatype']);
    await expect(fields.locator('tbody tr').count()).resolves.toBeGreaterThan(0);
    await expect(fields.innerText()).resolves.toContain('token_id');
    const methods = tableAfter('Methods');
    await expect(methods.locator('thead th').allInnerTexts()).resolves.toEqual([
      'Name',
      'Accessible by',
      'Required Params',
      'Description',
    ]);
    await expect(methods.innerText()).resolves.toMatch(/SELECT[\s\S]*INSERT/);
    await page.screenshot({ path: path.join(artifacts, 'user_tokens.png'), fullPage: true });
    await page.close();
  });

  test('clicking the Manifest tab shows the YAML manifest, and the choice stays on this page', async () => {
    const page = await open(USER_TOKENS);
    const manifestTab = page.getByRole('tab', { name: 'Manifest', exact: true });
    await manifestTab.click();
    await expect(manifestTab.getAttribute('aria-selected')).resolves.toBe('true');
    const panel = page.locator('[role="tabpanel"]:not([hidden])').filter({ hasText: 'your_resource_model_name' });
    await expect(panel.isVisible()).resolves.toBe(true);
    await expect(panel.locator('code').first().innerText()).resolves.toMatch(/^- name: your_resource_model_name\n\s+props:/);
    // the SQL tab's panel is hidden now
    const sqlPanel = page.locator('[role="tabpanel"]').filter({ hasText: 'INSERT INTO databricks_workspace.workspace.user_tokens' });
    await expect(sqlPanel.isHidden()).resolves.toBe(true);

    // the derived group is scoped to the page: remembered on reload ...
    await page.reload();
    await page.waitForSelector('html[data-has-hydrated="true"]');
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[role="tab"]')].some(
        (t) => t.textContent === 'Manifest' && t.getAttribute('aria-selected') === 'true',
      ),
    );
    // ... and not carried to another resource page
    const other = scanProviders(docsDir)
      .flatMap((p) => p.services.flatMap((s) => s.resources))
      .find(
        (r) =>
          r.permalink !== USER_TOKENS &&
          fs.readFileSync(path.join(docsDir, r.permalink, 'index.md'), 'utf8').includes("value: 'manifest'"),
      );
    if (other) {
      const next = await open(other.permalink);
      await expect(
        next.getByRole('tab', { name: 'Manifest', exact: true }).getAttribute('aria-selected'),
      ).resolves.toBe('false');
      await next.close();
    }
    await page.evaluate(() => localStorage.clear());
    await page.close();
  });

  test('tabs offering the same values on a page stay in step; others do not', async () => {
    const page = await open(TABS_FIXTURE.url);
    const sets = page.locator('.tabs-container');
    await expect(sets.count()).resolves.toBe(3);
    const selected = (i: number) => sets.nth(i).locator('[role="tab"][aria-selected="true"]').innerText();
    await sets.nth(0).getByRole('tab', { name: 'manifest' }).click();
    await expect(selected(0)).resolves.toBe('manifest');
    await expect(selected(1)).resolves.toBe('manifest');
    await expect(sets.nth(1).locator('[role="tabpanel"]:not([hidden])').innerText()).resolves.toBe('second manifest body');
    await expect(selected(2)).resolves.toBe('create');
    await sets.nth(1).getByRole('tab', { name: 'create' }).click();
    await expect(selected(0)).resolves.toBe('create');
    await page.evaluate(() => localStorage.clear());
    await page.close();
  });

  test('the copy button copies the resource id and says so', async () => {
    const page = await open(USER_TOKENS);
    const button = page.getByRole('button', { name: `Copy ${USER_TOKENS_ID}`, exact: true });
    await expect(button.count()).resolves.toBe(1);
    await page.evaluate(() => navigator.clipboard.writeText('nothing yet'));
    await button.click();
    // the label follows the clipboard's promise: poll for it rather than read it once
    await expect.poll(() => button.innerText(), { timeout: 5000 }).toBe('Copied');
    await expect.poll(() => page.getByRole('status').filter({ hasText: `Copied ${USER_TOKENS_ID}` }).count()).toBe(1);
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(USER_TOKENS_ID);
    // the label goes back after about two seconds
    await page.waitForFunction(
      (name) => document.querySelector(`button[aria-label="${name}"]`)?.textContent === '',
      `Copy ${USER_TOKENS_ID}`,
      { timeout: 4000 },
    );
    await page.close();
  });

  test('without the async clipboard API the copy button falls back to execCommand', async () => {
    const page = await browser.context.newPage();
    page.on('pageerror', (e) => errors.push(`fallback: ${e.message}`));
    await page.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined, configurable: true });
    });
    await page.goto(new URL(USER_TOKENS, siteUrl).href);
    await page.waitForSelector('html[data-has-hydrated="true"]');
    await expect(page.evaluate(() => typeof navigator.clipboard)).resolves.toBe('undefined');
    const reader = await open('/');
    await reader.evaluate(() => navigator.clipboard.writeText('nothing yet'));
    const button = page.getByRole('button', { name: 'Copy token_id', exact: true });
    await button.click();
    // the label follows the clipboard's promise: poll for it rather than read it once
    await expect.poll(() => button.innerText(), { timeout: 5000 }).toBe('Copied');
    await expect(reader.evaluate(() => navigator.clipboard.readText())).resolves.toBe('token_id');
    // the hidden textarea is gone again
    await expect(page.locator('textarea').count()).resolves.toBe(0);
    await reader.close();
    await page.close();
  });

  test('searching user_tokens in the search bar finds the page', async () => {
    const page = await open('/');
    const input = page.locator('input.navbar__search-input[aria-label="Search"]');
    await input.click();
    await input.pressSequentially('user_tokens', { delay: 20 });
    const hit = page
      .getByRole('option')
      .filter({ has: page.locator('[class*="hitTitle"]', { hasText: /^user_tokens$/ }) })
      .first();
    await hit.waitFor({ timeout: 15_000 });
    await hit.click();
    await page.waitForURL((url) => url.pathname === USER_TOKENS);
    await heading(page, 'user_tokens');
    await page.close();
  });

  test('the sidebar reaches every service of every provider', async () => {
    const providers = scanProviders(docsDir);
    expect(providers.map((p) => p.name)).toEqual(
      expect.arrayContaining(['databricks_account', 'databricks_workspace']),
    );
    for (const p of providers) {
      const page = await open(p.permalink);
      const sidebar = page.locator('nav[aria-label="Docs sidebar"]');
      await expect(sidebar.locator(`a.menu__link[href="${p.permalink}"]`).count()).resolves.toBe(1);
      for (const s of p.services) {
        const link = sidebar.locator(`a.menu__link[href="${s.permalink}"]`);
        await expect(link.count(), `${p.name}/${s.name} in the sidebar`).resolves.toBe(1);
        await link.click();
        await page.waitForURL((url) => url.pathname === s.permalink);
        await heading(page, s.name);
        // the opened service category lists each of its resources
        const resourceLinks = await sidebar
          .locator(`a.menu__link[href^="${s.permalink}"]:not([href="${s.permalink}"])`)
          .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
        expect(resourceLinks, `${p.name}/${s.name} resources`).toEqual(s.resources.map((r) => r.permalink));
      }
      await page.close();
    }
  });

  test('the home page lists the providers with links to their pages', async () => {
    const page = await open('/');
    const providers = scanProviders(docsDir);
    for (const p of providers) {
      const card = page.locator(`main a[href="${p.permalink}"]`);
      await expect(card.count(), p.name).resolves.toBe(1);
      // the card shows the provider page's title (settings or provider.yaml), not the folder name
      await expect(card.innerText()).resolves.toContain(p.title);
    }
    await page.screenshot({ path: path.join(artifacts, 'home.png'), fullPage: true });
    await page.locator(`main a[href="${providers[0]!.permalink}"]`).click();
    await page.waitForURL((url) => url.pathname.replace(/\/$/, '') === providers[0]!.permalink.replace(/\/$/, ''));
    await heading(page, providers[0]!.title);
    await page.close();
  });

  test('service pages lay out resources in two columns that stack on narrow screens', async () => {
    const p = scanProviders(docsDir).find((x) => x.services.some((s) => s.resources.length > 1))!;
    const s = p.services.find((x) => x.resources.length > 1)!;
    const page = await open(s.permalink);
    const columns = page.locator('h2:has-text("Resources") + .row > .providerDocColumn');
    await expect(columns.count()).resolves.toBe(2);
    const [a, b] = [await columns.nth(0).boundingBox(), await columns.nth(1).boundingBox()];
    expect(a!.y).toBe(b!.y);
    expect(b!.x).toBeGreaterThan(a!.x + a!.width - 1);
    await page.setViewportSize({ width: 480, height: 900 });
    const [c, d] = [await columns.nth(0).boundingBox(), await columns.nth(1).boundingBox()];
    expect(d!.y).toBeGreaterThanOrEqual(c!.y + c!.height - 1);
    await page.close();
  });

  test('dark mode follows the colour scheme and the toggle switches it', async () => {
    const dark = await launch({ colorScheme: 'dark' });
    try {
      const page = await dark.context.newPage();
      await page.goto(new URL(USER_TOKENS, siteUrl).href);
      await page.waitForSelector('html[data-has-hydrated="true"]');
      await expect(page.locator('html').getAttribute('data-theme')).resolves.toBe('dark');
      await page.screenshot({ path: path.join(artifacts, 'user_tokens-dark.png'), fullPage: true });
      await page.getByRole('button', { name: /Switch between dark and light mode/ }).click();
      await expect(page.locator('html').getAttribute('data-theme')).resolves.not.toBe('dark');
    } finally {
      await dark.close();
    }
  });

  test('no page threw a script error', () => {
    expect(errors).toEqual([]);
  });
});
