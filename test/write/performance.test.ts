import { join } from 'node:path';
import { expect, test } from 'vitest';
import type { OutputFile } from '../../generator/write/write-output.js';
import { writeOutputSync } from '../../generator/write/write-output.js';
import { tempDir } from './helpers.js';

function site(count: number, version: string): OutputFile[] {
  const body = 'Lorem ipsum dolor sit amet. '.repeat(300); // ~8 KB, a typical resource page
  return Array.from({ length: count }, (_, i) => ({
    path: `services/svc${i % 40}/resources/res${i}.mdx`,
    contents: `# Resource ${i} ${version}\n\n${body}`,
  }));
}

function timed<T>(fn: () => T): [T, number] {
  const start = performance.now();
  const value = fn();
  return [value, performance.now() - start];
}

test('1000 pages: a no-change run stats instead of reading, and stays far under the budget', () => {
  const out = join(tempDir(), 'docs');
  const files = site(1000, 'v1');
  const [first, firstMs] = timed(() => writeOutputSync(out, files));
  expect(first.added).toHaveLength(1000);
  // Run twice: the first no-change run may re-hash the few pages written in the stat cache's own clock tick.
  writeOutputSync(out, files);
  const [again, againMs] = timed(() => writeOutputSync(out, files));
  expect(again).toMatchObject({ wrote: false, added: [], changed: [] });
  expect(again.unchanged).toHaveLength(1000);
  const edited = files.map((f, i) => (i === 500 ? { ...f, contents: f.contents + 'x' } : f));
  const [one, oneMs] = timed(() => writeOutputSync(out, edited));
  expect(one.changed).toHaveLength(1);
  console.log(`1000 pages: first run ${firstMs.toFixed(0)} ms, no-change ${againMs.toFixed(0)} ms, one change ${oneMs.toFixed(0)} ms`);
});
