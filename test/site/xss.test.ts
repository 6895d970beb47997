// Hostile spec text in the built site (issue "Regenerate safely and fast ... MDX-safe text").
//
// test/fixtures/xss-registry carries script payloads (`<img src=x onerror=...>`, `<script>`,
// `{...}` expressions, `import`/`export` lines, javascript: links in markdown, RST and HTML form,
// iframes, comments, backticks, pipes, ...) in every free-text place of a spec: resource, method,
// field, parameter and server-variable descriptions, enum values, request body examples, titles,
// auth settings, hostile field and parameter names; test/fixtures/xss-settings carries them in the
// provider page's frontmatter and body. For each layout the pages are generated with the real
// CLI, the site is built and served, and every page is opened in Chromium (with and without
// JavaScript): no dialog may open, no script-capable element or attribute may exist, nothing may
// set `window.__xss`, and the payloads must read as literal text.
//
// Run: npx vitest run --config vitest.site.config.ts test/site/xss.test.ts
// (XSS_TEST_LAYOUTS=classic or =detailed runs one layout; XSS_TEST_PLANT=1 appends a raw JSX
// payload to a generated page, and the run must then fail; the suite's global setup also builds
// the default site, which this file does not use.)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import matter from 'gray-matter';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, assertChromium, chromiumPath } from './browser.js';
import { startStaticServer, type StaticServer } from './static-server.js';
import {
  articleText,
  generateHostile,
  generatedPages,
  probeDom,
  revealAll,
  tabValueExpressions,
  regionProblems,
  unexpectedMdx,
} from './xss-site.js';
import { buildSiteLocked, ensureDistFresh } from './site-build.js';
import { compilePage } from '../helpers/compile-mdx.js';

/** The `title` of a generated page's frontmatter, or undefined. */
function frontmatterTitle(file: string): string | undefined {
  const title = (matter(fs.readFileSync(file, 'utf8')).data as { title?: unknown }).title;
  return typeof title === 'string' ? title : undefined;
}
import { repoRoot } from '../../site/lib/docs-tree.mjs';

const artifacts = path.join(repoRoot, 'test', 'artifacts');
const LAYOUTS = (process.env.XSS_TEST_LAYOUTS ?? 'classic,detailed').split(',').map((s) => s.trim()).filter(Boolean);

const PROVIDER = '/providers/xss_provider/';
const SERVICE = '/providers/xss_provider/xss_service/';
const WIDGETS = '/providers/xss_provider/xss_service/widgets/';
const GADGETS = '/providers/xss_provider/xss_service/gadgets/';
const SUMMARY = '/providers/xss_provider/xss_service/vw_summary/';

