// Helpers of the hostile-registry browser test (xss.test.ts): build a site from
// test/fixtures/xss-registry with the real CLI, probe a page's DOM for anything that could run
// script, and check a generated page's MDX tree for constructs the templates never write.
import fs from 'node:fs';
import path from 'node:path';
import { createProcessor } from '@mdx-js/mdx';
import remarkComment from '@slorber/remark-comment';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import * as parse5 from 'parse5';
import type { Page } from 'playwright-core';
import { repoRoot } from '../../site/scripts/lib.mjs';
import { generatePages } from './site-build.js';

export const XSS_REGISTRY = path.join(repoRoot, 'test', 'fixtures', 'xss-registry');
export const XSS_SETTINGS = path.join(repoRoot, 'test', 'fixtures', 'xss-settings');
/** `provider-docs generate` on the hostile registry; fails on any error or warning output. */
export function generateHostile(layout: string, out: string): Promise<string> {
  const args = ['--registry', XSS_REGISTRY, '--settings', XSS_SETTINGS, '--layout', layout, '--out', out];
  return generatePages(args, `provider-docs generate --layout ${layout}`);
}

/** Every `index.md(x)` under `<docs>/providers`, as [url path, file]. */
export function generatedPages(docsDir: string): [string, string][] {
  const out: [string, string][] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/^index\.mdx?$/.test(e.name)) {
        const rel = path.relative(docsDir, dir).split(path.sep).join('/');
        out.push([`/${rel}/`, p]);
      }
    }
  };
  walk(path.join(docsDir, 'providers'));
  return out.sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

/**
 * Everything in the live DOM that could run script or load a hostile frame: event-handler
 * attributes, script/data URLs in link or source attributes, frames and plugins, the payloads'
 * `<img src=x>`, inline scripts mentioning the payloads. Empty when the page is clean.
 */
export function probeDom(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const bad: string[] = [];
    const describe = (el: Element) => {
      const html = el.outerHTML;
      return html.length > 160 ? `${html.slice(0, 160)}…` : html;
    };
    const urlAttrs = /^(?:href|src|srcset|action|formaction|xlink:href|data|poster|background)$/i;
    for (const el of Array.from(document.querySelectorAll('*'))) {
      const tag = el.tagName.toLowerCase();
      for (const name of el.getAttributeNames()) {
        const value = el.getAttribute(name) ?? '';
        if (/^on/i.test(name)) bad.push(`event handler attribute ${name}: ${describe(el)}`);
        if (urlAttrs.test(name) && /^[\s\u0000-\u001f]*(?:javascript|vbscript|data)\s*:/i.test(value.replace(/[\t\n\r]/g, ''))) {
          bad.push(`script url in ${name}: ${describe(el)}`);
        }
        if (/dangerouslysetinnerhtml/i.test(name)) bad.push(`attribute ${name}: ${describe(el)}`);
      }
      if (tag === 'iframe' || tag === 'frame' || tag === 'object' || tag === 'embed') bad.push(`<${tag}>: ${describe(el)}`);
      if (tag === 'img' && el.getAttribute('src') === 'x') bad.push(`payload image: ${describe(el)}`);
      if (tag === 'script' && /alert\s*\(|__xss/.test(el.textContent ?? '')) bad.push(`payload script: ${describe(el)}`);
      if (tag === 'base' || (tag === 'meta' && /refresh/i.test(el.getAttribute('http-equiv') ?? ''))) {
        bad.push(`<${tag}>: ${describe(el)}`);
      }
    }
    const w = window as unknown as { __xss?: unknown };
    if (w.__xss !== undefined) bad.push(`window.__xss was set to ${String(w.__xss)}`);
    return bad;
  });
}

/**
 * Shows every tab panel and expands every `<details>` (the theme's Details opens through a click
 * on its summary, which then animates the body open), so innerText covers the whole article.
 */
