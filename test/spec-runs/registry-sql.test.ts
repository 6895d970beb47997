import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OutputFile } from '../../generator/render/render-pages.js';
import { renderRegistry } from '../helpers/render.js';
import { sharedPath, skipNotice } from '../helpers/shared.js';
import { badNames, emptyInserts, sqlBlocks, tabValues } from '../helpers/sql-check.js';

// Over the real registry providers of ../shared/specs/registry-2026-08, in
// both layouts: every <Tabs> has unique values (Docusaurus refuses duplicates),
// no INSERT lacks a column list, and every name in a SELECT list, WHERE/SET
// left-hand side, INSERT column list, RETURNING list and EXEC argument is a
// plain identifier or double-quoted (StackQL's parser). Each provider is
// generated once per layout, in beforeAll.

const root = sharedPath('specs', 'registry-2026-08');
const providers = root ? fs.readdirSync(root).filter((p) => fs.existsSync(path.join(root, p))).sort() : [];

async function generate(provider: string, layout: string): Promise<OutputFile[]> {
  return (await renderRegistry(root!, layout, { providers: [provider] })).files;
}

for (const layout of ['classic', 'detailed']) {
  describe(`SQL examples and tabs of registry-2026-08, ${layout} layout`, () => {
    if (!root) {
      it('checks every provider', () => skipNotice(`the registry-2026-08 SQL checks (${layout})`));
      return;
    }
    const pages = new Map<string, OutputFile[]>();
    beforeAll(async () => {
      for (const p of providers) pages.set(p, await generate(p, layout));
    }, 600_000);

    for (const provider of providers) {
      it(provider, () => {
        const files = pages.get(provider)!;
        // A provider that does not load yet (a loading fault) has no pages to check: say so.
        if (files.length === 0) console.warn(`NOTE: ${provider} produced no pages in the ${layout} layout; nothing to check`);
        const duplicates: string[] = [];
        const empty: string[] = [];
        const names: string[] = [];
        let statements = 0;
        for (const f of files) {
          for (const values of tabValues(f.contents)) {
            const dup = values.filter((v, i) => values.indexOf(v) !== i);
            if (dup.length > 0) duplicates.push(`${f.path}: ${dup.join(', ')}`);
          }
          for (const sql of sqlBlocks(f.contents)) {
            statements++;
            for (const line of emptyInserts(sql)) empty.push(`${f.path}: ${line}`);
            for (const p of badNames(sql)) names.push(`${f.path}: ${p.where}: ${p.name}`);
          }
        }
        expect(duplicates).toEqual([]);
        expect(empty).toEqual([]);
        expect(names.slice(0, 20)).toEqual([]);
        if (files.length > 0) expect(statements).toBeGreaterThan(0);
      });
    }
  });
}