/** Literal text each page must show (whitespace folded), in both layouts. */
const SHOWN: Record<string, string[]> = {
  [PROVIDER]: [
    // settings body
    'SETTINGS-BODY The xss_provider provider is a hostile fixture: <img src=x onerror=alert(1)> and {alert(1)} and ${alert(1)} inline.',
    "import CopyableCode from '@site/src/components/CopyableCode/CopyableCode'; export const settingsPwned = alert(1)",
    '<script>alert(1)</script>',
    '<script>window.__xss=1</script>',
    '{window.__xss=1}',
    '{/* settings comment */}',
    '<CopyableCode code="x" onClick={() => alert(1)} />',
    '<iframe src="javascript:alert(1)"></iframe>',
    'Authentication <img src=x onerror=alert(1)>',
    'md-js-settings and rst-js-settings',
    '<a href="javascript:alert(1)">a-js-settings</a>',
    'pipes | and a lone ` backtick',
    '<script>alert(1)</script> {alert(1)} SETTINGS-CODE',
    ':::danger[pwned] settings directive body :::',
    '<!-- settings html comment -->',
    'SETTINGS-END',
    // auth settings from provider.yaml
    'The provider authenticates with <img src=x onerror=alert(1)>{alert(1)}.',
    'XSS_SECRET"onclick="alert(1)',
  ],
  [WIDGETS]: [
    // method descriptions (first paragraph, in the Methods table)
    'METH-LIST <img src=x onerror=alert(1)> pipe | here {alert(1)} ${alert(1)} md-js-list rst-js-list <script>alert(1)</script> <a href="javascript:alert(1)">a-js-list</a>',
    "import x from 'data:text/javascript,window.__xss=1' METH-CREATE",
    '<script>window.__xss=1</script> METH-GET',
    'export default function X() { alert(1) } METH-UPDATE',
    '{/* METH-REPLACE */}{window.__xss=1} METH-REPLACE-TAIL',
    '<a href="javascript:alert(1)">METH-DELETE</a> <iframe src="javascript:window.__xss=1"></iframe>',
    'METH-EXEC backtick code and double ticks and a lone ` tick <img src=x onerror=window.__xss=1>',
    // request body example, in the INSERT manifest
    'value: <img src=x onerror=alert(1)>',
    "value: '{alert(1)}'",
    '<script>window.__xss=1</script>',
    'javascript:alert(1)',
  ],
  [GADGETS]: [
    // hostile field names (CopyableCode and the SELECT column list)
    'x<img src=x onerror=window.__xss=1>',
    '{alert(1)}',
    'METH-GADGETS literal <img src=x onerror=alert(1)> and rst-gadget-link',
    'METH-REBOOT :::danger[pwned] ::video{src=x} <Tabs values={[alert(1)]} />',
  ],
  [SUMMARY]: ['vw_summary'],
  [SERVICE]: ['xss_service'],
};

/** What only the detailed layout shows: resource, field, parameter and view descriptions, enum values. */
const SHOWN_DETAILED: Record<string, string[]> = {
  [WIDGETS]: [
    'RES-DESC inline <img src=x onerror=alert(1)> and {alert(1)} and ${alert(1)} here.',
    '<img src=x onerror="window.__xss=1">',
    '{/* hidden jsx comment */}',
    "import x from 'data:text/javascript,window.__xss=1' export const pwned = alert(1)",
    '<iframe src="javascript:alert(1)"></iframe>',
    'A markdown link md-js-res and an RST link rst-js-res in one line.',
    '<a href="javascript:alert(1)">a-js-res</a>',
    '<svg onload=window.__xss=1>',
    '<details open ontoggle="window.__xss=1"><summary>x</summary></details>',
    ':::danger[pwned] directive body :::',
    'Pipes a | b and backticks code and a lone ` backtick.',
    '<!-- html comment RES -->',
    'img-alt-res',
    'ref-link-res',
    '[xss]: javascript:alert(1)',
    'mixed-case-res data-res quote-res',
    '</td></tr></table><img src=x onerror=alert(1)> RES-BREAKOUT',
    "<div dangerouslySetInnerHTML={{__html: '<img src=x onerror=window.__xss=1>'}} />",
    'METH-LIST-P2',
    // fields, sub-fields, enum values
    'FIELD-ID <a href="javascript:alert(1)">a-js-field</a>',
    'FIELD-NAME <img src=x onerror=alert(1)> | pipe',
    '{alert(1)} FIELD-DESC ${alert(1)} {window.__xss=1}',
    'FIELD-CONFIG <script>alert(1)</script>',
    'SUBFIELD-NOTES <img src=x onerror=alert(1)> {alert(1)}',
    'SUBFIELD-DEEP <iframe src="javascript:alert(1)"></iframe>',
    'FIELD-STATUS (one of <img src=x onerror=alert(1)>, {alert(1)}, ${alert(1)}, a|b, `tick`, javascript:alert(1), <script>window.__xss=1</script>)',
    "import x from 'y' export const z = 1 FIELD-TAGS",
    // parameters and server variables
    'PARAM-ACCOUNT <iframe src="javascript:alert(1)"></iframe> {alert(1)}',
    'PARAM-WID-GET <img src=x onerror=alert(1)>',
    'PARAM-WID-OTHER {alert(1)} md-js-param',
    '<script>window.__xss=1</script> PARAM-PAGE-TOKEN',
    '{window.__xss=1} PARAM-REGION left | right ${alert(1)}',
    'SERVER-VAR <img src=x onerror=alert(1)> {alert(1)} x',
    'VIEW-MERGED <img src=x onerror=alert(1)> {alert(1)}',
    // request body field descriptions in the manifest
    'BODY-NAME <img src=x onerror=alert(1)> {alert(1)}',
    'BODY-SETTINGS <iframe src="javascript:alert(1)"></iframe>',
  ],
  [GADGETS]: [
    'RES-GADGETS literal <script>alert(1)</script> and rst-gadget-res and ${alert(1)}',
    'FIELD-RST literal <img src=x onerror=alert(1)> and Foo<script> and rst-field',
    'filter<img src=x onerror=alert(1)>',
    'PARAM-HOSTILE-NAME',
    'alert(1) <script>window.__xss=1</script>',
    'x (<img src=x onerror=alert(1)> RST-PARAM)',
  ],
  [SUMMARY]: [
    'VIEW-STANDALONE <img src=x onerror=alert(1)> {alert(1)} ${alert(1)}',
    'export const v = alert(1)',
    'VIEW-FIELD-TOTAL <img src=x onerror=alert(1)> {window.__xss=1}',
    '<script>alert(1)</script> VIEW-FIELD-LABEL',
  ],
};