export async function revealAll(page: Page): Promise<void> {
  const clicked = await page.evaluate(() => {
    for (const p of Array.from(document.querySelectorAll('[role="tabpanel"][hidden]'))) p.removeAttribute('hidden');
    let n = 0;
    for (const d of Array.from(document.querySelectorAll('details'))) {
      const summary = d.querySelector(':scope > summary');
      if (d.getAttribute('data-collapsed') === 'true' && summary instanceof HTMLElement) {
        summary.click();
        n++;
      } else d.open = true;
    }
    return n;
  });
  if (clicked > 0) {
    await page.waitForFunction(() => document.querySelectorAll('details[data-collapsed="true"]').length === 0);
    await page.waitForTimeout(500);
  }
}

/** innerText of the article with whitespace runs folded to one space. */
export async function articleText(page: Page): Promise<string> {
  const text = await page.locator('article').first().innerText();
  return text.replace(/\s+/g, ' ');
}

// --- compile-level check -----------------------------------------------------------------

interface AnyNode {
  type: string;
  name?: string | null;
  value?: string;
  url?: string;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: AnyNode[];
}

const mdx = createProcessor({
  format: 'mdx',
  remarkPlugins: [remarkFrontmatter, remarkDirective, remarkGfm, remarkComment],
});

/** The import lines the templates write; no other ESM may appear in a page. */
const ALLOWED_ESM = new Set([
  "import CopyableCode from '@site/src/components/CopyableCode/CopyableCode';",
  "import Tabs from '@theme/Tabs';",
  "import TabItem from '@theme/TabItem';",
  "import HtmlRegion from '@theme/HtmlRegion';",
]);

/** JSX elements the templates write, with the attributes each may carry. */
const ALLOWED_JSX: Record<string, readonly string[]> = {
  CopyableCode: ['code', 'id'],
  HtmlRegion: ['anchors', 'html'],
  Tabs: ['defaultValue', 'values'],
  TabItem: ['value'],
  a: ['href', 'id'],
  b: [],
  br: [],
  code: [],
  details: [],
  div: ['class', 'className', 'dangerouslySetInnerHTML'],
  span: [],
  summary: [],
  table: ['className'],
  tbody: [],
  td: ['colSpan', 'className', 'data-label'],
  th: ['className'],
  thead: [],
  tr: [],
};

const FORBIDDEN_NODES = new Set([
  'mdxFlowExpression', 'mdxTextExpression', 'html', 'image', 'imageReference', 'definition',
  'footnoteDefinition', 'leafDirective',
]);

/**
 * Parses a generated page the way Docusaurus does and lists every construct the templates do
 * not write themselves: other ESM, expressions, JSX elements or attributes, raw HTML, images,
 * directives other than the `:::info` summary, links that are not http(s)/mailto, in-page
 * anchors or site paths.
 */
