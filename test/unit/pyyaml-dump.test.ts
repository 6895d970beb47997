import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { pyyamlDump, pythonFloat, resolvesAsNonString } from '../../generator/render/pyyaml-dump.js';

// Expected texts are what PyYAML 6.0 `yaml.safe_dump(doc, sort_keys=False)` writes.

const one = (value: unknown) => pyyamlDump([{ name: 'n', value }]);

describe('pyyamlDump: PyYAML safe_dump, byte for byte', () => {
  it.each<[string, unknown, string]>([
    ['a plain string', 'single-node', '- name: n\n  value: single-node\n'],
    ['a version-like string stays plain', '14.3.x-scala2.12', '- name: n\n  value: 14.3.x-scala2.12\n'],
    ['YAML 1.1 booleans are quoted', 'yes', "- name: n\n  value: 'yes'\n"],
    ['a sexagesimal number is quoted', '1:30', "- name: n\n  value: '1:30'\n"],
    ['a date is quoted', '2024-12-19', "- name: n\n  value: '2024-12-19'\n"],
    ['a number-like string is quoted', '0x1F', "- name: n\n  value: '0x1F'\n"],
    ['the empty string', '', "- name: n\n  value: ''\n"],
    ['a leading indicator', '*wild', "- name: n\n  value: '*wild'\n"],
    ['a colon and space', 'a: b', "- name: n\n  value: 'a: b'\n"],
    ['a comment marker', 'a #b', "- name: n\n  value: 'a #b'\n"],
    ['a quote inside a quoted string', "'it's'", "- name: n\n  value: '''it''s'''\n"],
    ['a trailing space', 'x ', "- name: n\n  value: 'x '\n"],
    ['a line break', 'a\nb', "- name: n\n  value: 'a\n\n    b'\n"],
    ['a tab', 'a\tb', '- name: n\n  value: "a\\tb"\n'],
    ['non-ASCII is escaped', 'café \u{1F600}', '- name: n\n  value: "caf\\xE9 \\U0001F600"\n'],
    ['numbers, booleans and null', [3, 1.5, 1e-5, true, null], '- name: n\n  value:\n  - 3\n  - 1.5\n  - 1.0e-05\n  - true\n  - null\n'],
    ['empty collections', [[], {}], '- name: n\n  value:\n  - []\n  - {}\n'],
    ['nested mappings keep their order', { z: 1, a: [{ k: 'v', b: 2 }] }, '- name: n\n  value:\n    z: 1\n    a:\n    - k: v\n      b: 2\n'],
    ['a sequence in a sequence', [[1, [2]]], '- name: n\n  value:\n  - - 1\n    - - 2\n'],
  ])('%s', (_label, value, expected) => {
    expect(one(value)).toBe(expected);
  });

  it('folds a long plain string at the first single space past column 80, continuation indented', () => {
    const text = 'This model contains model versions that forecast future revenue, given historical data';
    expect(one(text)).toBe('- name: n\n  value: This model contains model versions that forecast future revenue, given historical\n    data\n');
    // Two spaces are never a place to fold.
    expect(one(`${'x'.repeat(75)}  yy zz`)).toBe(`- name: n\n  value: ${'x'.repeat(75)}  yy\n    zz\n`);
  });

  it('folds quoted strings as PyYAML does', () => {
    const single = `'${"it's ".repeat(20).trim()}`;
    expect(one(single)).toBe(
      "- name: n\n  value: '''it''s it''s it''s it''s it''s it''s it''s it''s it''s it''s it''s it''s\n    it''s it''s it''s it''s it''s it''s it''s it''s'\n",
    );
    const e = (n: number) => Array(n).fill('\\xE9').join(' ');
    expect(one('é '.repeat(40).trim())).toBe(`- name: n\n  value: "${e(15)}\\\n    \\ ${e(16)}\\\n    \\ ${e(9)}"\n`);
  });

  it('writes a key that cannot be simple in the explicit form', () => {
    expect(pyyamlDump({ 'a\nb': 1 })).toBe("? 'a\n\n  b'\n: 1\n");
    expect(pyyamlDump({ '': 1 })).toBe("? ''\n: 1\n");
  });

  it('resolves plain scalars with YAML 1.1 implicit types', () => {
    for (const s of ['', '~', 'null', 'No', 'off', '1_000', '-0b101', '.5', '1.', '-.inf', '2024-1-2 3:04:05', '<<', '=']) expect(resolvesAsNonString(s), s).toBe(true);
    for (const s of ['none', 'nope', '1.2.3', '1e5', 'v1', '2024-12', 'x=']) expect(resolvesAsNonString(s), s).toBe(false);
  });

  it('writes floats as Python repr does', () => {
    expect([0.1, 123.456, 1e-5, 2.5e20, -0.25, 1e16 + 0.5, Number.NaN, -Infinity].map(pythonFloat)).toEqual([
      '0.1', '123.456', '1.0e-05', '2.5e+20', '-0.25', '1.0e+16', '.nan', '-.inf',
    ]);
  });
});

// When PyYAML is on this machine, compare with it on strings built to hit its
// rules (quoting, folding, escapes); otherwise say so. The table above holds
// without it.
const python = spawnSync('python3', ['-c', 'import yaml'], { encoding: 'utf8' });
describe('pyyamlDump against PyYAML itself', () => {
  it('agrees on generated strings', (ctx) => {
    if (python.status !== 0) {
      console.warn('SKIPPED: comparing with PyYAML needs python3 with PyYAML');
      ctx.skip();
      return;
    }
    const alphabet = [' ', ' ', 'word', 'ab', ':', '#', '-', "'", '"', '\n', '\t', '\\', '?', ',', '[', '{', 'é', '\u2028', '1', '0', '.', 'e', 'y', '~', '!', '&'];
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const docs = Array.from({ length: 400 }, () => {
      const length = next(4) === 0 ? 40 + next(120) : next(12);
      const s = Array.from({ length }, () => alphabet[next(alphabet.length)]).join('');
      return [{ name: 'n', value: s, [s.slice(0, 20) || 'k']: { inner: [s] } }];
    });
    const r = spawnSync('python3', ['-c', 'import json,sys,yaml; print(json.dumps([yaml.safe_dump(d, sort_keys=False) for d in json.load(sys.stdin)]))'], {
      input: JSON.stringify(docs),
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    expect(r.status, r.stderr).toBe(0);
    const expected = JSON.parse(r.stdout) as string[];
    expect(docs.map((d) => pyyamlDump(d))).toEqual(expected);
  });
});
