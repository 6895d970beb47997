import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copySpecs, runCli, snapshot, tempDir } from '../helpers/cli.js';
import { sharedPath, skipNotice } from '../helpers/shared.js';

// Services can run in worker threads (PROVIDER_DOCS_THREADS, or by default on
// machines with cores to spare). However the services are shared out, a run
// must write the same bytes and report the same problems, located the same way.

// Machine-local records of a run (the per-service cache holds serialized job results, not pages).
const MACHINE_LOCAL = /^\.provider-docs-((cache|inputs)\.json$|services\/)/;

function generate(registry: string, threads: number, extra: string[] = []) {
  const out = tempDir('pd-threads-');
  const r = runCli(['generate', '--registry', registry, '--out', out, ...extra], undefined, { PROVIDER_DOCS_THREADS: String(threads), PROVIDER_DOCS_TRACE: '1' });
  return { ...r, out };
}

function pages(out: string): Map<string, string> {
  const result = new Map<string, string>();
  for (const [p] of snapshot(out)) if (!p.endsWith('/') && !MACHINE_LOCAL.test(p)) result.set(p, fs.readFileSync(path.join(out, p), 'utf8'));
  return result;
}

describe('worker threads', () => {
  it('write the same pages as one thread, with every service run once', () => {
    const registry = copySpecs();
    const one = generate(registry, 1);
    const three = generate(registry, 3);
    expect(one.code, one.stderr).toBe(0);
    expect(three.code, three.stderr).toBe(0);
    // The trace shows the work was really shared out: per thread, how many services it ran.
    // One pool serves the whole run (both providers): the main thread and two workers.
    const counts = [...three.stderr.matchAll(/\[trace\] (?:main thread|worker \d+): (\d+) services/g)].map((m) => Number(m[1]));
    const services = ['databricks_account', 'databricks_workspace'].map((p) => fs.readdirSync(path.join(registry, p, 'v00.00.00000/services')).length);
    expect(counts).toHaveLength(3);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(services.reduce((a, b) => a + b, 0));
    expect(pages(three.out)).toEqual(pages(one.out));
    expect(three.stdout.replace(/[\d.]+s\n?$/, '')).toBe(one.stdout.replace(/[\d.]+s\n?$/, ''));
  });

  it('report errors found in a worker with the same file, line and pointer', () => {
    const registry = copySpecs();
    const svc = path.join(registry, 'databricks_workspace/v00.00.00000/services/workspace.yaml');
    fs.writeFileSync(svc, fs.readFileSync(svc, 'utf8').replace(/\$ref: '#\/paths\/~1api~12.0~1token~1list\/get'/, "$ref: '#/paths/~1api~12.0~1token~1nowhere/get'"));
    const one = generate(registry, 1);
    const two = generate(registry, 2);
    expect(one.code).toBe(2);
    expect(two.code).toBe(2);
    expect(one.stderr).toMatch(/workspace\.yaml:\d+:\d+: error ref-unresolved/);
    const errors = (s: string) => s.split('\n').filter((l) => !l.startsWith('[trace]'));
    expect(errors(two.stderr)).toEqual(errors(one.stderr));
    // Only the provider with the error is left as it was (here: never written); the other one is written.
    expect([...snapshot(two.out).keys()].filter((p) => p.startsWith('providers/databricks_workspace'))).toEqual([]);
    expect(pages(two.out)).toEqual(pages(one.out));
  });

  const big = sharedPath('specs', 'databricks-2026-02');
  it('write the same pages as one thread on a real registry', () => {
    if (!big) return skipNotice('comparing threads on databricks-2026-02');
    const one = generate(big, 1);
    const two = generate(big, 2);
    expect(one.code, one.stderr).toBe(0);
    expect(two.code, two.stderr).toBe(0);
    expect(pages(two.out)).toEqual(pages(one.out));
  }, 60_000);
});