export function unexpectedMdx(source: string): string[] {
  const tree = mdx.parse(source) as unknown as AnyNode;
  const bad: string[] = [];
  const walk = (n: AnyNode) => {
    if (FORBIDDEN_NODES.has(n.type)) bad.push(`${n.type}: ${JSON.stringify(n.value ?? n.url ?? n.name ?? '')}`);
    if (n.type === 'mdxjsEsm') {
      for (const line of (n.value ?? '').split('\n')) if (!ALLOWED_ESM.has(line.trim())) bad.push(`ESM: ${line}`);
    }
    if (n.type === 'containerDirective' && n.name !== 'info') bad.push(`container directive :::${n.name}`);
    if (n.type === 'textDirective' && ((n.children?.length ?? 0) > 0 || (n.attributes && Object.keys(n.attributes).length > 0))) {
      bad.push(`text directive :${n.name} with label or attributes`);
    }
    if (n.type === 'link' && !/^(?:https?:\/\/|mailto:|#|\/providers\/)/i.test(n.url ?? '')) bad.push(`link to ${n.url}`);
    if (n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement') {
      const name = n.name ?? '<>';
      const allowed = ALLOWED_JSX[name];
      if (!allowed) bad.push(`JSX element <${name}>`);
      for (const a of n.attributes ?? []) {
        if (a.type !== 'mdxJsxAttribute' || !a.name || !allowed?.includes(a.name)) {
          bad.push(`JSX attribute ${a.name ?? '{...spread}'} on <${name}>`);
          continue;
        }
        const expression = typeof a.value === 'object' && a.value !== null;
        if (name === 'div' && a.name === 'dangerouslySetInnerHTML') {
          // An HTML region: a string literal only, whose HTML holds what the templates write.
          const value = expression ? String((a.value as { value: string }).value) : '';
          const literal = /^\{__html: ("(?:[^"\\{}]|\\.)*")\}$/.exec(value);
          if (!literal) bad.push(`region of another form: ${value.slice(0, 80)}`);
          else bad.push(...regionProblems(JSON.parse(literal[1]!) as string));
          continue;
        }
        if (name === 'HtmlRegion') {
          // A region with anchors: its HTML a string literal, as above; its anchors an array of string literals.
          const value = expression ? String((a.value as { value: string }).value) : '';
          if (a.name === 'html') {
            if (!/^"(?:[^"\\{}]|\\.)*"$/.test(value)) bad.push(`region of another form: ${value.slice(0, 80)}`);
            else bad.push(...regionProblems(JSON.parse(value) as string));
          } else if (!/^\[(?:"(?:[^"\\{}]|\\.)*"(?:, )?)*\]$/.test(value)) bad.push(`region anchors of another form: ${value.slice(0, 80)}`);
          continue;
        }
        // Only Tabs' `values` is an expression; everything else is a plain string.
        if (expression !== (name === 'Tabs' && a.name === 'values')) bad.push(`attribute ${a.name} of <${name}> is ${expression ? 'an expression' : 'a string'}`);
        if (name === 'a' && a.name === 'href' && typeof a.value === 'string' && !/^(?:https?:\/\/|#|\/providers\/)/i.test(a.value)) {
          bad.push(`<a href=${JSON.stringify(a.value)}>`);
        }
      }
    }
    for (const c of n.children ?? []) walk(c);
  };
  walk(tree);
  return bad;
}

/** The `values={[...]}` expressions of Tabs must be plain object literals of string labels and values. */
export function tabValueExpressions(source: string): string[] {
  const tree = mdx.parse(source) as unknown as AnyNode;
  const out: string[] = [];
  const walk = (n: AnyNode) => {
    if (n.name === 'Tabs') {
      for (const a of n.attributes ?? []) {
        if (a.name === 'values' && typeof a.value === 'object' && a.value !== null) out.push(String((a.value as { value: string }).value));
      }
    }
    for (const c of n.children ?? []) walk(c);
  };
  walk(tree);
  return out;
}

/** Elements and attributes the templates write in HTML regions (the detailed field tables). */
const REGION_HTML: Record<string, readonly string[]> = {
  a: ['href', 'target', 'rel'],
  br: [],
  code: ['class', 'id'],
  del: [],
  details: ['class'],
  div: ['class'],
  em: [],
  li: [],
  p: [],
  span: [],
  strong: [],
  summary: [],
  table: ['class'],
  tbody: [],
  td: ['class', 'colspan', 'data-label'],
  th: ['class'],
  thead: [],
  tr: [],
  ul: [],
  wbr: [],
};

interface HtmlNode {
  nodeName: string;
  tagName?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: HtmlNode[];
}

/** Elements, attributes and links of a region's HTML that the templates do not write. */
export function regionProblems(html: string): string[] {
  const bad: string[] = [];
  const walk = (n: HtmlNode) => {
    if (n.tagName) {
      const allowed = REGION_HTML[n.tagName];
      if (!allowed) bad.push(`region element <${n.tagName}>`);
      for (const a of n.attrs ?? []) {
        if (!allowed?.includes(a.name)) bad.push(`region attribute ${a.name} on <${n.tagName}>`);
        // Links of spec text leave the site; method references link on the page or relatively.
        if (a.name === 'href' && !/^(?:https?:\/\/|mailto:|#|(?:\.\.\/)+[\w/-]+\/#)/i.test(a.value)) bad.push(`region link to ${a.value}`);
      }
    }
    for (const c of n.childNodes ?? []) walk(c);
  };
  walk(parse5.parseFragment(html) as unknown as HtmlNode);
  return bad;
}
