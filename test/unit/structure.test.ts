import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, listFiles } from '../helpers/shared.js';

// Rules of the code's shape that a type check does not see: one definition of
// each shared helper, stage folders that import only what flows into them, and
// no test hooks in production interfaces.

const GEN = path.join(REPO, 'generator');
const sources = listFiles(GEN).filter((f) => f.endsWith('.ts'));
const text = new Map(sources.map((f) => [f, fs.readFileSync(path.join(GEN, f), 'utf8')]));

/** Files defining a function (or const arrow) named `name`. */
function definitions(name: string): string[] {
  const re = new RegExp(`(?:function\\s+${name}\\s*[(<]|const\\s+${name}\\s*=)`);
  return sources.filter((f) => re.test(text.get(f)!));
}

describe('generator/ structure', () => {
  it('one string comparator: no hand-written `a < b ? -1 : ...` outside compare.ts', () => {
    const offenders = sources.filter((f) => f !== 'compare.ts' && /<\s*\w+\s*\?\s*-1\s*:/.test(text.get(f)!));
    expect(offenders).toEqual([]);
    expect(definitions('compareStrings')).toEqual(['compare.ts']);
  });

  it('one sortDiagnostics', () => {
    expect(definitions('sortDiagnostics')).toEqual(['diagnostics.ts']);
  });

  it('Diagnostic has a module of its own, which every stage imports it from', () => {
    expect(text.get('model/types.ts')).not.toMatch(/interface Diagnostic\b/);
    const fromTypes = sources.filter((f) => /import[^;]*\bDiagnostic\b[^;]*from '[./]*(model\/)?types\.js'/.test(text.get(f)!));
    expect(fromTypes).toEqual([]);
  });

  it('model/ imports no code from load/ (JSON pointers are shared, not the loader\'s)', () => {
    const offenders = sources.filter((f) => f.startsWith('model/') && /^import (?!type )[^;]*from '\.\.\/load\//m.test(text.get(f)!));
    expect(offenders).toEqual([]);
  });

  it('the production WriteOptions carries no test hooks', () => {
    const src = text.get('write/write-output.ts')!;
    const body = /export interface WriteOptions \{([\s\S]*?)\n\}/.exec(src)![1]!;
    expect(body).not.toMatch(/__\w+/);
  });
});
