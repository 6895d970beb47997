import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/shared.js';
import { renderRegistry } from '../helpers/render.js';
import { compilePage } from '../helpers/compile-mdx.js';
import { DETAILED_GOLDEN, DETAILED_PAGES, renderDetailedSpecs } from './detailed-pages.js';

// Detailed pages of our own specs/, compared with test/golden/detailed/. After an
// intended change, rewrite them with `npm run golden:update` (a separate command:
// the tests only ever compare) and review the diff before committing it.

const { files, diagnostics } = await renderDetailedSpecs();
const byPath = new Map(files.map((f) => [f.path, f.contents]));

describe('detailed layout: golden pages from our own specs/', () => {

  it('compares, never updates', () => {
    // The old way (UPDATE_GOLDEN=1 wrote the pages and then passed against them) is gone.
    expect(process.env['UPDATE_GOLDEN'], 'run `npm run golden:update` to rewrite the goldens').toBeUndefined();
  });

  it('renders without errors', () => {
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  for (const rel of DETAILED_PAGES) {
    it(`reproduces ${rel}`, async () => {
      const page = byPath.get(rel);
      expect(page).toBeDefined();
      expect(page).toBe(fs.readFileSync(path.join(DETAILED_GOLDEN, rel), 'utf8'));
      await compilePage(page!, rel);
    });
  }

  it('every page of specs/ compiles', async () => {
    for (const f of files) await compilePage(f.contents, f.path);
  });

  it('the provider and service pages are the classic ones', async () => {
    const classic = new Map((await renderRegistry(path.join(REPO, 'specs'), 'classic')).files.map((f) => [f.path, f.contents]));
    const nonResource = files.filter((f) => f.path.split('/').length < 5);
    expect(nonResource.length).toBeGreaterThan(0);
    for (const f of nonResource) expect(f.contents, f.path).toBe(classic.get(f.path));
  });
});
