// Proves the cold path's shape by counting file-system calls (no timing): new
// folders are built inside the staging folder and each top one is moved into
// place with a single rename, instead of a mkdir and a rename per page there.
import * as fs from 'node:fs';
import { join } from 'node:path';
import { expect, test, vi } from 'vitest';
import { STAGING_NAME } from '../../generator/write/paths.js';
import { writeOutputSync } from '../../generator/write/write-output.js';
import { filesOf, put, tempDir } from './helpers.js';

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  return { ...real, mkdirSync: vi.fn(real.mkdirSync), renameSync: vi.fn(real.renameSync), writeFileSync: vi.fn(real.writeFileSync) };
});

function callsOutsideStaging(out: string) {
  const staging = join(out, STAGING_NAME);
  const outside = (p: unknown) => String(p).startsWith(out + '/') && !String(p).startsWith(staging + '/');
  return {
    mkdirs: vi.mocked(fs.mkdirSync).mock.calls.filter(([p]) => outside(p)).map(([p]) => String(p).slice(out.length + 1)),
    renamedTo: vi.mocked(fs.renameSync).mock.calls.filter(([, to]) => outside(to)).map(([, to]) => String(to).slice(out.length + 1)),
    written: vi.mocked(fs.writeFileSync).mock.calls.filter(([p]) => outside(p)).map(([p]) => String(p).slice(out.length + 1)),
  };
}

test('a cold run moves each new top folder into place whole', () => {
  const out = join(tempDir(), 'docs');
  put(out, 'providers/notes.txt', 'not ours');
  const pages = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`providers/p${i % 3}/s${i % 7}/r${i}/index.md`, `page ${i}`]));
  vi.mocked(fs.mkdirSync).mockClear();
  vi.mocked(fs.renameSync).mockClear();
  vi.mocked(fs.writeFileSync).mockClear();
  expect(writeOutputSync(out, filesOf({ ...pages, 'index.md': 'top' })).wrote).toBe(true);
  const calls = callsOutsideStaging(out);
  expect(calls.mkdirs).toEqual([STAGING_NAME]);
  // Pages are only ever written in the staging folder; what lands in the output folder directly is bookkeeping.
  expect(calls.written.filter((p) => !p.startsWith('.provider-docs-'))).toEqual([]);
  expect(calls.renamedTo.filter((p) => !p.startsWith('.provider-docs-')).sort()).toEqual(['index.md', 'providers/p0', 'providers/p1', 'providers/p2']);
});
