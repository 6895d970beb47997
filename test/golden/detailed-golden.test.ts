import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/shared.js';
import { renderRegistry } from '../helpers/render.js';
import { compilePage } from '../helpers/compile-mdx.js';

// Detailed pages of our own specs/, reviewed by eye and stored under
// test/golden/detailed/. Regenerate after an intended change with
//   UPDATE_GOLDEN=1 npx vitest run test/golden/detailed-golden.test.ts
// and review the diff before committing it.

const GOLDEN = path.join(REPO, 'test', 'golden', 'detailed');

const PAGES = [
  'providers/databricks_workspace/workspace/user_tokens/index.md',
  'providers/databricks_workspace/compute/clusters/index.md',
  'providers/databricks_workspace/iam/users/index.md',
  'providers/databricks_workspace/filemanagement/directories/index.md',
  'providers/databricks_workspace/workspace/repos/index.md',
  'providers/databricks_account/provisioning/workspaces/index.md',
  'providers/databricks_workspace/workspace/index.md',
  'providers/databricks_workspace/index.md',
];

describe('detailed layout: golden pages from our own specs/', () => {
  const { files, bag } = renderRegistry(path.join(REPO, 'specs'), 'detailed');
  const byPath = new Map(files.map((f) => [f.path, f.contents]));

  it('renders without errors', () => {
    expect(bag.all.filter((d) => d.severity === 'error')).toEqual([]);
  });

  for (const rel of PAGES) {
    it(`reproduces ${rel}`, async () => {
      const page = byPath.get(rel);
      expect(page).toBeDefined();
      const expected = path.join(GOLDEN, rel);
      if (process.env['UPDATE_GOLDEN']) {
        fs.mkdirSync(path.dirname(expected), { recursive: true });
        fs.writeFileSync(expected, page!);
      }
      expect(page).toBe(fs.readFileSync(expected, 'utf8'));
      await compilePage(page!, rel);
    });
  }

  it('every page of specs/ compiles', async () => {
    for (const f of files) await compilePage(f.contents, f.path);
  });

  it('the provider and service pages are the classic ones', () => {
    const classic = new Map(renderRegistry(path.join(REPO, 'specs'), 'classic').files.map((f) => [f.path, f.contents]));
    const nonResource = files.filter((f) => f.path.split('/').length < 5);
    expect(nonResource.length).toBeGreaterThan(0);
    for (const f of nonResource) expect(f.contents, f.path).toBe(classic.get(f.path));
  });
});
