import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { sha256Hex } from '../../generator/sha256.js';
import { MANIFEST_NAME, STAGING_NAME, STAT_CACHE_NAME } from '../../generator/write/paths.js';
import { isUpToDate, writeOutput, writeOutputSync } from '../../generator/write/write-output.js';
import { codes, filesOf, mtimeNs, put, read, snapshotTree, tempDir } from './helpers.js';

const SITE = {
  'index.md': '# Provider\n',
  'services/compute/index.md': '# Compute\n',
  'services/compute/instances/index.md': '# Instances\n',
  'services/storage/buckets/index.md': '# Buckets\n',
};

describe('first and repeated runs', () => {
  test('first run writes every file and a manifest with their hashes', async () => {
    const out = join(tempDir(), 'docs');
    const r = await writeOutput(out, filesOf(SITE), { generatorVersion: '1.2.3' });
    expect(r).toMatchObject({ added: Object.keys(SITE).sort(), changed: [], removed: [], unchanged: [], conflicts: [], blocked: [], wrote: true });
    expect(r.diagnostics).toEqual([]);
    for (const [p, c] of Object.entries(SITE)) expect(read(out, p)).toBe(c);
    const manifest = JSON.parse(read(out, MANIFEST_NAME));
    expect(manifest.generatorVersion).toBe('1.2.3');
    expect(Object.keys(manifest.files)).toEqual(Object.keys(SITE).sort());
    expect(manifest.files['index.md']).toEqual({ sha256: sha256Hex(Buffer.from(SITE['index.md'])), size: 11 });
    expect(readdirSync(out).sort()).toEqual([MANIFEST_NAME, STAT_CACHE_NAME, 'index.md', 'services'].sort());
  });

  test('the manifest is deterministic: same output, same bytes, whatever the input order', () => {
    const a = tempDir();
    const b = tempDir();
    writeOutputSync(a, filesOf(SITE));
    writeOutputSync(b, filesOf(SITE).reverse());
    expect(read(a, MANIFEST_NAME)).toBe(read(b, MANIFEST_NAME));
    expect(read(a, MANIFEST_NAME)).not.toMatch(/20\d\d-/); // no timestamps
  });

  test('a second run with the same input writes nothing and keeps every mtime', () => {
    const out = tempDir();
    writeOutputSync(out, filesOf(SITE));
    const before = snapshotTree(out, { dirMtimes: true });
    const mtimes = Object.keys(SITE).map((p) => mtimeNs(out, p));
    const r = writeOutputSync(out, filesOf(SITE));
    expect(r).toMatchObject({ added: [], changed: [], removed: [], unchanged: Object.keys(SITE).sort(), wrote: false });
    expect(Object.keys(SITE).map((p) => mtimeNs(out, p))).toEqual(mtimes);
    expect(snapshotTree(out, { dirMtimes: true })).toEqual(before);
  });

  test('changing one file rewrites only that file', () => {
    const out = tempDir();
    writeOutputSync(out, filesOf(SITE));
    const before = snapshotTree(out);
    const r = writeOutputSync(out, filesOf({ ...SITE, 'services/compute/index.md': '# Compute v2\n' }));
    expect(r).toMatchObject({ added: [], changed: ['services/compute/index.md'], removed: [], wrote: true });
    const after = snapshotTree(out);
    for (const p of Object.keys(SITE)) {
      if (p === 'services/compute/index.md') expect(after[p]).not.toBe(before[p]);
      else expect(after[p]).toBe(before[p]);
    }
    expect(read(out, 'services/compute/index.md')).toBe('# Compute v2\n');
    expect(JSON.parse(read(out, MANIFEST_NAME)).files['services/compute/index.md'].sha256).toBe(sha256Hex(Buffer.from('# Compute v2\n')));
  });

  test('creates a missing output folder, parents included', () => {
    const out = join(tempDir(), 'site', 'docs', 'providers');
    expect(writeOutputSync(out, filesOf({ 'a.md': 'a' })).wrote).toBe(true);
    expect(read(out, 'a.md')).toBe('a');
  });

  test('an output folder that is a file is an error', () => {
    const dir = tempDir();
    put(dir, 'docs', 'not a folder');
    const r = writeOutputSync(join(dir, 'docs'), filesOf({ 'a.md': 'a' }));
    expect(codes(r)).toEqual(['bad-output-dir']);
    expect(r.wrote).toBe(false);
  });
});

