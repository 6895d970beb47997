import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../generator/diagnostics.js';
import type { GenerateResult } from '../../generator/generate.js';
import { GROUP_SAMPLE, exitCodeOf, groupedWarnings, reportRun } from '../../generator/report.js';
import type { WriteResult } from '../../generator/write/write-output.js';
import { copySpecs, runCli, tempDir } from '../helpers/cli.js';

// The one reporter: what a run prints, its summary line and its exit code, for the CLI and the
// Docusaurus command alike. The library returns data only.

const warning = (code: string, n: number): Diagnostic => ({ severity: 'warning', code, message: `odd thing ${n}`, file: `s${n}.yaml`, pointer: `/x/${n}`, line: n });
const write = (over: Partial<WriteResult> = {}): WriteResult => ({ added: [], changed: [], removed: [], unchanged: [], conflicts: [], blocked: [], diagnostics: [], wrote: false, ...over });
const result = (diagnostics: Diagnostic[], w?: WriteResult): GenerateResult => ({
  diagnostics,
  paths: [],
  upToDate: false,
  counts: { providers: 1, services: 1, resources: 1, pages: 3, reused: 0 },
  ...(w ? { write: w } : {}),
});

describe('reportRun', () => {
  const many = [...Array.from({ length: 10 }, (_, i) => warning('param-no-schema', i + 1)), warning('yaml-duplicate-key', 20)];

  it('groups warnings by code with a count and the first few places, then the summary line', () => {
    const r = reportRun(result(many, write({ added: ['a'], wrote: true })), { seconds: '0.10' });
    expect(r.stderr).toEqual([
      `warning param-no-schema: 10 warnings; the first ${GROUP_SAMPLE}:`,
      '  s1.yaml:1: warning param-no-schema: odd thing 1 (at /x/1)',
      '  s2.yaml:2: warning param-no-schema: odd thing 2 (at /x/2)',
      '  s3.yaml:3: warning param-no-schema: odd thing 3 (at /x/3)',
      '  ... and 7 more (--verbose lists every warning)',
      's20.yaml:20: warning yaml-duplicate-key: odd thing 20 (at /x/20)',
    ]);
    expect(r.stdout).toEqual([r.summary]);
    expect(r.summary).toMatch(/^1 providers, 1 services, 1 resources, 3 pages \(1 written, 0 removed, 0 unchanged\), 0 errors, 11 warnings, 0.10s$/);
    expect(r.exitCode).toBe(0);
  });

  it('--verbose prints every warning, --quiet none', () => {
    expect(reportRun(result(many, write()), { verbose: true, seconds: '0' }).stderr).toHaveLength(11);
    expect(reportRun(result(many, write()), { quiet: true, seconds: '0' }).stderr).toEqual([]);
  });

  it('--strict: warnings print, count and exit as errors', () => {
    const r = reportRun(result([warning('param-no-schema', 1)]), { strict: true, seconds: '0' });
    expect(r.stderr).toEqual(['s1.yaml:1: error param-no-schema: odd thing 1 (at /x/1)']);
    expect(r.summary).toContain('1 errors, 0 warnings');
    expect(r.exitCode).toBe(2);
  });

  it('decides the exit code: errors 2, stale docs under --check 1, else 0', () => {
    const err: Diagnostic = { ...warning('x', 1), severity: 'error' };
    expect(exitCodeOf(result([err]), {})).toBe(2);
    expect(exitCodeOf(result([], write({ changed: ['p'] })), { check: true })).toBe(1);
    expect(exitCodeOf(result([], write({ changed: ['p'] })), {})).toBe(0);
    expect(exitCodeOf(result([], write()), { check: true })).toBe(0);
  });

  it('a small group is printed line by line, not summarised', () => {
    const few = Array.from({ length: GROUP_SAMPLE + 1 }, (_, i) => warning('c', i));
    expect(groupedWarnings(few)).toHaveLength(GROUP_SAMPLE + 1);
    expect(groupedWarnings(few).every((l) => l.includes('warning c:'))).toBe(true);
  });
});

describe('the CLI prints through the reporter', () => {
  it('a run with nothing changed says how many warnings the last full run had', () => {
    const registry = copySpecs();
    // A parameter without a schema: a warning.
    const svc = path.join(registry, 'databricks_workspace/v00.00.00000/services/workspace.yaml');
    const text = fs.readFileSync(svc, 'utf8');
    const patched = text.replace('starts with this prefix.\n        schema:\n          type: string\n', 'starts with this prefix.\n');
    expect(patched).not.toBe(text);
    fs.writeFileSync(svc, patched);
    const out = tempDir();
    const first = runCli(['generate', '--registry', registry, '--out', out]);
    expect(first.code).toBe(0);
    const warnings = Number(/, (\d+) warnings, /.exec(first.stdout)![1]);
    expect(warnings).toBeGreaterThan(0);
    const second = runCli(['generate', '--registry', registry, '--out', out]);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(new RegExp(`^up to date: .*nothing written, ${warnings} warnings? at the last full run, [0-9.]+s\\n$`));
  });
});
