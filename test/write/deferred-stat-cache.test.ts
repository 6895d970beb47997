// A run over many providers writes the same folder once per provider. Saving the stat cache after
// each of those writes, with every entry so far, grew with the square of the number of providers;
// with a DeferredStatCache the writes keep it in memory and the run saves it once. Counted by
// file-system calls (the cache is saved through a rename), not by time.
import * as fs from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { STAT_CACHE_NAME } from '../../generator/write/paths.js';
import { cachedHash, DeferredStatCache, readStatCache } from '../../generator/write/stat-cache.js';
import { flushStatCache, writeOutputSync } from '../../generator/write/write-output.js';
import { filesOf, tempDir } from './helpers.js';

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  return { ...real, renameSync: vi.fn(real.renameSync) };
});

const cacheSaves = (out: string) => vi.mocked(fs.renameSync).mock.calls.filter(([, to]) => String(to) === join(out, STAT_CACHE_NAME)).length;

const providerPages = (p: string, n = 4) => filesOf(Object.fromEntries(Array.from({ length: n }, (_, i) => [`providers/${p}/s/r${i}/index.md`, `${p} page ${i}\n`])));

/** Writes providers a, b and c one at a time, as a run does (each write scoped to its folder). */
function writeProviders(out: string, statCache?: DeferredStatCache, text = (p: string) => p) {
  for (const p of ['a', 'b', 'c']) {
    const files = providerPages(p).map((f) => ({ ...f, contents: f.contents.replace(p, text(p)) }));
    const r = writeOutputSync(out, files, { scope: `providers/${p}`, ...(statCache ? { statCache } : {}) });
    expect(r.diagnostics).toEqual([]);
  }
}

/** Every page the manifest lists is vouched for by the saved stat cache. */
function everyPageTrusted(out: string): boolean {
  const cache = readStatCache(out);
  const pages = ['a', 'b', 'c'].flatMap((p) => providerPages(p).map((f) => f.path));
  return cache.entries.size === pages.length && pages.every((p) => cachedHash(cache, p, fs.lstatSync(join(out, p), { bigint: true })) !== undefined);
}

beforeEach(() => {
  vi.mocked(fs.renameSync).mockClear();
});

describe('DeferredStatCache: one save per run', () => {
  test('without one, every write of a provider saves the stat cache', () => {
    const out = join(tempDir(), 'docs');
    writeProviders(out);
    expect(cacheSaves(out)).toBeGreaterThanOrEqual(3);
    expect(everyPageTrusted(out)).toBe(true);
  });

  test('with one, the writes save nothing and the flush saves every provider\'s pages, trusted', () => {
    const out = join(tempDir(), 'docs');
    const statCache = new DeferredStatCache(resolve(out));
    writeProviders(out, statCache);
    expect(cacheSaves(out)).toBe(0);
    expect(fs.existsSync(join(out, STAT_CACHE_NAME))).toBe(false);
    expect(flushStatCache(out, statCache)).toEqual([]);
    // saveStatCache may save twice (a second time once the clock has passed the pages just written).
    expect(cacheSaves(out)).toBeGreaterThanOrEqual(1);
    expect(cacheSaves(out)).toBeLessThanOrEqual(2);
    expect(everyPageTrusted(out)).toBe(true);
  });

  test('a run that changes nothing saves nothing; one that changes a provider saves once, keeping the others\' entries', () => {
    const out = join(tempDir(), 'docs');
    const first = new DeferredStatCache(resolve(out));
    writeProviders(out, first);
    first.flush();
    const before = readStatCache(out).entries;
    vi.mocked(fs.renameSync).mockClear();

    const same = new DeferredStatCache(resolve(out));
    writeProviders(out, same);
    expect(same.flush()).toBe(false);
    expect(cacheSaves(out)).toBe(0);

    const changed = new DeferredStatCache(resolve(out));
    writeProviders(out, changed, (p) => (p === 'b' ? 'B' : p));
    expect(changed.flush()).toBe(true);
    const after = readStatCache(out).entries;
    expect(after.get('providers/a/s/r0/index.md')).toEqual(before.get('providers/a/s/r0/index.md'));
    expect(after.get('providers/b/s/r0/index.md')?.sha256).not.toBe(before.get('providers/b/s/r0/index.md')?.sha256);
    expect(everyPageTrusted(out)).toBe(true);
  });

  test('a page written in this run is not trusted from memory before the save (same rule as the file)', () => {
    const out = join(tempDir(), 'docs');
    const statCache = new DeferredStatCache(resolve(out));
    writeProviders(out, statCache);
    const inMemory = statCache.read(true);
    const page = 'providers/a/s/r0/index.md';
    expect(inMemory.entries.has(page)).toBe(true);
    expect(cachedHash(inMemory, page, fs.lstatSync(join(out, page), { bigint: true }))).toBeUndefined();
  });

  test('one made for another folder is not used: each write saves its own', () => {
    const out = join(tempDir(), 'docs');
    const other = new DeferredStatCache(resolve(tempDir()));
    writeProviders(out, other);
    expect(cacheSaves(out)).toBeGreaterThanOrEqual(3);
    expect(other.flush()).toBe(false);
  });
});
