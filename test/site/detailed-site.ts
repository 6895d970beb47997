// Helpers of the detailed-layout browser test (detailed.test.ts): generate our own specs/ with
// `--layout detailed` through the real CLI, and read a built page's sections.
import type { Locator, Page } from 'playwright-core';
import { generatePages } from './site-build.js';

/** `provider-docs generate --layout detailed` on the repository's own specs/. */
export function generateDetailed(out: string): Promise<string> {
  return generatePages(['--layout', 'detailed', '--out', out], 'provider-docs generate --layout detailed');
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
