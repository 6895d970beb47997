// Packs the pages of a generated output folder (every file but provider-docs'
// own records and caches, whose names start with `.provider-docs-`) into one
// file: [path, contents] pairs, serialized with v8. parse-floor.mjs --write
// reads it in one go, so its timing holds no page reading.
import fs from 'node:fs';
import path from 'node:path';
import { serialize } from 'node:v8';

export function packPages(outDir, packFile) {
  const pages = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(path.join(outDir, dir), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.name.startsWith('.provider-docs-')) continue;
      const rel = dir === '' ? e.name : `${dir}/${e.name}`;
      if (e.isDirectory()) walk(rel);
      else pages.push([rel, fs.readFileSync(path.join(outDir, rel), 'utf8')]);
    }
  };
  walk('');
  if (pages.length === 0) throw new Error(`no pages in ${outDir}`);
  fs.writeFileSync(packFile, serialize(pages));
  return pages.length;
}
