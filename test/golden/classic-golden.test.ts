import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, listFiles, sharedPath, skipNotice } from '../helpers/shared.js';
import { renderRegistry } from '../helpers/render.js';

const seed = sharedPath('seed', 'user_tokens.mdx');
const golden = sharedPath('golden', 'classic');
// More pages of the same registry, showing the classic rules for whitespace in descriptions and for manifests.
const goldenNext = sharedPath('golden', 'classic-next');
const specs2024 = sharedPath('specs', 'databricks-2024-12');

describe('classic layout: the seed page from our own specs/', () => {
  it.runIf(seed)('reproduces ../shared/seed/user_tokens.mdx byte for byte', async () => {
    const { files } = await renderRegistry(path.join(REPO, 'specs'));
    const page = files.find((f) => f.path === 'providers/databricks_workspace/workspace/user_tokens/index.md');
    expect(page).toBeDefined();
    expect(page!.contents).toBe(fs.readFileSync(seed!, 'utf8'));
  });
  if (!seed) it('seed page', () => skipNotice('the seed golden test'));
});

// Generated once, by the CLI's own code path, before the tests are collected.
const byPath = new Map(specs2024 ? (await renderRegistry(specs2024)).files.map((f) => [f.path, f.contents]) : []);

describe('classic layout: golden pages from databricks-2024-12', () => {
  if (!golden || !goldenNext || !specs2024) {
    it('golden pages', () => skipNotice('the classic golden tests'));
    return;
  }
  it('reproduces the seed page', () => {
    expect(byPath.get('providers/databricks_workspace/workspace/user_tokens/index.md')).toBe(fs.readFileSync(seed!, 'utf8'));
  });
  for (const dir of [golden, goldenNext]) {
    it(`reads golden pages from ${path.basename(dir)}/`, () => expect(listFiles(dir).length).toBeGreaterThan(0));
    for (const rel of listFiles(dir)) {
      it(`reproduces ${path.basename(dir)}/${rel}`, () => {
        expect(byPath.has(rel)).toBe(true);
        expect(byPath.get(rel)).toBe(fs.readFileSync(path.join(dir, rel), 'utf8'));
      });
    }
  }
});
