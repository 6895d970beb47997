import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../generator/generate.js';
import { Fingerprint } from '../../generator/load/input-fingerprint.js';
import { sha256Hex } from '../../generator/sha256.js';
import { INPUTS_NAME, knownInputHashes, readInputsRecord, saveInputsRecord, STAT_PREFIX } from '../../generator/write/inputs-record.js';
import type { StatEntry } from '../../generator/write/stat-cache.js';
import { copySpecs, tempDir } from '../helpers/cli.js';

// The inputs record keeps each input file's stat beside its hash, so a run that finds nothing
// changed hashes from stats instead of reading every spec (the stat cache's rule: an entry
// counts only when its stat matches and is older than the record).

const SERVICE = 'databricks_workspace/v00.00.00000/services/workspace.yaml';
const PAGE = 'providers/databricks_workspace/workspace/user_tokens/index.md';

const statEntry = (sha256: string, st: fs.BigIntStats): StatEntry => ({ sha256, size: st.size, ino: st.ino, mtimeNs: st.mtimeNs, ctimeNs: st.ctimeNs });

/** A clock a minute ahead: files written by the test count as settled. */
const later = () => (BigInt(Date.now()) + 60_000n) * 1_000_000n;

describe('Fingerprint with the hashes an earlier run knew', () => {
  function setup() {
    const root = tempDir('pd-fp-');
    for (const [rel, text] of Object.entries({ 'p/v1/provider.yaml': 'id: p\n', 'p/v1/services/a.yaml': 'a: 1\n' })) {
      fs.mkdirSync(path.join(root, rel, '..'), { recursive: true });
      fs.writeFileSync(path.join(root, rel), text);
    }
    const code = tempDir('pd-code-');
    fs.writeFileSync(path.join(code, 'x.js'), 'export {};\n');
    return { root, input: { registry: root, providers: [], templateDirs: [], options: {}, codeDir: code } };
  }

  it('takes a known hash instead of reading the file, and records every file it covered with its stat', () => {
    const { root, input } = setup();
    const a = path.join(root, 'p/v1/services/a.yaml');
    const asked: string[] = [];
    // A hash no read could give: the fingerprint can only have it from knownHash.
    const f = new Fingerprint({ ...input, nowNs: later, knownHash: (abs) => (asked.push(abs), abs === a ? 'f'.repeat(64) : undefined) }, false);
    expect(f.inputs.get('spec:p/v1/services/a.yaml')).toBe('f'.repeat(64));
    expect(f.inputs.get('spec:p/v1/provider.yaml')).toBe(sha256Hex('id: p\n'));
    expect(asked).toContain(a);
    expect(f.files.get(a)).toEqual(statEntry('f'.repeat(64), fs.statSync(a, { bigint: true })));
    expect(f.files.has(path.join(input.codeDir, 'x.js'))).toBe(true);
  });

  it('a file changed less than 2 s before it was hashed is hashed, but its stat is not recorded', () => {
    const { root, input } = setup();
    const a = path.join(root, 'p/v1/services/a.yaml');
    const f = new Fingerprint(input, false);
    expect(f.inputs.get('spec:p/v1/services/a.yaml')).toBe(sha256Hex('a: 1\n'));
    expect(f.files.size).toBe(0);
    const settled = new Fingerprint({ ...input, nowNs: later }, false);
    expect(settled.files.has(a)).toBe(true);
  });

  it('a spec hashed by the loader is recorded with the stat taken before the loader read it', () => {
    const { root, input } = setup();
    const a = path.join(root, 'p/v1/services/a.yaml');
    const f = new Fingerprint({ ...input, nowNs: later }, true);
    const before = fs.statSync(a, { bigint: true });
    fs.writeFileSync(a, 'a: 2\n'); // edited between the fingerprint's stat and the loader's read
    f.learn('p/v1/services/a.yaml', sha256Hex('a: 2\n'));
    f.complete();
    expect(f.files.get(a)).toEqual(statEntry(sha256Hex('a: 2\n'), before));
    // So the next run, which sees the new stat, does not trust the pair.
    expect(fs.statSync(a, { bigint: true }).ctimeNs === before.ctimeNs && fs.statSync(a, { bigint: true }).mtimeNs === before.mtimeNs).toBe(false);
  });
});

