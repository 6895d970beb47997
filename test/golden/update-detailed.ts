// npm run golden:update: rewrites test/golden/detailed/ from our specs/ after an
// intended change of the detailed layout. It only writes: review the diff, then
// run the tests, which only compare.
import fs from 'node:fs';
import path from 'node:path';
import { DETAILED_GOLDEN, DETAILED_PAGES, renderDetailedSpecs } from './detailed-pages.js';

const { files } = await renderDetailedSpecs();
const byPath = new Map(files.map((f) => [f.path, f.contents]));
let changed = 0;
for (const rel of DETAILED_PAGES) {
  const page = byPath.get(rel);
  if (page === undefined) throw new Error(`${rel} is no longer generated from specs/`);
  const file = path.join(DETAILED_GOLDEN, rel);
  if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === page) continue;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, page);
  changed++;
  console.log(`updated ${path.relative(process.cwd(), file)}`);
}
console.log(`${changed} of ${DETAILED_PAGES.length} detailed golden pages updated; review the diff before committing it`);
