import type { BigIntStats } from 'node:fs';
import { lstatSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseManifest, serializeManifest } from '../../generator/write/manifest.js';
import { sha256Hex } from '../../generator/sha256.js';
import { outputPathProblem, parentDirs, STAT_CACHE_NAME, validateOutputPaths } from '../../generator/write/paths.js';
import type { StatCache } from '../../generator/write/stat-cache.js';
import { cachedHash, readStatCache, saveStatCache, serializeStatCache, statEntry } from '../../generator/write/stat-cache.js';
import { isSafeJournal, stagedFile, stagedInTree, treeRoots } from '../../generator/write/staging.js';
import { tempDir } from './helpers.js';

describe('outputPathProblem', () => {
  test.each([
    ['index.md', undefined],
    ['services/compute/instances.mdx', undefined],
    ['.hidden/ok.md', undefined],
    ['a..b/c...md', undefined],
    ['', 'is empty'],
    ['/abs.md', 'is absolute'],
    ['C:/x.md', 'is absolute'],
    ['a\\b.md', 'backslash'],
    ['..', '".." segment'],
    ['a/../../b.md', '".." segment'],
    ['a//b.md', 'not normalized'],
    ['./a.md', 'not normalized'],
    ['a/.', 'not normalized'],
    ['a/', 'not normalized'],
    ['a\0b', 'NUL'],
    ['.provider-docs-manifest.json', 'reserved'],
    ['.provider-docs-anything/x.md', 'reserved'],
  ])('%j → %s', (p, expected) => {
    const problem = outputPathProblem(p);
    if (expected === undefined) expect(problem).toBeUndefined();
    else expect(problem).toContain(expected);
  });

  test('parentDirs', () => {
    expect(parentDirs('a/b/c.md')).toEqual(['a', 'a/b']);
    expect(parentDirs('c.md')).toEqual([]);
  });
});

describe('validateOutputPaths', () => {
  test('reports each duplicate once and file/folder collisions', () => {
    const d = validateOutputPaths(['a.md', 'a.md', 'a.md', 'x', 'x/y.md', '../z']);
    expect(d.map((x) => [x.code, x.file])).toEqual([
      ['bad-output-path', '../z'],
      ['duplicate-output-path', 'a.md'],
      ['output-path-collision', 'x'],
    ]);
    expect(d.every((x) => x.severity === 'error')).toBe(true);
  });

  test('refuses names that differ only by case, files and folders alike', () => {
    expect(validateOutputPaths(['README.md', 'readme.md']).map((x) => x.code)).toEqual(['output-path-case-collision']);
    expect(validateOutputPaths(['API/a.md', 'api/b.md']).map((x) => [x.code, x.file])).toEqual([['output-path-case-collision', 'api']]);
    expect(validateOutputPaths(['a/x.md', 'a/y.md', 'b/a.md'])).toEqual([]);
  });
});

