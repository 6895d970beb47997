import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import yaml from 'js-yaml';
import { LineCounter, parseDocument, isMap, isSeq, isPair, isScalar, type Node } from 'yaml';
import { scanBlockYaml } from '../../generator/load/locate.js';
import { locateDiagnostics } from '../../generator/load/locate-diagnostics.js';
import { joinPointer, splitPointer } from '../../generator/json-pointer.js';
import { REPO, sharedPath } from '../helpers/shared.js';

// The indentation scan that locates pointers quickly must agree with the
// position-aware parser wherever it answers.

function referenceFor(text: string): (pointer: string) => number {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: false });
  return (pointer) => reference(doc, lc, pointer);
}

function reference(doc: ReturnType<typeof parseDocument>, lc: LineCounter, pointer: string): number {
  let node = doc.contents as Node | null;
  let offset = 0;
  for (const seg of splitPointer(pointer)) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === seg)!;
      offset = (pair.key as Node).range![0];
      node = pair.value as Node;
    } else if (isSeq(node)) {
      node = node.items[Number(seg)] as Node;
      offset = node.range![0];
    }
  }
  return lc.linePos(offset).line;
}

function samplePointers(doc: unknown, every: number): string[] {
  const out: string[] = [];
  let n = 0;
  const walk = (v: unknown, p: string) => {
    if (n++ % every === 0 && p) out.push(p);
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, joinPointer(p, i)));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, joinPointer(p, k));
  };
  walk(doc, '');
  return out;
}

const files = [
  `${REPO}specs/databricks_workspace/v00.00.00000/services/workspace.yaml`,
  sharedPath('specs', 'databricks-2024-12', 'databricks_workspace', 'v00.00.00000', 'services', 'compute.yaml'),
  sharedPath('specs', 'databricks-2026-07', 'databricks_workspace', 'v00.00.00000', 'services', 'compute.yaml'),
].filter((f): f is string => f !== undefined);

describe('scanBlockYaml agrees with the yaml parser', () => {
  for (const file of files) {
    it(file.split('/').slice(-4).join('/'), () => {
      const text = fs.readFileSync(file, 'utf8');
      const lines = text.split('\n');
      const pointers = samplePointers(yaml.load(text, { schema: yaml.CORE_SCHEMA, json: true }), 37);
      const ref = referenceFor(text);
      let answered = 0;
      for (const p of pointers) {
        const fast = scanBlockYaml(lines, splitPointer(p));
        if (!fast) continue;
        answered++;
        expect(fast.line, p).toBe(ref(p));
      }
      expect(answered / pointers.length).toBeGreaterThan(0.9);
    });
  }

  it.each([
    ['a:\n  b: 1\n', '/a/b', 2],
    ['a:\n- x: 1\n- y: 2\n  z: 3\n', '/a/1/z', 4],
    ["'200':\n  d: x\n", '/200/d', 2],
    ['a:\n  - b\n  - c\n', '/a/1', 3],
  ])('%j %s', (text, pointer, line) => {
    expect(scanBlockYaml(text.split('\n'), splitPointer(pointer))?.line).toBe(line);
  });

  it('gives up on flow collections and missing keys', () => {
    expect(scanBlockYaml('a: {b: 1}\n'.split('\n'), ['a', 'b'])).toBeUndefined();
    expect(scanBlockYaml('a:\n  b: 1\n'.split('\n'), ['a', 'c'])).toBeUndefined();
  });
});

describe('locateDiagnostics', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-locate-'));
  fs.writeFileSync(path.join(root, 'svc.yaml'), 'a:\n  b:\n    c: 1\n');
  const base = { severity: 'warning', code: 'x', message: 'm', file: 'svc.yaml' } as const;

  it('locates a pointer in a file the run did not parse', () => {
    expect(locateDiagnostics([{ ...base, pointer: '/a/b/c' }], new Map(), root)).toEqual([{ ...base, pointer: '/a/b/c', line: 3, column: 5 }]);
  });

  // A cached service's warnings come back located: reading a megabyte spec again for each of
  // them cost a one-service run more than its own service.
  it('reads no file for a diagnostic that has its line and pointer already', () => {
    const read = vi.spyOn(fs, 'readFileSync');
    try {
      const located = { ...base, pointer: '/a/b/c', line: 7, column: 2 };
      expect(locateDiagnostics([located], new Map(), root)).toEqual([located]);
      expect(read.mock.calls.filter(([p]) => String(p).startsWith(root))).toEqual([]);
      // a syntax error (a line, no pointer) still gets its pointer from the file
      expect(locateDiagnostics([{ ...base, pointer: '', line: 3 }], new Map(), root)[0]!.pointer).not.toBe('');
      expect(read.mock.calls.filter(([p]) => String(p).startsWith(root)).length).toBe(1);
    } finally {
      read.mockRestore();
    }
  });
});
