import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { CORE_SCHEMA } from '../../generator/load/yaml-schema.js';
import { listFiles, sharedPath, skipNotice } from '../helpers/shared.js';

// Our schema must read every document exactly as js-yaml's CORE_SCHEMA does.

type Outcome = { ok: true; value: unknown } | { ok: false };

function load(text: string, schema: yaml.Schema): Outcome {
  try {
    return { ok: true, value: yaml.load(text, { schema }) };
  } catch {
    return { ok: false };
  }
}

function sameAsCore(text: string): void {
  const ours = load(text, CORE_SCHEMA);
  const core = load(text, yaml.CORE_SCHEMA);
  // isDeepStrictEqual tells 0 from -0 and NaN from a string, and treats NaN as equal to NaN.
  if (!isDeepStrictEqual(ours, core)) throw new Error(`${JSON.stringify(text)}: ours ${String((ours as { value?: unknown }).value)}, core ${String((core as { value?: unknown }).value)}`);
}

// Plain scalars built from what numbers, keywords and near-misses are made of.
const scalarChars = fc.constantFrom(...'0123456789+-._eExXoObB~nNuUlLtTrRfFaAsSiIyY:abcdf '.split(''));
const words = fc.constantFrom('null', 'Null', 'NULL', '~', 'true', 'True', 'TRUE', 'false', 'FALSE', 'yes', 'no', 'on', '.inf', '-.Inf', '.NaN', '0x1F', '0o17', '0b101', '1_000', '1e3', '2024-12-19', '12:30', '');
const scalar = fc.oneof(
  fc.array(scalarChars, { maxLength: 10 }).map((cs) => cs.join('').trim()),
  fc.tuple(words, fc.array(scalarChars, { maxLength: 3 })).map(([w, cs]) => (w + cs.join('')).trim()),
  words,
);

describe('CORE_SCHEMA with one implicit resolver', () => {
  it('types plain scalars as js-yaml CORE_SCHEMA does, as values, keys and list items', () => {
    fc.assert(
      fc.property(scalar, (s) => {
        sameAsCore(`v: ${s}\n`);
        sameAsCore(`${s}: v\n`);
        sameAsCore(`- ${s}\n- [${s}]\n- {k: ${s}}\n`);
        sameAsCore(`v: "${s}"\nw: '${s}'\n`);
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps explicit tags and the typed keywords', () => {
    const doc = yaml.load('a: !!int "3"\nb: !!float 1\nc: !!bool true\nd: !!null ~\ne: !!str 3\nf: ~\ng: .inf\nh: 0x1F\ni: 2024-12-19\n', { schema: CORE_SCHEMA });
    expect(doc).toEqual({ a: 3, b: 1, c: true, d: null, e: '3', f: null, g: Infinity, h: 31, i: '2024-12-19' });
    sameAsCore('a: !!int "3"\nb: !!float 1\nc: !!bool true\nd: !!null ~\ne: !!str 3\n');
    // Both refuse a quoted empty string as null.
    expect(load('d: !!null ""', CORE_SCHEMA)).toEqual({ ok: false });
    sameAsCore('d: !!null ""');
  });

  for (const registry of ['databricks-2024-12', 'databricks-2026-02', 'databricks-2026-07']) {
    const root = sharedPath('specs', registry);
    if (!root) {
      it(`reads ${registry} as CORE_SCHEMA does`, () => skipNotice(`comparing schemas on ${registry}`));
      continue;
    }
    it(`reads every file of ${registry} as CORE_SCHEMA does`, () => {
      const files = listFiles(root).filter((f) => f.endsWith('.yaml'));
      expect(files.length).toBeGreaterThan(10);
      for (const f of files) {
        const text = fs.readFileSync(path.join(root, f), 'utf8');
        expect(isDeepStrictEqual(yaml.load(text, { schema: CORE_SCHEMA }), yaml.load(text, { schema: yaml.CORE_SCHEMA })), f).toBe(true);
      }
    }, 60_000);
  }
});
