// A no-change run over a site of 1000 pages stats each page instead of reading
// it: the stat cache vouches for pages whose size and mtime are unchanged.
// Counted here, not timed; `npm run bench:write` prints the times.
import * as fs from 'node:fs';
import { join } from 'node:path';
import { expect, test, vi } from 'vitest';
import type { OutputFile } from '../../generator/write/write-output.js';
import { writeOutputSync } from '../../generator/write/write-output.js';
import { tempDir } from './helpers.js';

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  return { ...real, readFileSync: vi.fn(real.readFileSync), lstatSync: vi.fn(real.lstatSync) };
});

function site(count: number, version: string): OutputFile[] {
  const body = 'Lorem ipsum dolor sit amet. '.repeat(300); // ~8 KB, a typical resource page
  return Array.from({ length: count }, (_, i) => ({
    path: `services/svc${i % 40}/resources/res${i}.mdx`,
    contents: `# Resource ${i} ${version}\n\n${body}`,
  }));
}

/** Page paths (relative to `out`) passed to a mocked fs function since the last clear. */
function pagesTouched(fn: typeof fs.readFileSync | typeof fs.lstatSync, out: string): string[] {
  return vi
    .mocked(fn)
    .mock.calls.map(([p]) => String(p))
    .filter((p) => p.startsWith(out + '/') && p.endsWith('.mdx'))
    .map((p) => p.slice(out.length + 1));
}

function clearCalls(): void {
  vi.mocked(fs.readFileSync).mockClear();
  vi.mocked(fs.lstatSync).mockClear();
}

test('1000 pages: a no-change run stats every page and reads none; a changed page is written', () => {
  const out = join(tempDir(), 'docs');
  const files = site(1000, 'v1');
  expect(writeOutputSync(out, files).added).toHaveLength(1000);
  // Run twice: the first no-change run may re-hash the few pages written in the stat cache's own clock tick.
  writeOutputSync(out, files);

  clearCalls();
  const again = writeOutputSync(out, files);
  expect(again).toMatchObject({ wrote: false, added: [], changed: [] });
  expect(again.unchanged).toHaveLength(1000);
  expect(pagesTouched(fs.readFileSync, out)).toEqual([]);
  expect(new Set(pagesTouched(fs.lstatSync, out)).size).toBe(1000);

  const edited = files.map((f, i) => (i === 500 ? { ...f, contents: f.contents + 'x' } : f));
  clearCalls();
  const one = writeOutputSync(out, edited);
  expect(one.changed).toEqual([files[500]!.path]);
  // Only the page just written may be read back: the stat cache re-hashes pages written in its own clock tick.
  expect(pagesTouched(fs.readFileSync, out).filter((p) => p !== files[500]!.path)).toEqual([]);
  expect(fs.readFileSync(join(out, files[500]!.path), 'utf8')).toBe(edited[500]!.contents);
});