describe('knownInputHashes: the record vouches only for stats older than itself', () => {
  it('answers for a matching stat, not for a moved one, not for an entry as new as the record', () => {
    const out = tempDir('pd-out-');
    const file = path.join(tempDir('pd-in-'), 'spec.yaml');
    fs.writeFileSync(file, 'x: 1\n');
    const st = fs.statSync(file, { bigint: true });
    const future = { ...statEntry('b'.repeat(64), st), mtimeNs: st.mtimeNs + 10n ** 12n };
    // The record is written after the file: its mtime is not older than the file's, so wait for the clock to move.
    const until = Date.now() + 50;
    while (Date.now() < until);
    saveInputsRecord(out, new Map([['spec:x', 'a'.repeat(64)]]), undefined, new Map([[file, statEntry('a'.repeat(64), st)], ['/elsewhere/new.yaml', future]]));
    const record = readInputsRecord(out)!;
    expect([...record.keys()].filter((k) => k.startsWith(STAT_PREFIX)).sort()).toEqual([`${STAT_PREFIX}/elsewhere/new.yaml`, `${STAT_PREFIX}${file}`]);
    const known = knownInputHashes(out)!;
    expect(known(file, st)).toBe('a'.repeat(64));
    expect(known(file, { ...st, ino: st.ino + 1n } as fs.BigIntStats)).toBeUndefined();
    expect(known(file, { ...st, size: st.size + 1n } as fs.BigIntStats)).toBeUndefined();
    expect(known('/elsewhere/new.yaml', { ...st, mtimeNs: future.mtimeNs } as fs.BigIntStats)).toBeUndefined();
    expect(known('/not/recorded.yaml', st)).toBeUndefined();
  });

  it('nothing without a record, or with a record of no stats (an older version\'s)', () => {
    const out = tempDir('pd-out-');
    expect(knownInputHashes(out)).toBeUndefined();
    fs.writeFileSync(path.join(out, INPUTS_NAME), '{\n  "spec:x": "abc"\n}\n');
    expect(knownInputHashes(out)).toBeUndefined();
  });
});

describe('runs that trust the recorded stats', () => {
  it('record every settled spec; a no-change run is up to date; an edit that keeps the size and puts the mtime back is still seen (its ctime moved)', async () => {
    const registry = copySpecs();
    const out = tempDir('pd-out-');
    const file = path.join(registry, SERVICE);
    // A whole second, so that utimes can put it back exactly.
    fs.utimesSync(file, 1_700_000_000, 1_700_000_000);
    // Files changed in the last 2 s are not vouched for by their stat (SETTLED_NS): let the copy settle.
    await new Promise((r) => setTimeout(r, 2100));
    const first = await generate({ registry, out });
    expect(first.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const record = readInputsRecord(out)!;
    const specs = [...record.keys()].filter((k) => k.startsWith('spec:')).map((k) => path.join(registry, k.slice('spec:'.length)));
    expect(specs.length).toBeGreaterThan(0);
    for (const s of specs) expect(record.get(`${STAT_PREFIX}${s}`)?.split(' ')[0]).toBe(record.get(`spec:${path.relative(registry, s)}`));
    expect((await generate({ registry, out })).upToDate).toBe(true);

    const before = fs.statSync(file, { bigint: true });
    const text = fs.readFileSync(file, 'utf8');
    const edited = text.replace('Revokes an access token.', 'REVOKES an access token.');
    expect(edited.length).toBe(text.length);
    fs.writeFileSync(file, edited);
    fs.utimesSync(file, 1_700_000_000, 1_700_000_000);
    const after = fs.statSync(file, { bigint: true });
    expect([after.size, after.ino, after.mtimeNs]).toEqual([before.size, before.ino, before.mtimeNs]);
    const third = await generate({ registry, out });
    expect(third.upToDate).toBe(false);
    expect(fs.readFileSync(path.join(out, PAGE), 'utf8')).toContain('REVOKES an access token.');
  });
});