describe('removals', () => {
  test('a file dropped from the input is removed, with the folders it leaves empty and no others', () => {
    const out = tempDir();
    const all = { 'keep.md': 'k', 'a/x.md': 'x', 'a/b/y.md': 'y', 'c/z.md': 'z', 'd/q.md': 'q' };
    writeOutputSync(out, filesOf(all));
    put(out, 'c/notes.txt', 'mine'); // someone else's file keeps c/
    mkdirSync(join(out, 'd/empty')); // an empty folder of someone else's keeps d/
    mkdirSync(join(out, 'e')); // an unrelated empty folder is never pruned
    const r = writeOutputSync(out, filesOf({ 'keep.md': 'k' }));
    expect(r).toMatchObject({ removed: ['a/b/y.md', 'a/x.md', 'c/z.md', 'd/q.md'], unchanged: ['keep.md'], wrote: true });
    expect(existsSync(join(out, 'a'))).toBe(false);
    expect(read(out, 'c/notes.txt')).toBe('mine');
    expect(existsSync(join(out, 'c/z.md'))).toBe(false);
    expect(existsSync(join(out, 'd/empty'))).toBe(true);
    expect(existsSync(join(out, 'e'))).toBe(true);
    expect(Object.keys(JSON.parse(read(out, MANIFEST_NAME)).files)).toEqual(['keep.md']);
  });

  test('a page can become a folder of pages and back', () => {
    const out = tempDir();
    writeOutputSync(out, filesOf({ guide: 'one page' }));
    expect(writeOutputSync(out, filesOf({ 'guide/intro.md': 'i' }))).toMatchObject({ added: ['guide/intro.md'], removed: ['guide'], wrote: true });
    expect(read(out, 'guide/intro.md')).toBe('i');
    // The reverse is refused: the folder still exists when additions are checked, and is not ours.
    const r = writeOutputSync(out, filesOf({ guide: 'again' }));
    expect(r.blocked).toEqual(['guide']);
  });

  test('a generated file deleted by hand is recreated, and one no longer wanted is just forgotten', () => {
    const out = tempDir();
    writeOutputSync(out, filesOf({ 'a.md': 'a', 'b.md': 'b' }));
    writeFileSync(join(out, 'a.md'), 'a'); // touch, same content
    rmSync(join(out, 'a.md'));
    rmSync(join(out, 'b.md'));
    const r = writeOutputSync(out, filesOf({ 'a.md': 'a' }));
    expect(r).toMatchObject({ added: ['a.md'], removed: [], conflicts: [], wrote: true });
    expect(Object.keys(JSON.parse(read(out, MANIFEST_NAME)).files)).toEqual(['a.md']);
  });
});

describe('files provider-docs did not write', () => {
  test('survive every run and block a write to their path, even with force', () => {
    const out = tempDir();
    put(out, 'README.md', 'hand written');
    put(out, 'services/custom.md', 'also mine');
    writeOutputSync(out, filesOf(SITE));
    writeOutputSync(out, filesOf({ 'index.md': 'v2' }));
    writeOutputSync(out, filesOf({}));
    expect(read(out, 'README.md')).toBe('hand written');
    expect(read(out, 'services/custom.md')).toBe('also mine');

    const before = snapshotTree(out, { dirMtimes: true });
    for (const force of [false, true]) {
      const r = writeOutputSync(out, filesOf({ 'README.md': 'generated', 'new.md': 'n' }), { force });
      expect(r).toMatchObject({ blocked: ['README.md'], added: ['new.md'], wrote: false });
      const d = r.diagnostics.find((x) => x.code === 'unmanaged-file')!;
      expect(d).toMatchObject({ severity: 'error', file: join(out, 'README.md') });
      expect(d.message).toContain('README.md');
      expect(snapshotTree(out, { dirMtimes: true })).toEqual(before);
    }
  });

  test('an identical unmanaged file still blocks (ownership is never guessed), with a hint when there is no manifest', () => {
    const out = tempDir();
    put(out, 'a.md', 'a');
    const r = writeOutputSync(out, filesOf({ 'a.md': 'a' }));
    expect(r.blocked).toEqual(['a.md']);
    expect(codes(r)).toEqual(expect.arrayContaining(['unmanaged-file', 'manifest-missing']));
  });

  test('a file or link where a folder is needed blocks, naming what is in the way', () => {
    const out = tempDir();
    const elsewhere = tempDir();
    put(out, 'api', 'a file');
    symlinkSync(elsewhere, join(out, 'linked'));
    const r = writeOutputSync(out, filesOf({ 'api/x.md': 'x', 'linked/y.md': 'y' }));
    expect(r.blocked).toEqual(['api/x.md', 'linked/y.md']);
    expect(r.diagnostics.filter((d) => d.code === 'unmanaged-file').map((d) => d.file)).toEqual([join(out, 'api'), join(out, 'linked')]);
    expect(readdirSync(elsewhere)).toEqual([]);
  });
});

