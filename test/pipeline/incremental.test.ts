import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generate } from '../../generator/generate.js';
import { tempDir } from '../helpers/cli.js';
import { listFiles, REPO, sharedPath, skipNotice } from '../helpers/shared.js';

// Per-service incremental generation (issue 13): after random edits to one or
// two service files, a run that reuses the unchanged services' results writes
// exactly the tree a cold run writes into an empty folder, every time. A
// malformed edit is reported with its place and changes nothing.

/** Machine-local records of a run, not output. */
const LOCAL = /^\.provider-docs-(inputs\.json|cache\.json|services)$/;

function tree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (d === dir && LOCAL.test(e.name)) continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(path.relative(dir, p), fs.readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

function serviceFiles(registry: string): string[] {
  const out: string[] = [];
  for (const provider of fs.readdirSync(registry)) {
    for (const version of fs.readdirSync(path.join(registry, provider))) {
      const dir = path.join(registry, provider, version, 'services');
      if (fs.existsSync(dir)) for (const f of fs.readdirSync(dir).sort()) out.push(path.join(dir, f));
    }
  }
  return out.sort();
}

type Kind = 'description' | 'title' | 'drop-verb-ref' | 'malformed';
interface Edit {
  readonly file: number;
  readonly kind: Kind;
  readonly pick: number;
}

/** Applies one edit as text; returns false when the file offers nothing to edit that way. */
function apply(file: string, e: Edit, n: number): boolean {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const candidates: number[] = [];
  lines.forEach((l, i) => {
    // Plain scalars only: a word in front keeps them valid YAML.
    if (e.kind === 'description' && /^\s+description: [^|>'"\s]/.test(l)) candidates.push(i);
    if (e.kind === 'title' && /^\s+title: [A-Za-z]/.test(l)) candidates.push(i);
    if (e.kind === 'drop-verb-ref' && /^\s+- \$ref: '#\/components\/x-stackQL-resources\//.test(l)) candidates.push(i);
  });
  if (e.kind === 'malformed') {
    fs.appendFileSync(file, '\n  broken: [unclosed\n');
    return true;
  }
  if (candidates.length === 0) return false;
  const i = candidates[e.pick % candidates.length]!;
  if (e.kind === 'drop-verb-ref') lines.splice(i, 1);
  // A word put in front, never at the end: a plain scalar ending in `:` would become a mapping.
  else lines[i] = lines[i]!.replace(/^(\s+\w+: )/, `$1Edited${n} `);
  fs.writeFileSync(file, lines.join('\n'));
  return true;
}

async function check(registry: string, layout: string, runs: number): Promise<void> {
  const files = serviceFiles(registry);
  const edit = fc.record({ file: fc.nat({ max: files.length - 1 }), kind: fc.constantFrom<Kind>('description', 'description', 'title', 'drop-verb-ref', 'malformed'), pick: fc.nat() });
  // Each step edits one or two service files, then runs.
  const steps = fc.array(fc.array(edit, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 3 });
  await fc.assert(
    fc.asyncProperty(steps, async (plan) => {
      const reg = tempDir('pd-incr-reg-');
      fs.cpSync(registry, reg, { recursive: true });
      const regFiles = serviceFiles(reg);
      const out = tempDir('pd-incr-out-');
      const first = await generate({ registry: reg, out, layout });
      expect(first.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      let n = 0;
      const broken = new Map<string, string>();
      for (const step of plan) {
        let changed = false;
        for (const e of step) {
          const file = regFiles[e.file]!;
          if (!broken.has(file) && e.kind === 'malformed') broken.set(file, fs.readFileSync(file, 'utf8'));
          changed = apply(file, e, ++n) || changed;
        }
        const before = tree(out);
        const incremental = await generate({ registry: reg, out, layout });
        if (broken.size > 0) {
          // A malformed file is reported with its place; its provider is left as it was.
          const errors = incremental.diagnostics.filter((d) => d.code === 'yaml-syntax');
          expect(errors.length).toBeGreaterThan(0);
          for (const d of errors) expect(d.line).toBeGreaterThan(0);
          const names = [...broken.keys()].map((f) => path.relative(reg, f).split(path.sep)[0]!);
          for (const [p, text] of tree(out)) if (names.some((name) => p.startsWith(`providers/${name}/`))) expect(text, p).toBe(before.get(p));
          for (const [file, text] of broken) fs.writeFileSync(file, text);
          broken.clear();
          const repaired = await generate({ registry: reg, out, layout });
          expect(repaired.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        } else {
          expect(incremental.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
          if (changed) expect(incremental.counts.reused).toBeGreaterThan(0);
        }
        const cold = tempDir('pd-incr-cold-');
        const coldRun = await generate({ registry: reg, out: cold, layout });
        expect(coldRun.counts.reused).toBe(0);
        expect(tree(out)).toEqual(tree(cold));
        fs.rmSync(cold, { recursive: true, force: true });
      }
      fs.rmSync(reg, { recursive: true, force: true });
      fs.rmSync(out, { recursive: true, force: true });
    }),
    { numRuns: runs },
  );
}

describe('incremental runs write what cold runs write', () => {
  for (const layout of ['classic', 'detailed']) {
    it(`our specs/, ${layout} layout`, () => check(path.join(REPO, 'specs'), layout, 6), 300_000);
  }
  const d2024 = sharedPath('specs', 'databricks-2024-12');
  it.runIf(d2024)('databricks-2024-12, detailed layout', () => check(d2024!, 'detailed', 2), 600_000);
  if (!d2024) it('databricks-2024-12', () => skipNotice('the incremental check on databricks-2024-12'));

  it('a service left unchanged is not parsed again, and a changed one is', async () => {
    const reg = tempDir('pd-incr-reg-');
    fs.cpSync(path.join(REPO, 'specs'), reg, { recursive: true });
    const out = tempDir('pd-incr-out-');
    const cold = await generate({ registry: reg, out, layout: 'detailed' });
    expect(cold.counts.reused).toBe(0);
    const file = serviceFiles(reg).find((f) => f.endsWith('compute.yaml'))!;
    expect(apply(file, { file: 0, kind: 'description', pick: 3 }, 1)).toBe(true);
    const next = await generate({ registry: reg, out, layout: 'detailed' });
    expect(next.counts.reused).toBe(cold.counts.services - 1);
    // A different layout is a different key: nothing is reused.
    const other = await generate({ registry: reg, out: tempDir('pd-incr-out-'), layout: 'classic' });
    expect(other.counts.reused).toBe(0);
    // --check reads the cache but writes nothing into the output folder.
    apply(file, { file: 0, kind: 'description', pick: 4 }, 2);
    const cacheDir = path.join(out, '.provider-docs-services');
    const entries = () => listFiles(cacheDir).map((f) => [f, fs.readFileSync(path.join(cacheDir, f)).toString('base64')]);
    const snapshot = tree(out);
    const cached = entries();
    expect(cached.length).toBe(cold.counts.services);
    const checked = await generate({ registry: reg, out, layout: 'detailed', check: true });
    expect(checked.counts.reused).toBe(cold.counts.services - 1);
    expect(tree(out)).toEqual(snapshot);
    expect(entries()).toEqual(cached);
  });
});
