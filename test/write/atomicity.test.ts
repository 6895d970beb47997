import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { STAGING_NAME } from '../../generator/write/paths.js';
import { SimulatedCrash } from '../../generator/write/transaction.js';
import { writeOutputSync, writeWithFaults } from '../../generator/write/write-output.js';
import { codes, contentsOf, filesOf, put, snapshotTree, tempDir, withoutCache } from './helpers.js';

// A run that exercises every kind of step: unchanged, changed, removed (with a
// folder to prune), added into an existing folder, added into new folders, a
// page turning into a folder, plus files that are not ours.
const OLD = { 'keep.md': 'keep', 'change.md': 'old', 'gone/a.md': 'a', 'gone/deep/b.md': 'b', guide: 'one page' };
const NEW = { 'keep.md': 'keep', 'change.md': 'new', 'extra.md': 'e', 'fresh/x/y.md': 'y', 'fresh/z.md': 'z', 'guide/intro.md': 'intro' };

function setUp(): string {
  const out = join(tempDir(), 'docs');
  expect(writeOutputSync(out, filesOf(OLD)).wrote).toBe(true);
  put(out, 'mine.md', 'not generated');
  put(out, 'gone/notes.txt', 'mine too');
  return out;
}

function expectedAfterSuccess(): Record<string, string> {
  const out = setUp();
  expect(writeOutputSync(out, filesOf(NEW)).wrote).toBe(true);
  return contentsOf(out);
}

describe('a run that fails leaves the tree as it was', () => {
  test('at every step (injected faults), byte for byte and mtime for mtime', () => {
    const expected = expectedAfterSuccess();
    const out = setUp();
    const before = snapshotTree(out);
    let failures = 0;
    for (let n = 0; n < 200; n++) {
      const r = writeWithFaults(out, filesOf(NEW), {}, { failAfter: n });
      if (r.wrote) break;
      failures++;
      expect(codes(r)).toEqual(['write-failed']);
      expect(r.diagnostics[0]!.message).toContain('injected failure');
      expect(snapshotTree(out)).toEqual(before);
      expect(existsSync(join(out, STAGING_NAME))).toBe(false);
    }
    // staging folder, 3 staged folders, 5 staged files, staged manifest, journal, 3 removals, 1 change (2 renames),
    // 1 addition into an existing folder, 2 new folders moved into place, commit.
    expect(failures).toBe(20);
    expect(contentsOf(out)).toEqual(expected);
  });

  test('a folder the failed run created is removed again', () => {
    const root = tempDir();
    const out = join(root, 'site', 'docs');
    for (let n = 0; n < 10; n++) {
      const r = writeWithFaults(out, filesOf({ 'a/b.md': 'b' }), {}, { failAfter: n });
      if (r.wrote) break;
      expect(snapshotTree(root)).toEqual({});
    }
    expect(existsSync(join(out, 'a/b.md'))).toBe(true);
  });
});

describe('a run that dies midway is rolled back by the next run', () => {
  test('at every step', () => {
    const expected = expectedAfterSuccess();
    let crashes = 0;
    for (let n = 0; n < 200; n++) {
      const out = setUp();
      const before = snapshotTree(out);
      let died = false;
      try {
        writeWithFaults(out, filesOf(NEW), {}, { crashAfter: n });
      } catch (e) {
        expect(e).toBeInstanceOf(SimulatedCrash);
        died = true;
      }
      if (!died) {
        expect(contentsOf(out)).toEqual(expected);
        break;
      }
      crashes++;
      const leftovers = existsSync(join(out, STAGING_NAME));
      // check mode must not act on, nor hide, a half-written tree.
      expect(codes(writeOutputSync(out, filesOf(NEW), { check: true }))).toEqual(leftovers ? ['interrupted-run'] : []);
      // A run with the old input rolls back and then finds nothing to do.
      const r = writeOutputSync(out, filesOf(OLD));
      expect(codes(r)).toEqual(leftovers ? ['recovered-interrupted-run'] : []);
      expect(r.wrote).toBe(false);
      // Restored files have a new ctime, so that run re-hashed them and refreshed the stat cache.
      expect(withoutCache(snapshotTree(out))).toEqual(withoutCache(before));
      expect(writeOutputSync(out, filesOf(NEW)).wrote).toBe(true);
      expect(contentsOf(out)).toEqual(expected);
    }
    expect(crashes).toBe(20);
  });

  test('a run that died after committing is just tidied up', () => {
    const out = setUp();
    expect(writeOutputSync(out, filesOf(NEW)).wrote).toBe(true);
    const after = snapshotTree(out);
    // What a process killed between the commit and the clean-up leaves behind.
    mkdirSync(join(out, STAGING_NAME, 'b'), { recursive: true });
    writeFileSync(join(out, STAGING_NAME, 'pid'), '999999999');
    writeFileSync(join(out, STAGING_NAME, 'b', '0'), 'old backup');
    writeFileSync(join(out, STAGING_NAME, 'journal.json'), JSON.stringify({ version: 1, ops: [{ kind: 'change', path: 'change.md', id: '0' }], dirsToCreate: [] }));
    const r = writeOutputSync(out, filesOf(NEW));
    expect(codes(r)).toEqual(['recovered-interrupted-run']);
    expect(r.diagnostics[0]!.message).toContain('finished writing');
    expect(snapshotTree(out)).toEqual(after);
  });

  test('a journal naming paths outside the output folder is not acted on', () => {
    const root = tempDir();
    const out = join(root, 'docs');
    writeOutputSync(out, filesOf(OLD));
    put(root, 'victim.txt', 'keep me');
    mkdirSync(join(out, STAGING_NAME, 'n'), { recursive: true });
    writeFileSync(join(out, STAGING_NAME, 'pid'), '999999999');
    writeFileSync(join(out, STAGING_NAME, 'manifest.json'), '{}');
    writeFileSync(join(out, STAGING_NAME, 'journal.json'), JSON.stringify({ version: 1, ops: [{ kind: 'add', path: '../victim.txt', id: '0' }], dirsToCreate: [] }));
    const before = snapshotTree(root);
    const r = writeOutputSync(out, filesOf(NEW));
    expect(codes(r)).toEqual(['rollback-failed']);
    expect(snapshotTree(root)).toEqual(before);
  });

  test('a live run holds the lock', () => {
    const out = setUp();
    const before = snapshotTree(out);
    mkdirSync(join(out, STAGING_NAME));
    writeFileSync(join(out, STAGING_NAME, 'pid'), String(process.ppid));
    const r = writeOutputSync(out, filesOf(NEW));
    expect(codes(r)).toEqual(['output-locked']);
    expect(r.diagnostics[0]!.message).toContain(String(process.ppid));
    expect(snapshotTree(out)).toEqual({ ...before, [`${STAGING_NAME}/`]: 'dir', [`${STAGING_NAME}/pid`]: expect.any(String) });
  });
});
