import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, snapshot, tempDir } from '../helpers/cli.js';
import { providerYaml, serviceYaml, writeRegistry } from '../helpers/mini-registry.js';

// A run with worker threads (the compiled CLI) is pipelined: one pool of
// threads serves every provider, and while the main thread writes a provider,
// the workers already compute the next one. However the jobs are shared out,
// and whatever goes wrong in the middle (a provider with errors, a job that
// throws, a worker that dies), the run must end exactly as a single-threaded
// run does: same pages, same messages, same exit code, same folders left as
// they were. thread-faults.mjs makes a worker take a job of the second
// provider while the main thread is still on the first.

const FAULTS = path.join(import.meta.dirname, 'thread-faults.mjs');
const NO_SETTINGS = tempDir('pd-no-settings-');
// Machine-local records of a run (the per-service cache holds serialized job results, not pages).
const MACHINE_LOCAL = /^\.provider-docs-((cache|inputs)\.json$|services\/)/;

/** a: one service (so the main thread's first job is all of it); b, c, d: three each. */
function registry(): string {
  const files: Record<string, string> = {};
  for (const [p, names] of Object.entries({ a: ['s'], b: ['s', 't', 'u'], c: ['s', 't', 'u'], d: ['s', 't', 'u'] })) {
    files[`${p}/v1/provider.yaml`] = providerYaml(p, Object.fromEntries(names.map((n) => [n, `${p}/v1/services/${n}.yaml`])));
    for (const n of names) files[`${p}/v1/services/${n}.yaml`] = serviceYaml({ resourceId: `${p}.${n}.things`, description: `Lists ${p} ${n} things.` });
  }
  return writeRegistry(files);
}

function run(root: string, out: string, threads: number, faults: Record<string, string> = {}) {
  const env: Record<string, string> = { PROVIDER_DOCS_THREADS: String(threads), PROVIDER_DOCS_TRACE: '1', ...faults };
  if (Object.keys(faults).length > 0) env['NODE_OPTIONS'] = `${process.env['NODE_OPTIONS'] ?? ''} --import ${FAULTS}`.trim();
  const r = runCli(['generate', '--registry', root, '--out', out, '--settings', NO_SETTINGS], undefined, env);
  const lines = (s: string) => s.split('\n').filter((l) => !l.startsWith('[trace]'));
  return { ...r, out, trace: r.stderr.split('\n').filter((l) => l.startsWith('[trace]')), messages: lines(r.stderr), summary: r.stdout.replace(/[\d.]+s\n?$/, '') };
}

/** The output folder's files and their bytes (mtimes too when `times`), without the machine-local records. */
function tree(out: string, times = false): Map<string, string> {
  const result = new Map<string, string>();
  for (const [p, v] of snapshot(out)) if (!MACHINE_LOCAL.test(p)) result.set(p, times ? v : v.replace(/^[\d.]+:/, ''));
  return result;
}

const under = (t: Map<string, string>, prefix: string) => new Map([...t].filter(([p]) => p.startsWith(prefix)));
const edit = (root: string, rel: string, from: string, to: string) => {
  const file = path.join(root, rel);
  const text = fs.readFileSync(file, 'utf8');
  expect(text).toContain(from);
  fs.writeFileSync(file, text.replace(from, to));
};
const copyOut = (from: string) => {
  const to = path.join(tempDir('pd-out-'), 'docs');
  fs.cpSync(from, to, { recursive: true, preserveTimestamps: true });
  return to;
};

