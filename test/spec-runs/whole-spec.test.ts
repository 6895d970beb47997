import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, sharedPath, skipNotice } from '../helpers/shared.js';
import { renderRegistry } from '../helpers/render.js';
import { compilePage } from '../helpers/compile-mdx.js';
import { duplicateHeadings, rawFields, rawRoles } from '../helpers/page-checks.js';

// Every page of every registry compiles with @mdx-js/mdx, and the run never
// reports an error. The newer registries carry the oddities (parameters
// without schema, `type: required`, missing 200 responses, `properties: {}`,
// duplicated parameters, `$ref` as a property name) that must not crash us.
// No page keeps raw Sphinx role text from SDK docstrings (`:method:jobs/getrun`,
// `:class:`Run``) or field marker (`:param x:`, `:returns:`): in both layouts (the classic goldens carry none, so classic
// writes roles as code like the detailed layout, which links `:method:`).
// No heading appears twice on a page (provider prose adds to the generated
// Authentication section instead of repeating it).

const registries: [string, string | undefined][] = [
  ['our specs/', path.join(REPO, 'specs')],
  ['databricks-2024-12', sharedPath('specs', 'databricks-2024-12')],
  ['databricks-2026-02', sharedPath('specs', 'databricks-2026-02')],
  ['databricks-2026-07', sharedPath('specs', 'databricks-2026-07')],
];

for (const layout of ['classic', 'detailed']) {
  for (const [name, root] of registries) {
    describe(`${layout} pages of ${name}`, () => {
      if (!root) {
        it('compiles', () => skipNotice(`compiling ${name}`));
        return;
      }
      it('generate without errors and every page compiles', async () => {
        const { files, diagnostics } = await renderRegistry(root, layout);
        expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        expect(files.length).toBeGreaterThan(0);
        const failures: string[] = [];
        for (const f of files) {
          for (const raw of rawRoles(f.contents)) failures.push(`${f.path}: raw Sphinx role in ${JSON.stringify(raw)}`);
          for (const raw of rawFields(f.contents)) failures.push(`${f.path}: raw docstring field in ${JSON.stringify(raw)}`);
          for (const h of duplicateHeadings(f.contents)) failures.push(`${f.path}: heading "${h}" appears twice`);
          try {
            await compilePage(f.contents, f.path);
          } catch (e) {
            failures.push(`${f.path}: ${(e as Error).message}`);
          }
        }
        expect(failures).toEqual([]);
      }, 600_000);
    });
  }
}

describe('page counts of databricks-2024-12', () => {
  const root = sharedPath('specs', 'databricks-2024-12');
  if (!root) {
    it('counts', () => skipNotice('page counts'));
    return;
  }
  it('has 186 workspace and 30 account resource pages, none for the merged view', async () => {
    const { files } = await renderRegistry(root);
    const resourcePages = (p: string) => files.filter((f) => f.path.startsWith(`providers/${p}/`) && f.path.split('/').length === 5);
    expect(resourcePages('databricks_workspace')).toHaveLength(186);
    expect(resourcePages('databricks_account')).toHaveLength(30);
    expect(files.some((f) => f.path.includes('/vw_workspaces/'))).toBe(false);
    expect(files.filter((f) => f.path.split('/').length === 4)).toHaveLength(7 + 18);
  });
});
