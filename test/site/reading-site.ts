// Helpers of the reading test (reading.test.ts): the July 2026 Databricks registry generated with
// the detailed layout and built into one site that every test of that file shares, and the
// measurements a reader's eye would take (tables against their column, sideways scroll).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { buildSiteLocked, ensureDistFresh, generatePages } from './site-build.js';
import { startStaticServer, type StaticServer } from './static-server.js';

export interface BuiltSite {
  url: string;
  close(): Promise<void>;
}

/**
 * `provider-docs generate --layout detailed` on `registry`, a site build of it, served on
 * 127.0.0.1. READING_TEST_BUILD=<dir> serves a build made before (while editing the test).
 */
export async function buildDetailedSite(registry: string, label: string): Promise<BuiltSite> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'provider-docs-reading-'));
  let buildDir = process.env.READING_TEST_BUILD;
  if (!buildDir) {
    const docsDir = path.join(work, 'docs');
    await ensureDistFresh();
    await generatePages(['--registry', registry, '--layout', 'detailed', '--out', docsDir], 'provider-docs generate --layout detailed');
    buildDir = path.join(work, 'build');
    const ms = await buildSiteLocked(docsDir, buildDir);
    console.log(`[${label}] site built in ${(ms / 1000).toFixed(1)} s (including any wait for the build lock)`);
  }
  const server: StaticServer = await startStaticServer(buildDir);
  return {
    url: server.url,
    async close() {
      await server.close();
      fs.rmSync(work, { recursive: true, force: true });
    },
  };
}

export interface Overflow {
  /** Tables (as `section: table n`) wider than the content column or scrolling inside. */
  tables: string[];
  /** The document's scroll width and the viewport's width. */
  scrollWidth: number;
  viewport: number;
}

/**
 * Every rendered table of the article against the content column: it must neither scroll
 * (scrollWidth <= clientWidth) nor reach past the column's right edge. Tables in hidden tab
 * panels have no box and are measured when their tab is shown (see showEveryTab).
 */
export function overflow(page: Page): Promise<Overflow> {
  return page.evaluate(() => {
    const column = document.querySelector('article .markdown') as HTMLElement;
    const right = column.getBoundingClientRect().right;
    const sectionOf = (el: Element): string => {
      for (let n: Element | null = el; n && n !== column; n = n.parentElement) {
        for (let s = n.previousElementSibling; s; s = s.previousElementSibling) {
          if (s.tagName === 'H2') return (s.textContent ?? '').replace(/\u200b/g, '').trim();
        }
      }
      return '(top)';
    };
    const tables: string[] = [];
    column.querySelectorAll('table').forEach((t, i) => {
      const box = t.getBoundingClientRect();
      if (box.width === 0) return;
      if (t.scrollWidth > t.clientWidth || box.right > right + 0.5) {
        tables.push(`${sectionOf(t)}: table ${i} scrollWidth ${t.scrollWidth}, clientWidth ${t.clientWidth}, right ${box.right.toFixed(0)} > column ${right.toFixed(0)}`);
      }
    });
    return { tables, scrollWidth: document.documentElement.scrollWidth, viewport: window.innerWidth };
  });
}

/** Clicks each tab of each Tabs of the article in turn, calling `check` with every panel shown. */
export async function showEveryTab(page: Page, check: (where: string) => Promise<void>): Promise<void> {
  const lists = page.locator('article [role="tablist"]');
  const n = await lists.count();
  for (let i = 0; i < n; i++) {
    const tabs = lists.nth(i).locator('[role="tab"]');
    const m = await tabs.count();
    for (let j = 1; j < m; j++) {
      await tabs.nth(j).click();
      await check(`tabs ${i}, tab "${await tabs.nth(j).innerText()}"`);
    }
    if (m > 1) await tabs.nth(0).click();
  }
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  /** selector and failure summary of each element */
  nodes: string[];
}

/** axe-core's WCAG 2 A/AA and best-practice rules on the page as it is shown. */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axe.source });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 8).map((n) => `${n.target.join(' ')}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`),
    }));
  });
}

/**
 * Where the rendered text of each element matching `css` wraps: for every element laid out on
 * more than one line, its text and the characters on either side of each line break.
 */
export function lineBreaks(page: Page, css: string): Promise<{ text: string; breaks: [string, string][] }[]> {
  return page.locator(css).evaluateAll((els) =>
    els.flatMap((el) => {
      const chars: { c: string; top: number }[] = [];
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = n.textContent ?? '';
        for (let i = 0; i < text.length; i++) {
          const range = document.createRange();
          range.setStart(n, i);
          range.setEnd(n, i + 1);
          const rect = range.getClientRects()[0];
          if (rect && rect.width > 0) chars.push({ c: text[i]!, top: rect.top });
        }
      }
      const breaks: [string, string][] = [];
      for (let i = 1; i < chars.length; i++) {
        if (chars[i]!.top > chars[i - 1]!.top + 2) breaks.push([chars[i - 1]!.c, chars[i]!.c]);
      }
      return breaks.length > 0 ? [{ text: el.textContent ?? '', breaks }] : [];
    }),
  );
}
