import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { Fingerprint } from '../../generator/load/input-fingerprint.js';
import { hashOfText } from '../../generator/load/load-registry.js';
import { MANIFEST_NAME, STAT_CACHE_NAME } from '../../generator/write/paths.js';
import { readManifest, rememberManifest, serializeManifest } from '../../generator/write/manifest.js';
import { hasRunRecords } from '../../generator/write/outputs-current.js';
import { openServiceCache } from '../../generator/write/service-cache.js';
import { readStatCache, saveStatCache, serializeStatCache, type StatEntry } from '../../generator/write/stat-cache.js';
import { INPUTS_NAME } from '../../generator/write/inputs-record.js';
import { tempDir } from './helpers.js';
import { listFiles } from '../helpers/shared.js';

// What a cold run over many providers no longer does twice (the spec files'
// hashes, the manifest's and stat cache's parsing and formatting, the service
// cache's listing) must give exactly what doing it again gives.

const sha = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');

describe('hashOfText: the hash of the bytes a text was decoded from', () => {
  test.each([
    ['ascii', Buffer.from('a: 1\n')],
    ['multi-byte and a BOM', Buffer.from('\uFEFFname: "é – 漢字 😀"\n')],
    ['a literal U+FFFD', Buffer.from('x: "\uFFFD"\n')],
    ['an invalid byte', Buffer.from([0x61, 0x3a, 0x20, 0xff, 0x0a])],
    ['a cut 4-byte sequence (decodes to one U+FFFD of 3 bytes)', Buffer.from([0x61, 0x3a, 0x20, 0xf0, 0x9f, 0x98, 0x0a])],
    ['an encoded surrogate', Buffer.from([0x61, 0xed, 0xa0, 0x80, 0x0a])],
  ])('%s', (_name, bytes) => {
    const file = join(tempDir(), 'x.yaml');
    writeFileSync(file, bytes);
    expect(hashOfText(readFileSync(file, 'utf8'), file)).toBe(sha(bytes));
  });
});

describe('Fingerprint: spec hashes learned from the loader', () => {
  function setup() {
    const root = tempDir();
    const files: Record<string, string> = { 'p/v1/provider.yaml': 'id: p\n', 'p/v1/services/a.yaml': 'a: 1\n', 'p/v1/services/b.yaml': 'b: 2\n', 'README.md': 'not a spec\n' };
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(join(root, rel, '..'), { recursive: true });
      writeFileSync(join(root, rel), text);
    }
    const code = tempDir();
    writeFileSync(join(code, 'x.js'), 'export {};\n');
    return { root, files, input: { registry: root, providers: [], templateDirs: [], options: { layout: 'classic' }, codeDir: code } };
  }

  test('waits for the spec hashes, takes those of covered files, hashes the rest at the end: the same map as hashing up front', () => {
    const { root, files, input } = setup();
    const upFront = new Fingerprint(input, false);
    expect(upFront.incomplete).toBe(false);
    const later = new Fingerprint(input, true);
    expect(later.incomplete).toBe(true);
    expect([...later.inputs.keys()].some((k) => k.startsWith('spec:'))).toBe(false);
    later.learn('p/v1/services/a.yaml', sha(files['p/v1/services/a.yaml']!));
    later.learn('elsewhere/x.yaml', 'ignored: not a file it covers');
    expect(later.inputs.get('spec:p/v1/services/a.yaml')).toBe(sha('a: 1\n'));
    expect(later.inputs.has('spec:elsewhere/x.yaml')).toBe(false);
    const done = later.complete();
    expect(later.incomplete).toBe(false);
    expect(new Map([...done].sort())).toEqual(new Map([...upFront.inputs].sort()));
    expect(done.get('spec:README.md')).toBe(sha(readFileSync(join(root, 'README.md'))));
  });

  test('a hash learned twice or after completion changes nothing', () => {
    const { input } = setup();
    const f = new Fingerprint(input, true);
    f.learn('p/v1/services/b.yaml', sha('b: 2\n'));
    f.learn('p/v1/services/b.yaml', 'other');
    f.complete();
    f.learn('p/v1/services/a.yaml', 'other');
    expect(f.inputs.get('spec:p/v1/services/b.yaml')).toBe(sha('b: 2\n'));
    expect(f.inputs.get('spec:p/v1/services/a.yaml')).toBe(sha('a: 1\n'));
  });
});

describe('hasRunRecords', () => {
  test('false for a missing or fresh folder, true with an inputs record or a cached service', () => {
    const out = tempDir();
    expect(hasRunRecords(join(out, 'missing'))).toBe(false);
    expect(hasRunRecords(out)).toBe(false);
    const cache = openServiceCache<string>(out, false);
    cache.set('p', 's', 'k', 'v');
    expect(hasRunRecords(out)).toBe(true);
    const other = tempDir();
    writeFileSync(join(other, INPUTS_NAME), '{}\n');
    expect(hasRunRecords(other)).toBe(true);
  });
});