describe('a pipelined run (worker threads)', () => {
  it('computes the next provider in a worker while the main thread is on the last, and writes what one thread writes', () => {
    const root = registry();
    const one = run(root, path.join(tempDir('pd-out-'), 'docs'), 1);
    const marker = path.join(tempDir('pd-marker-'), 'taken');
    const two = run(root, path.join(tempDir('pd-out-'), 'docs'), 2, { PD_FAULT_MARKER: marker });
    expect(one.code, one.stderr).toBe(0);
    expect(two.code, two.stderr).toBe(0);
    const worker = two.trace.find((l) => /worker 1: \d+ services/.test(l));
    expect(Number(/worker 1: (\d+) services/.exec(worker ?? '')?.[1])).toBeGreaterThan(0);
    expect(two.summary).toBe(one.summary);
    expect(two.messages).toEqual(one.messages);
    expect(tree(two.out)).toEqual(tree(one.out));
  });

  it('leaves a failing provider in the middle as it was and writes the others, as one thread does', () => {
    const root = registry();
    const first = path.join(tempDir('pd-out-'), 'docs');
    expect(run(root, first, 2).code).toBe(0);
    edit(root, 'b/v1/services/t.yaml', '    get:\n', '    get: [\n');
    for (const p of ['a', 'c', 'd']) edit(root, `${p}/v1/services/s.yaml`, `Lists ${p} s things.`, `Lists ${p} s things, changed.`);
    const outOne = copyOut(first);
    const outTwo = copyOut(first);
    const before = tree(outTwo, true);

    const one = run(root, outOne, 1);
    const two = run(root, outTwo, 2, { PD_FAULT_MARKER: path.join(tempDir('pd-marker-'), 'taken') });
    expect(one.code).toBe(2);
    expect(two.code).toBe(2);
    expect(two.messages).toEqual(one.messages);
    expect(two.messages.join('\n')).toMatch(/b\/v1\/services\/t\.yaml:\d+:\d+: error yaml-syntax/);
    expect(two.summary).toBe(one.summary);
    expect(under(tree(outTwo, true), 'providers/b/')).toEqual(under(before, 'providers/b/'));
    expect(tree(outTwo)).toEqual(tree(outOne));
    for (const p of ['a', 'c', 'd']) expect(fs.readFileSync(path.join(outTwo, `providers/${p}/s/things/index.md`), 'utf8')).toContain(`Lists ${p} s things, changed.`);
  });

  it('runs the job of a worker that died on the main thread, and the run is the same', () => {
    const root = registry();
    const one = run(root, path.join(tempDir('pd-out-'), 'docs'), 1);
    const two = run(root, path.join(tempDir('pd-out-'), 'docs'), 2, { PD_FAULT_MARKER: path.join(tempDir('pd-marker-'), 'taken'), PD_FAULT_WORKER_EXIT: '1' });
    expect(one.code, one.stderr).toBe(0);
    expect(two.code, two.stderr).toBe(0);
    expect(two.trace.join('\n')).toMatch(/worker 1: 0 services, .*exited \(code 3\) before reporting 1, which the main thread runs/);
    expect(two.trace.join('\n')).toMatch(/main thread: 10 services/);
    expect(two.summary).toBe(one.summary);
    expect(two.messages).toEqual(one.messages);
    expect(tree(two.out)).toEqual(tree(one.out));
  });

  it('stops where one thread stops when a job throws, with the same message, providers before it written', () => {
    const root = registry();
    const faults = { PD_FAULT_THROW_ON: `${path.sep}c${path.sep}v1${path.sep}services${path.sep}` };
    const outOne = path.join(tempDir('pd-out-'), 'docs');
    const outTwo = path.join(tempDir('pd-out-'), 'docs');
    const one = run(root, outOne, 1, faults);
    const two = run(root, outTwo, 2, { ...faults, PD_FAULT_MARKER: path.join(tempDir('pd-marker-'), 'taken') });
    expect(one.code).toBe(2);
    expect(two.code).toBe(2);
    expect(one.messages.join('\n')).toMatch(/provider-docs: injected failure parsing s\.yaml/);
    expect(two.messages).toEqual(one.messages);
    const written = [...tree(outTwo).keys()].filter((p) => p.startsWith('providers/') && p !== 'providers/').map((p) => p.split('/')[1]);
    expect([...new Set(written)]).toEqual(['a', 'b']);
    expect(tree(outTwo)).toEqual(tree(outOne));
  });
});
