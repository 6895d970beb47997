// A cold run (no manifest yet) stages each new top folder whole and moves it
// into place with one rename. These tests hold that path to the same
// guarantees as any other: a failure or a crash at any step leaves the tree as
// it was, and files that are not ours are never touched.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { MANIFEST_NAME, STAGING_NAME, STAT_CACHE_NAME } from '../../generator/write/paths.js';
import { recoverStaging } from '../../generator/write/rollback.js';
import { SimulatedCrash } from '../../generator/write/transaction.js';
import { writeOutputSync, writeWithFaults } from '../../generator/write/write-output.js';
import { codes, filesOf, put, read, snapshotTree, tempDir } from './helpers.js';

// A page at the top (its folder exists: moved alone) and pages in new folders, nested.
const PAGES = { 'index.md': '# Provider\n', 'providers/a/index.md': 'a', 'providers/a/b/index.md': 'b', 'providers/c/index.md': 'c' };
const FOREIGN = { 'README.md': 'mine', 'providers/notes.txt': 'mine too', 'assets/logo.svg': '<svg/>' };

interface Setup {
  readonly name: string;
  /** Mutating steps of the cold run, to be sure the fault loops reached every one. */
  readonly steps: number;
  /** Returns the folder the test compares before and after, and the output folder. */
  readonly make: () => { readonly root: string; readonly out: string };
}

const SETUPS: readonly Setup[] = [
  {
    // create docs, staging folder, 4 staged folders, 4 staged pages, staged manifest, journal, index.md, move providers, commit.
    name: 'into an absent folder',
    steps: 15,
    make: () => {
      const root = tempDir();
      return { root, out: join(root, 'docs') };
    },
  },
  {
    name: 'into an empty folder',
    steps: 14,
    make: () => {
      const root = tempDir();
      mkdirSync(join(root, 'docs'));
      return { root, out: join(root, 'docs') };
    },
  },
  {
    // providers/ exists (someone's notes are in it), so providers/a and providers/c are the new folders, each moved whole:
    // staging folder, 3 staged folders, 4 staged pages, staged manifest, journal, index.md, 2 moves, commit.
    name: 'into a folder holding files that are not ours',
    steps: 14,
    make: () => {
      const root = tempDir();
      const out = join(root, 'docs');
      for (const [p, c] of Object.entries(FOREIGN)) put(out, p, c);
      return { root, out };
    },
  },
];

describe.each(SETUPS)('a cold run $name', ({ make, steps }) => {
  test('writes every page, leaves the rest as it was, and a second run writes nothing', () => {
    const { root, out } = make();
    const before = snapshotTree(root);
    const r = writeOutputSync(out, filesOf(PAGES));
    expect(r).toMatchObject({ added: Object.keys(PAGES).sort(), blocked: [], wrote: true });
    expect(r.diagnostics).toEqual([]);
    for (const [p, c] of Object.entries(PAGES)) expect(read(out, p)).toBe(c);
    const after = snapshotTree(root);
    for (const [p, v] of Object.entries(before)) if (!p.endsWith('/')) expect(after[p]).toBe(v);
    expect(existsSync(join(out, STAGING_NAME))).toBe(false);
    expect(Object.keys(JSON.parse(read(out, MANIFEST_NAME)).files)).toEqual(Object.keys(PAGES).sort());

    const settled = snapshotTree(out, { dirMtimes: true });
    expect(writeOutputSync(out, filesOf(PAGES))).toMatchObject({ wrote: false, unchanged: Object.keys(PAGES).sort() });
    expect(snapshotTree(out, { dirMtimes: true })).toEqual(settled);
  });

  test('that fails at any step leaves the tree as it was', () => {
    const { root, out } = make();
    const before = snapshotTree(root);
    let failures = 0;
    for (let n = 0; n < 100; n++) {
      const r = writeWithFaults(out, filesOf(PAGES), {}, { failAfter: n });
      if (r.wrote) break;
      failures++;
      expect(codes(r)).toEqual(['write-failed']);
      expect(snapshotTree(root)).toEqual(before);
    }
    expect(failures).toBe(steps);
    for (const [p, c] of Object.entries(PAGES)) expect(read(out, p)).toBe(c);
  });

  test('that dies at any step is rolled back by the next run', () => {
    let crashes = 0;
    for (let n = 0; n < 100; n++) {
      const { out } = make();
      const before = snapshotTree(out);
      try {
        writeWithFaults(out, filesOf(PAGES), {}, { crashAfter: n });
        break;
      } catch (e) {
        expect(e).toBeInstanceOf(SimulatedCrash);
      }
      crashes++;
      const leftovers = existsSync(join(out, STAGING_NAME));
      expect(codes(writeOutputSync(out, filesOf(PAGES), { check: true }))).toEqual(leftovers ? ['interrupted-run'] : []);
      // Other pages, so that anything the dead run left would still be there to see.
      const r = writeOutputSync(out, filesOf({ 'other.md': 'o' }));
      expect(codes(r)).toEqual(leftovers ? ['recovered-interrupted-run'] : []);
      expect(r.wrote).toBe(true);
      const expected = { ...before, 'other.md': expect.any(String), [MANIFEST_NAME]: expect.any(String), [STAT_CACHE_NAME]: expect.any(String) };
      expect(snapshotTree(out)).toEqual(expected);
    }
    expect(crashes).toBe(steps);
  });

  test('that dies at any step is rolled back from a version 1 journal too (as older provider-docs reads it: every page loose)', () => {
    for (let n = 0; n < steps; n++) {
      const { out } = make();
      const before = snapshotTree(out);
      expect(() => writeWithFaults(out, filesOf(PAGES), {}, { crashAfter: n })).toThrow(SimulatedCrash);
      const journalFile = join(out, STAGING_NAME, 'journal.json');
      if (existsSync(journalFile)) {
        const { trees: _trees, ...journal } = JSON.parse(readFileSync(journalFile, 'utf8'));
        writeFileSync(journalFile, JSON.stringify({ ...journal, version: 1 }));
      }
      if (existsSync(join(out, STAGING_NAME))) expect(recoverStaging(resolve(out)).errors).toEqual([]);
      expect(snapshotTree(out)).toEqual(before);
    }
  });
});
