/**
 * The fast path of spec-text.ts against remark on every description (and
 * summary) of the real registries: wherever `fastInline` / `fastBlock` apply,
 * their output must be byte for byte remark's. Random inputs are in
 * test/property/spec-text-fast.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { __internal } from '../../generator/render/spec-text.js';
import { fastBlock, fastInline } from '../../generator/render/spec-text-fast.js';
import { remarkBlock, remarkInline } from '../../generator/render/spec-text-remark.js';
import { listFiles, sharedPath, skipNotice } from '../helpers/shared.js';

const names = ['databricks-2024-12', 'databricks-2026-02', 'databricks-2026-07'];

/** Every `description` and `summary` string in a registry's YAML files. */
function descriptions(root: string): Set<string> {
  const out = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if ((key === 'description' || key === 'summary') && typeof value === 'string') out.add(value);
        walk(value);
      }
    }
  };
  for (const file of listFiles(root)) {
    if (/\.ya?ml$/.test(file)) walk(yaml.load(fs.readFileSync(path.join(root, file), 'utf8'), { schema: yaml.CORE_SCHEMA }));
  }
  return out;
}

describe('fast spec text == remark spec text on the real registries', () => {
  const roots = names.map((n) => sharedPath('specs', n));
  if (roots.some((r) => r === undefined)) {
    it('agrees', () => skipNotice(`checking the fast spec text path on ${names.join(', ')}`));
    return;
  }
  it('agrees on every description', () => {
    const all = new Set<string>();
    for (const root of roots) for (const d of descriptions(root!)) all.add(d);
    const inline = new Set([...all].map(__internal.inlineMarkdown));
    const block = new Set([...all].map(__internal.blockMarkdown));
    const mismatches: string[] = [];
    let hits = 0;
    for (const [markdowns, fast, slow] of [
      [inline, fastInline, remarkInline],
      [block, fastBlock, remarkBlock],
    ] as const) {
      for (const markdown of markdowns) {
        const out = fast(markdown);
        if (out === undefined) continue;
        hits++;
        if (out !== slow(markdown)) mismatches.push(markdown);
      }
    }
    expect(mismatches).toEqual([]);
    // Most real descriptions take the fast path; far fewer would mean it broke.
    expect(hits).toBeGreaterThan(0.9 * (inline.size + block.size));
  }, 600_000);
});