describe('hand-edited generated files', () => {
  test('stop the run when it would change them; --force overwrites', () => {
    const out = tempDir();
    writeOutputSync(out, filesOf(SITE));
    put(out, 'index.md', '# Provider\n\nMy precious notes.\n');
    const next = { ...SITE, 'index.md': '# Provider v2\n', 'new.md': 'n' };
    const before = snapshotTree(out, { dirMtimes: true });
    const r = writeOutputSync(out, filesOf(next));
    expect(r).toMatchObject({ conflicts: ['index.md'], changed: ['index.md'], added: ['new.md'], wrote: false });
    const d = r.diagnostics.find((x) => x.code === 'hand-edited')!;
    expect(d).toMatchObject({ severity: 'error', file: join(out, 'index.md') });
    expect(d.message).toContain('--force');
    expect(snapshotTree(out, { dirMtimes: true })).toEqual(before);

    const forced = writeOutputSync(out, filesOf(next), { force: true });
    expect(forced).toMatchObject({ conflicts: ['index.md'], wrote: true });
    expect(codes(forced, 'error')).toEqual([]);
    expect(codes(forced, 'warning')).toEqual(['hand-edited']);
    expect(read(out, 'index.md')).toBe('# Provider v2\n');
    expect(writeOutputSync(out, filesOf(next))).toMatchObject({ conflicts: [], wrote: false });
  });

  test('stop the run when it would remove them', () => {
    const out = tempDir();
    writeOutputSync(out, filesOf(SITE));
    put(out, 'services/storage/buckets/index.md', 'edited');
    const { 'services/storage/buckets/index.md': _gone, ...rest } = SITE;
    const r = writeOutputSync(out, filesOf(rest));
    expect(r).toMatchObject({ conflicts: ['services/storage/buckets/index.md'], removed: ['services/storage/buckets/index.md'], wrote: false });
    expect(read(out, 'services/storage/buckets/index.md')).toBe('edited');
    expect(writeOutputSync(out, filesOf(rest), { force: true }).wrote).toBe(true);
    expect(existsSync(join(out, 'services/storage'))).toBe(false);
  });

  test('an edit of a page whose output did not change is a conflict too: the docs on disk are not what the generator makes', () => {
    const out = tempDir();
    writeOutputSync(out, filesOf(SITE));
    put(out, 'index.md', 'edited');
    expect(writeOutputSync(out, filesOf(SITE), { check: true })).toMatchObject({ changed: ['index.md'], conflicts: ['index.md'] });
    expect(writeOutputSync(out, filesOf(SITE))).toMatchObject({ conflicts: ['index.md'], wrote: false });
  });

  test('an edit that equals the new output is no conflict: nothing is written, the manifest catches up', () => {
    const out = tempDir();
    writeOutputSync(out, filesOf(SITE));
    put(out, 'index.md', '# Provider v2\n');
    const mtime = mtimeNs(out, 'index.md');
    const r = writeOutputSync(out, filesOf({ ...SITE, 'index.md': '# Provider v2\n' }));
    expect(r).toMatchObject({ conflicts: [], changed: [], unchanged: Object.keys(SITE).sort(), wrote: true });
    expect(mtimeNs(out, 'index.md')).toBe(mtime);
    expect(JSON.parse(read(out, MANIFEST_NAME)).files['index.md'].sha256).toBe(sha256Hex(Buffer.from('# Provider v2\n')));
  });

  test('are caught even when size and mtime are kept (the stat cache also checks ctime and inode)', () => {
    const out = tempDir();
    writeOutputSync(out, filesOf({ 'a.md': 'aaaa' }));
    writeOutputSync(out, filesOf({ 'a.md': 'aaaa' })); // the cache is now warm
    const st = statSync(join(out, 'a.md'));
    writeFileSync(join(out, 'a.md'), 'bbbb');
    utimesSync(join(out, 'a.md'), st.atime, st.mtime);
    expect(writeOutputSync(out, filesOf({ 'a.md': 'aaaa' }))).toMatchObject({ conflicts: ['a.md'], wrote: false });
  });

  test('a corrupt or deleted stat cache only costs speed', () => {
    const out = tempDir();
    writeOutputSync(out, filesOf(SITE));
    writeFileSync(join(out, STAT_CACHE_NAME), '{ not json');
    expect(writeOutputSync(out, filesOf(SITE))).toMatchObject({ unchanged: Object.keys(SITE).sort(), wrote: false });
    put(out, 'index.md', 'edited');
    rmSync(join(out, STAT_CACHE_NAME));
    expect(writeOutputSync(out, filesOf(SITE)).conflicts).toEqual(['index.md']);
  });
});