describe('the manifest and stat cache a run wrote are not parsed again, and anything else is', () => {
  test('readManifest: the remembered manifest for its exact text, a fresh parse for an edited file', () => {
    const out = tempDir();
    const manifest = { files: new Map([['a.md', { sha256: 'a'.repeat(64), size: 1 }]]) };
    const text = serializeManifest(manifest);
    writeFileSync(join(out, MANIFEST_NAME), text);
    rememberManifest(out, manifest, text);
    const read = readManifest(out);
    expect(read.kind === 'ok' && read.manifest).toBe(manifest);
    const edited = text.replace('"size": 1', '"size": 2');
    writeFileSync(join(out, MANIFEST_NAME), edited);
    const again = readManifest(out);
    expect(again.kind === 'ok' && again.manifest.files.get('a.md')?.size).toBe(2);
    expect(again.kind === 'ok' && again.text).toBe(edited);
  });

  test('serializeManifest formats each entry object once, and the text is the same', () => {
    const entry = { sha256: 'b'.repeat(64), size: 3 };
    const one = serializeManifest({ files: new Map([['b.md', entry]]) });
    // The same entry object under another path is formatted for that path.
    const two = serializeManifest({ files: new Map([['c.md', entry], ['b.md', entry]]) });
    expect(two).toBe(serializeManifest({ files: new Map([['b.md', { ...entry }], ['c.md', { ...entry }]]) }));
    expect(one).toContain('"b.md"');
  });

  test('readStatCache: what saveStatCache wrote comes back equal; an edited file is parsed afresh', () => {
    const out = tempDir();
    const entry: StatEntry = { sha256: 'c'.repeat(64), size: 1n, ino: 2n, mtimeNs: 3n, ctimeNs: 4n };
    saveStatCache(out, new Map([['x.md', entry]]));
    const back = readStatCache(out);
    expect([...back.entries]).toEqual([['x.md', entry]]);
    const text = readFileSync(join(out, STAT_CACHE_NAME), 'utf8');
    expect(serializeStatCache(back.entries)).toBe(text);
    writeFileSync(join(out, STAT_CACHE_NAME), text.replace('"1", "2"', '"5", "2"'));
    expect(readStatCache(out).entries.get('x.md')?.size).toBe(5n);
  });
});

describe('service cache: a folder per service', () => {
  test('storing drops the entry under the old key, prune drops services not met', () => {
    const out = tempDir();
    const first = openServiceCache<string>(out, false);
    first.set('p', 'a', 'k1', 'a1');
    first.set('p', 'b', 'k1', 'b1');
    first.set('p', 'a', 'k2', 'a2');
    const dir = join(out, '.provider-docs-services');
    expect(listFiles(dir).map((f) => f.slice(33)).sort()).toEqual(['k1.bin', 'k2.bin']);
    const second = openServiceCache<string>(out, false);
    expect(second.get('p', 'a', 'k2')).toBe('a2');
    expect(second.get('p', 'a', 'k1')).toBeUndefined();
    second.set('p', 'a', 'k3', 'a3');
    second.prune();
    expect(listFiles(dir).map((f) => f.slice(33))).toEqual(['k3.bin']);
    expect(second.get('p', 'a', 'k3')).toBe('a3');
  });

  // A dev server's watcher re-reads every name of a folder in which a file is renamed: a store
  // renames in a folder of the service's own, never in the folder of every service.
  test('a store changes only its service\'s folder, which holds its one entry', () => {
    const out = tempDir();
    const cache = openServiceCache<string>(out, false);
    for (const s of ['a', 'b', 'c']) cache.set('p', s, 'k1', s);
    const dir = join(out, '.provider-docs-services');
    const top = readdirSync(dir).sort();
    expect(top).toHaveLength(3);
    const before = new Map(top.map((n) => [n, statSync(join(dir, n)).mtimeMs]));
    const topTime = statSync(dir).mtimeMs;
    const again = openServiceCache<string>(out, false);
    again.set('p', 'b', 'k2', 'b2');
    expect(readdirSync(dir).sort()).toEqual(top);
    const changed = top.filter((n) => readdirSync(join(dir, n)).join() !== 'k1.bin');
    expect(changed).toHaveLength(1);
    expect(readdirSync(join(dir, changed[0]!))).toEqual(['k2.bin']);
    // the folder of every service was not written: its listing and the other folders are as they were
    expect(statSync(dir).mtimeMs).toBe(topTime);
    for (const n of top) if (n !== changed[0]) expect(statSync(join(dir, n)).mtimeMs).toBe(before.get(n));
  });

  test('prune removes what the one-folder layout left (a file per service beside the folders)', () => {
    const out = tempDir();
    const dir = join(out, '.provider-docs-services');
    mkdirSync(dir, { recursive: true });
    const legacy = `${'0'.repeat(32)}-${'1'.repeat(64)}.bin`;
    writeFileSync(join(dir, legacy), 'old');
    const cache = openServiceCache<string>(out, false);
    cache.set('p', 'a', 'k1', 'a1');
    cache.prune();
    expect(readdirSync(dir)).not.toContain(legacy);
    expect(cache.get('p', 'a', 'k1')).toBe('a1');
  });
});
