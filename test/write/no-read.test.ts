// Proves the fast path: once the stat cache is warm, a no-change run reads no page.
import * as fs from 'node:fs';
import { join } from 'node:path';
import { expect, test, vi } from 'vitest';
import { writeOutputSync } from '../../generator/write/write-output.js';
import { filesOf, put, tempDir } from './helpers.js';

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  return { ...real, readFileSync: vi.fn(real.readFileSync) };
});

const pageReads = (out: string) =>
  vi.mocked(fs.readFileSync).mock.calls.filter(([p]) => String(p).startsWith(out) && String(p).endsWith('.md')).length;

test('a no-change run right after a write run reads no page; an edit is still seen', () => {
  const out = join(tempDir(), 'docs');
  const pages = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`s${i % 7}/p${i}.md`, `page ${i}`]));
  writeOutputSync(out, filesOf(pages));
  vi.mocked(fs.readFileSync).mockClear();
  expect(writeOutputSync(out, filesOf(pages))).toMatchObject({ wrote: false, conflicts: [] });
  expect(pageReads(out)).toBe(0);

  put(out, 's3/p3.md', 'edited');
  vi.mocked(fs.readFileSync).mockClear();
  expect(writeOutputSync(out, filesOf(pages)).conflicts).toEqual(['s3/p3.md']);
  expect(pageReads(out)).toBe(1);
});