describe('check mode', () => {
  test('reports what a run would do and writes nothing', () => {
    const root = tempDir();
    const out = join(root, 'docs');
    const fresh = writeOutputSync(out, filesOf(SITE), { check: true });
    expect(fresh).toMatchObject({ added: Object.keys(SITE).sort(), wrote: false });
    expect(existsSync(out)).toBe(false);

    writeOutputSync(out, filesOf(SITE));
    const current = writeOutputSync(out, filesOf(SITE), { check: true });
    expect(current).toMatchObject({ added: [], changed: [], removed: [], conflicts: [], blocked: [], diagnostics: [], wrote: false });
    expect(isUpToDate(current)).toBe(true);
    expect(isUpToDate(fresh)).toBe(false);

    const before = snapshotTree(root, { dirMtimes: true });
    const { 'index.md': _gone, ...rest } = SITE;
    const stale = writeOutputSync(out, filesOf({ ...rest, 'services/compute/index.md': 'v2', 'new/page.md': 'n' }), { check: true });
    expect(stale).toMatchObject({ added: ['new/page.md'], changed: ['services/compute/index.md'], removed: ['index.md'], wrote: false });
    expect(isUpToDate(stale)).toBe(false);
    expect(snapshotTree(root, { dirMtimes: true })).toEqual(before); // no staging folder came and went either
  });

  test('reports conflicts and blocked paths as errors', () => {
    const out = tempDir();
    writeOutputSync(out, filesOf(SITE));
    put(out, 'index.md', 'edited');
    put(out, 'mine.md', 'mine');
    const r = writeOutputSync(out, filesOf({ ...SITE, 'index.md': 'v2', 'mine.md': 'gen' }), { check: true });
    expect(r).toMatchObject({ conflicts: ['index.md'], blocked: ['mine.md'] });
    expect(codes(r, 'error').sort()).toEqual(['hand-edited', 'unmanaged-file']);
  });
});

describe('bad input', () => {
  const bad = ['/etc/passwd', 'a/../b', '..', 'a\\b', '', 'a//b', './a', 'a/', 'C:/x', MANIFEST_NAME, `${STAGING_NAME}/x`];
  test.each(bad)('rejects %j and writes nothing', (p) => {
    const out = join(tempDir(), 'docs');
    const r = writeOutputSync(out, [{ path: 'ok.md', contents: 'ok' }, { path: p, contents: 'x' }]);
    expect(codes(r)).toEqual(['bad-output-path']);
    expect(r.wrote).toBe(false);
    expect(existsSync(out)).toBe(false);
  });

  test('duplicates and file/folder collisions are errors', () => {
    const out = tempDir();
    expect(codes(writeOutputSync(out, filesOf({ 'a.md': '1' }).concat(filesOf({ 'a.md': '2' }))))).toEqual(['duplicate-output-path']);
    expect(codes(writeOutputSync(out, filesOf({ a: '1', 'a/b.md': '2' })))).toEqual(['output-path-collision']);
    expect(readdirSync(out)).toEqual([]);
  });

  test('an unreadable manifest stops the run', () => {
    const out = tempDir();
    writeOutputSync(out, filesOf(SITE));
    writeFileSync(join(out, MANIFEST_NAME), '{"version": 1, "generator": "provider-docs", "files": {"../x": {"sha256": "00", "size": 1}}}');
    const before = snapshotTree(out);
    const r = writeOutputSync(out, filesOf({}));
    expect(codes(r)).toEqual(['manifest-invalid']);
    expect(snapshotTree(out)).toEqual(before);
    expect(readFileSync(join(out, 'index.md'), 'utf8')).toBe(SITE['index.md']);
  });
});