describe('manifest', () => {
  const entry = (text: string) => ({ sha256: sha256Hex(Buffer.from(text)), size: Buffer.byteLength(text) });

  test('serializes with sorted keys, whatever the insertion order, integer-like names included', () => {
    const a = serializeManifest({ files: new Map([['b.md', entry('b')], ['9', entry('9')], ['10', entry('10')], ['a.md', entry('a')]]) });
    const b = serializeManifest({ files: new Map([['a.md', entry('a')], ['10', entry('10')], ['b.md', entry('b')], ['9', entry('9')]]) });
    expect(a).toBe(b);
    expect([...a.matchAll(/^ {4}"([^"]+)"/gm)].map((m) => m[1])).toEqual(['10', '9', 'a.md', 'b.md']);
    expect(a.endsWith('}\n')).toBe(true);
  });

  test('round-trips, __proto__ included', () => {
    const files = new Map([['__proto__', entry('p')], ['x/y.md', entry('héllo')]]);
    const text = serializeManifest({ files, generatorVersion: '2.0.0' });
    const back = parseManifest(text);
    expect(back.kind).toBe('ok');
    if (back.kind !== 'ok') return;
    expect(back.manifest.files).toEqual(files);
    expect(back.manifest.generatorVersion).toBe('2.0.0');
    expect(serializeManifest(back.manifest)).toBe(text);
    expect(serializeManifest({ files: new Map() })).toBe('{\n  "files": {},\n  "generator": "provider-docs",\n  "version": 1\n}\n');
  });

  const valid = { generator: 'provider-docs', version: 1, files: { 'a.md': { sha256: 'a'.repeat(64), size: 1 } } };
  test.each([
    ['not json', '{', 'not valid JSON'],
    ['an array', '[]', 'not a JSON object'],
    ['another generator', JSON.stringify({ ...valid, generator: 'x' }), '"generator"'],
    ['a newer version', JSON.stringify({ ...valid, version: 2 }), 'version 2'],
    ['a bad path', JSON.stringify({ ...valid, files: { '/etc/x': valid.files['a.md'] } }), 'absolute'],
    ['a bad hash', JSON.stringify({ ...valid, files: { 'a.md': { sha256: 'xyz', size: 1 } } }), '"a.md"'],
    ['a bad size', JSON.stringify({ ...valid, files: { 'a.md': { sha256: 'a'.repeat(64), size: -1 } } }), '"a.md"'],
  ])('rejects %s', (_name, text, reason) => {
    const r = parseManifest(text);
    expect(r.kind).toBe('invalid');
    if (r.kind === 'invalid') expect(r.reason).toContain(reason);
  });
});

describe('stat cache', () => {
  const st = (o: Partial<Record<'size' | 'ino' | 'mtimeNs' | 'ctimeNs', bigint>>) =>
    ({ size: 4n, ino: 7n, mtimeNs: 100n, ctimeNs: 100n, ...o }) as unknown as BigIntStats;
  const cache = (mtimeNs: bigint): StatCache => ({
    entries: new Map([['a.md', { sha256: 'h', size: 4n, ino: 7n, mtimeNs: 100n, ctimeNs: 100n }]]),
    mtimeNs,
  });

  test.each([
    ['an exact match older than the cache', st({}), 200n, 'h'],
    ['another size', st({ size: 5n }), 200n, undefined],
    ['another inode (file replaced)', st({ ino: 8n }), 200n, undefined],
    ['another mtime', st({ mtimeNs: 101n }), 200n, undefined],
    ['another ctime (mtime restored after an edit)', st({ ctimeNs: 150n }), 200n, undefined],
    ['a racy entry (same tick as the cache)', st({}), 100n, undefined],
    ['no cache file', st({}), 0n, undefined],
  ])('%s → %s', (_name, stats, cacheMtime, expected) => {
    expect(cachedHash(cache(cacheMtime), 'a.md', stats)).toBe(expected);
  });

  test('round-trips through its file, and anything unreadable is an empty cache', () => {
    const dir = tempDir();
    const entries = cache(0n).entries;
    writeFileSync(join(dir, STAT_CACHE_NAME), serializeStatCache(entries));
    const back = readStatCache(dir);
    expect(back.entries).toEqual(entries);
    expect(back.mtimeNs).toBeGreaterThan(0n);
    const odd = new Map([['a "quoted".md', { sha256: 'hand "edited"', size: 1n, ino: 2n, mtimeNs: 3n, ctimeNs: 4n }]]);
    writeFileSync(join(dir, STAT_CACHE_NAME), serializeStatCache(odd));
    expect(readStatCache(dir).entries).toEqual(odd);
    writeFileSync(join(dir, STAT_CACHE_NAME), '{"version": 1, "files": {"a.md": ["h", "x", "1", "1", "1"], "b.md": ["h", "1", "1", "1", "1"]}}');
    expect([...readStatCache(dir).entries.keys()]).toEqual(['b.md']);
    writeFileSync(join(dir, STAT_CACHE_NAME), 'garbage');
    expect(readStatCache(dir).entries.size).toBe(0);
    expect(readStatCache(join(dir, 'missing')).entries.size).toBe(0);
  });

  test('saveStatCache leaves pages written just now trusted, and drops any whose content no longer matches', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'fresh.md'), 'fresh');
    writeFileSync(join(dir, 'future.md'), 'future');
    writeFileSync(join(dir, 'lying.md'), 'lying');
    // A timestamp ahead of the clock is racy whatever the cache's age.
    const later = new Date(Date.now() + 3_600_000);
    utimesSync(join(dir, 'future.md'), later, later);
    utimesSync(join(dir, 'lying.md'), later, later);
    const stat = (p: string) => lstatSync(join(dir, p), { bigint: true });
    const entries = new Map([
      ['fresh.md', statEntry(sha256Hex('fresh'), stat('fresh.md'))],
      ['future.md', statEntry(sha256Hex('future'), stat('future.md'))],
      ['lying.md', statEntry(sha256Hex('something else'), stat('lying.md'))],
    ]);
    saveStatCache(dir, entries);
    const saved = readStatCache(dir);
    expect([...saved.entries.keys()]).toEqual(['fresh.md', 'future.md']);
    expect(cachedHash(saved, 'fresh.md', stat('fresh.md'))).toBe(sha256Hex('fresh'));
    expect(cachedHash(saved, 'future.md', stat('future.md'))).toBeUndefined();
    expect(readdirSync(dir).sort()).toEqual([STAT_CACHE_NAME, 'fresh.md', 'future.md', 'lying.md']);
  });
});

