import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO } from '../helpers/shared.js';
import { renderRegistry } from '../helpers/render.js';
import { compilePage } from '../helpers/compile-mdx.js';
import { htmlRegions, outsideRegions } from '../helpers/page-checks.js';

// `--templates <dir>`: a file there replaces ours by name and everything else
// falls back to the chosen layout. Overriding one partial must change exactly
// the region that partial renders, on every page, and nothing else.

const SPECS = path.join(REPO, 'specs');
const temps: string[] = [];
afterAll(() => {
  for (const d of temps) fs.rmSync(d, { recursive: true, force: true });
});

function overrideDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'provider-docs-templates-'));
  temps.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

async function pages(layout: string, templates?: string): Promise<Map<string, string>> {
  return new Map((await renderRegistry(SPECS, layout, templates ? { templates } : {})).files.map((f) => [f.path, f.contents]));
}

/** Replaces every region matched by `re` (global) with `by`, where `$1`... name the groups. */
function replaceRegions(page: string, re: RegExp, by: string): { text: string; count: number } {
  let count = 0;
  const text = page.replace(re, (...m: unknown[]) => {
    count++;
    return by.replace(/\$(\d)/g, (_s, d: string) => String(m[Number(d)]));
  });
  return { text, count };
}

const isResourcePage = (p: string) => p.split('/').length === 5;

const classic = await pages('classic');
const detailed = await pages('detailed');

describe('--templates: overriding one partial changes only its region', () => {

  it('detailed: methods-table.hbs replaces the Methods table and nothing else', async () => {
    const over = await pages('detailed', overrideDir({ 'methods-table.hbs': 'OVERRIDDEN METHODS\n' }));
    expect([...over.keys()]).toEqual([...detailed.keys()]);
    let regions = 0;
    for (const [p, original] of detailed) {
      const { text, count } = replaceRegions(original, /<HtmlRegion anchors=\{\[[^\]]*\]\} html=\{"<table class='pd-table pd-methods'>(?:[^"\\]|\\.)*"\} \/>\n/g, 'OVERRIDDEN METHODS\n');
      regions += count;
      expect(over.get(p), p).toBe(text);
    }
    expect(regions).toBe([...detailed.keys()].filter(isResourcePage).length);
  });

  it('detailed: a nested partial (field-list.hbs, recursive) replaces only the sub-field lists', async () => {
    const over = await pages('detailed', overrideDir({ 'nested/field-list.hbs': '<ul><li>SUB-FIELDS</li></ul>\n' }));
    // The lists are in the field tables' HTML regions: the pages outside them are unchanged, and in
    // them each list after the JSON_EXTRACT example of a <details> is the override's.
    let regions = 0;
    for (const [p, original] of detailed) {
      const page = over.get(p)!;
      expect(outsideRegions(page), p).toBe(outsideRegions(original));
      const expected = htmlRegions(original).map((html) => {
        const { text, count } = replaceRegions(html, /(<div class='pd-details-content'><p>Read one in SQL[^\n]*<\/p>\n)[\s\S]*?(<\/div><\/details>)/g, '$1<ul><li>SUB-FIELDS</li></ul>\n$2');
        regions += count;
        return text;
      });
      expect(htmlRegions(page), p).toEqual(expected);
    }
    expect(regions).toBeGreaterThan(0);
  });

  it('classic: fields-table.hbs replaces each Fields table and nothing else; golden output untouched elsewhere', async () => {
    const over = await pages('classic', overrideDir({ 'fields-table.hbs': 'OVERRIDDEN FIELDS\n' }));
    let regions = 0;
    for (const [p, original] of classic) {
      const { text, count } = replaceRegions(original, /\| Name \| Datatype \|\n(?:\|.*\n)*/g, 'OVERRIDDEN FIELDS\n');
      regions += count;
      expect(over.get(p), p).toBe(text);
    }
    expect(regions).toBeGreaterThan(0);
  });

  it('a shared partial (frontmatter.hbs) is overridden in both layouts', async () => {
    const dir = overrideDir({ 'frontmatter.hbs': '---\ntitle: {{yaml title}}\n---\n' });
    for (const [layout, base] of [['classic', classic], ['detailed', detailed]] as const) {
      const over = await pages(layout, dir);
      for (const [p, original] of base) {
        const title = /^title: (.*)$/m.exec(original)![1];
        expect(over.get(p), p).toBe(original.replace(/^---\n[\s\S]*?\n---/, `---\ntitle: ${title}\n---`));
      }
    }
  });

  it('files that name no template of ours change nothing', async () => {
    expect(await pages('detailed', overrideDir({ 'not-used.hbs': 'X' }))).toEqual(detailed);
  });

  it('a replaced page template gets the layout context and can call the layout partials', async () => {
    const page = ['{{> frontmatter}}', '', '{{> imports}}', '', '# {{text resource.name}}', '', '{{> params-table}}', ''].join('\n');
    const over = await pages('detailed', overrideDir({ 'resource.hbs': page }));
    const p = 'providers/databricks_workspace/compute/clusters/index.md';
    const text = over.get(p)!;
    expect(text).toContain('# clusters\n');
    expect(htmlRegions(text).join('\n')).toContain("<code class='pd-copyable' id='parameter-cluster_id'>cluster_id</code>");
    expect(text).toContain("import HtmlRegion from '@theme/HtmlRegion';");
    expect(text).not.toContain('## Methods');
    await compilePage(text, p);
    // Provider and service pages still come from the layout.
    for (const [q, original] of detailed) if (!isResourcePage(q)) expect(over.get(q), q).toBe(original);
  });
});