const TAB_VALUES = /^\[\s*(?:\{\s*label:\s*'(?:[^'\\\n{}<>]|\\u[0-9a-f]{4})*',\s*value:\s*'(?:[^'\\\n{}<>]|\\u[0-9a-f]{4})*',?\s*\},?\s*)+\]\s*$/;

assertChromium();
fs.mkdirSync(artifacts, { recursive: true });
const distReady = ensureDistFresh();

describe.each(LAYOUTS)('hostile registry, %s layout', (layout) => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `provider-docs-xss-${layout}-`));
  const docsDir = path.join(work, 'docs');
  const buildDir = path.join(work, 'build');
  let server: StaticServer;
  let browser: Browser;
  let jsOn: BrowserContext;
  let jsOff: BrowserContext;
  let pages: [string, string][] = [];
  const dialogs: string[] = [];
  const errors: string[] = [];
  const payloadRequests: string[] = [];

  beforeAll(async () => {
    await distReady;
    await generateHostile(layout, docsDir);
    pages = generatedPages(docsDir);
    if (process.env.XSS_TEST_PLANT) {
      // Proof that this file has teeth: a raw JSX payload in a page must fail most tests below.
      fs.appendFileSync(pages.find(([u]) => u === WIDGETS)![1], '\n<img src="x" onError={() => { window.__xss = 1; alert(1) }} />\n');
    }
    const ms = await buildSiteLocked(docsDir, buildDir);
    console.log(`[xss ${layout}] built ${pages.length} pages in ${(ms / 1000).toFixed(1)} s (lock wait included)`);
    server = await startStaticServer(buildDir);
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS });
    jsOn = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    jsOff = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
    for (const context of [jsOn, jsOff]) {
      context.on('page', (page) => {
        page.on('dialog', (d) => {
          dialogs.push(`${page.url()}: ${d.type()} ${JSON.stringify(d.message())}`);
          void d.dismiss().catch(() => undefined);
        });
        page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
        // `<img src=x>` would fetch <page>/x: seeing that request means the payload became an element
        page.on('request', (r) => {
          if (/\/x(?:$|[?#])/.test(new URL(r.url()).pathname)) payloadRequests.push(`${page.url()} -> ${r.url()}`);
        });
      });
    }
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    fs.rmSync(work, { recursive: true, force: true });
  });

  async function open(context: BrowserContext, pathname: string): Promise<Page> {
    const page = await context.newPage();
    await page.goto(new URL(pathname, server.url).href, { waitUntil: 'load' });
    if (context === jsOn) await page.waitForSelector('html[data-has-hydrated="true"]');
    // image errors and handlers fire after load; give them a moment
    await page.waitForTimeout(300);
    return page;
  }

  test('the generator wrote the provider, service and three resource pages', () => {
    expect(pages.map(([url]) => url)).toEqual([PROVIDER, SERVICE, GADGETS, SUMMARY, WIDGETS]);
  });

  test('every page compiles, with no JSX, expressions, ESM, HTML or links beyond what the templates write', async () => {
    // The check of HTML regions has teeth: an element, an attribute and a link the templates never write.
    expect(regionProblems(`<code class='pd-copyable'>x</code><img src=x onerror=alert(1)><a href='javascript:alert(1)'>y</a>`)).toEqual([
      'region element <img>',
      'region attribute src on <img>',
      'region attribute onerror on <img>',
      'region link to javascript:alert(1)',
    ]);
    for (const [url, file] of pages) {
      const source = fs.readFileSync(file, 'utf8');
      expect(unexpectedMdx(source), url).toEqual([]);
      for (const values of tabValueExpressions(source)) expect(values, `${url} Tabs values`).toMatch(TAB_VALUES);
      await expect(compilePage(source, file), url).resolves.toBeTypeOf('string');
    }
  });

  test('with JavaScript, no page opens a dialog, runs a payload or holds a script-capable element', async () => {
    for (const url of ['/', ...pages.map(([u]) => u)]) {
      const page = await open(jsOn, url);
      expect(await probeDom(page), `${url} as loaded`).toEqual([]);
      // hidden tab panels and closed <details> hold payloads too: show them and look again
      await revealAll(page);
      await page.waitForTimeout(200);
      expect(await probeDom(page), `${url} with everything shown`).toEqual([]);
      await page.close();
    }
    expect(dialogs).toEqual([]);
    expect(payloadRequests).toEqual([]);
  });

  test('navigating between the pages in the browser (client-side rendering) stays clean', async () => {
    const page = await open(jsOn, '/');
    for (const [url, file] of pages) {
      // the Docusaurus (React Router) history follows popstate: render the page client-side
      await page.evaluate((u) => {
        window.history.pushState({}, '', u);
        window.dispatchEvent(new PopStateEvent('popstate', { state: {} }));
      }, url);
      await page.waitForURL((u) => u.pathname === url);
      // the page's heading is its frontmatter title (a provider's comes from provider.yaml) or its folder name
      const names = [frontmatterTitle(file), url.split('/').filter(Boolean).pop()];
      await page.waitForFunction((ns) => ns.includes(document.querySelector('h1')?.textContent ?? undefined), names);
      await page.waitForTimeout(300);
      expect(await probeDom(page), `${url} after client-side navigation`).toEqual([]);
    }
    await page.close();
    expect(dialogs).toEqual([]);
  });

  test('without JavaScript, the server-rendered pages hold no script-capable element either', async () => {
    for (const url of ['/', ...pages.map(([u]) => u)]) {
      const page = await open(jsOff, url);
      expect(await probeDom(page), url).toEqual([]);
      await page.close();
    }
  });

  test('the payloads read as literal text', async () => {
    const expected = (url: string) => [...(SHOWN[url] ?? []), ...(layout === 'detailed' ? SHOWN_DETAILED[url] ?? [] : [])];
    for (const [url] of pages) {
      const page = await open(jsOn, url);
      await revealAll(page);
      const text = await articleText(page);
      const missing = expected(url).filter((s) => !text.includes(s.replace(/\s+/g, ' ')));
      expect(missing, `${url} is missing these strings; its text:\n${text}`).toEqual([]);
      await page.close();
    }
  });

  test('the home page shows the hostile settings description as text', async () => {
    const page = await open(jsOn, '/');
    const card = page.locator(`main a[href="${PROVIDER.replace(/\/$/, '')}"], main a[href="${PROVIDER}"]`).first();
    await expect(card.innerText()).resolves.toContain(
      'Settings description </script><script>alert(1)</script> {alert(1)} <img src=x onerror=window.__xss=1>',
    );
    await page.close();
  });

  test('search suggestions for the payload words render as text', async () => {
    const page = await open(jsOn, '/');
    const input = page.locator('input.navbar__search-input[aria-label="Search"]');
    for (const query of ['onerror', 'script', 'alert']) {
      await input.fill('');
      await input.click();
      await input.pressSequentially(query, { delay: 20 });
      await page.getByRole('option').first().waitFor({ timeout: 15_000 });
      await page.waitForTimeout(300);
      expect(await probeDom(page), `search "${query}"`).toEqual([]);
      if (query === 'onerror') {
        // the hit shows the hostile settings description, highlighted, as text
        await expect(page.getByRole('option').allInnerTexts()).resolves.toEqual(
          expect.arrayContaining([expect.stringContaining('<img src=x onerror=window.__xss=1>')]),
        );
      }
    }
    // the full results page
    const results = await open(jsOn, '/search?q=onerror');
    await results.waitForTimeout(1000);
    expect(await probeDom(results), 'search results page').toEqual([]);
    await results.close();
    await page.close();
    expect(dialogs).toEqual([]);
  });

  test('screenshots of the widgets and provider pages', async () => {
    for (const [name, url] of [['widgets', WIDGETS], ['provider', PROVIDER]] as const) {
      const page = await open(jsOn, url);
      await revealAll(page);
      await page.screenshot({ path: path.join(artifacts, `xss-${layout}-${name}.png`), fullPage: true });
      if (name === 'widgets') {
        // readable close-ups: the top of the page and the Methods table
        await page.screenshot({ path: path.join(artifacts, `xss-${layout}-${name}-top.png`) });
        const heading = await page.locator('h2', { hasText: /^Methods/ }).boundingBox();
        const table = await page.locator('xpath=//h2[starts-with(normalize-space(.), "Methods")]/following::table[1]').boundingBox();
        const article = await page.locator('article').boundingBox();
        if (heading && table && article) {
          const y = heading.y + (await page.evaluate(() => window.scrollY)) - 10;
          await page.screenshot({
            path: path.join(artifacts, `xss-${layout}-${name}-methods.png`),
            fullPage: true,
            clip: { x: article.x, y, width: article.width, height: table.y + table.height - heading.y + 20 },
          });
        }
      }
      await page.close();
    }
  });

  test('control: the probes do catch a payload planted into a built page', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const seen: string[] = [];
      page.on('dialog', (d) => {
        seen.push(d.message());
        void d.dismiss().catch(() => undefined);
      });
      await page.goto(new URL(WIDGETS, server.url).href);
      await page.waitForSelector('html[data-has-hydrated="true"]');
      expect(await probeDom(page)).toEqual([]);
      await page.evaluate(() => {
        document.querySelector('article')!.insertAdjacentHTML('beforeend', '<img src=x onerror="window.__xss=1;alert(1)">');
      });
      await page.waitForFunction(() => (window as unknown as { __xss?: number }).__xss === 1);
      const found = await probeDom(page);
      expect(found.join('\n')).toMatch(/event handler attribute onerror/);
      expect(found.join('\n')).toMatch(/payload image/);
      expect(found.join('\n')).toMatch(/window\.__xss was set/);
      expect(seen).toEqual(['1']);
    } finally {
      await context.close();
    }
    expect(unexpectedMdx('# t\n\n<img src="x" onError={() => alert(1)} />\n\n{alert(1)}\n\nexport const a = 1\n')).toEqual([
      'JSX element <img>',
      'JSX attribute src on <img>',
      'JSX attribute onError on <img>',
      'mdxFlowExpression: "alert(1)"',
      'ESM: export const a = 1',
    ]);
  });

  test('no dialog opened, no payload image was requested and no page threw', () => {
    expect(dialogs).toEqual([]);
    expect(payloadRequests).toEqual([]);
    expect(errors).toEqual([]);
  });
});