describe('staging layout', () => {
  test('pages in new folders are staged in a tree under their topmost new folder, the others loose', () => {
    const roots = treeRoots(['a', 'a/b', 'a/b/c', 'x/new', 'x/new/deep', 'y']);
    expect([...roots]).toEqual([
      ['a', 0],
      ['x/new', 1],
      ['y', 2],
    ]);
    const s = join(tempDir(), 'staging');
    expect(stagedInTree(s, roots, 'a')).toBe(join(s, 't/0'));
    expect(stagedInTree(s, roots, 'a/b/c/page.md')).toBe(join(s, 't/0/b/c/page.md'));
    expect(stagedInTree(s, roots, 'x/new/deep/p.md')).toBe(join(s, 't/1/deep/p.md'));
    expect(stagedInTree(s, roots, 'y/p.md')).toBe(join(s, 't/2/p.md'));
    expect(stagedInTree(s, roots, 'x/old.md')).toBeUndefined();
    expect(stagedInTree(s, roots, 'ab/p.md')).toBeUndefined();
    expect(stagedFile(s, roots, 'ab/p.md', '7')).toBe(join(s, 'n/7'));
    expect(stagedFile(s, roots, 'a/p.md', '7')).toBe(join(s, 't/0/p.md'));
  });

  test('a journal is acted on only when it is a version this code knows and names nothing outside the output folder', () => {
    const ok = { version: 2, ops: [{ kind: 'add', path: 'a/b.md', id: '0' }], dirsToCreate: ['a'], trees: ['a'] };
    expect(isSafeJournal(ok)).toBe(true);
    const { trees: _trees, ...v1 } = ok;
    expect(isSafeJournal({ ...v1, version: 1 })).toBe(true);
    expect(isSafeJournal({ ...ok, version: 3 })).toBe(false);
    expect(isSafeJournal({ ...ok, trees: ['../elsewhere'] })).toBe(false);
    expect(isSafeJournal({ ...ok, dirsToCreate: ['/etc'] })).toBe(false);
    expect(isSafeJournal({ ...ok, ops: [{ kind: 'add', path: 'a/../../x', id: '0' }] })).toBe(false);
  });
});
