import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/generate.js';
import { exitCodeOf } from '../../generator/report.js';
import { compilePage } from '../helpers/compile-mdx.js';
import { tempDir } from '../helpers/cli.js';
import { sharedPath, skipNotice } from '../helpers/shared.js';

// The providers of the August 2026 StackQL registry, exactly as published, with
// their real faults. Each provider is generated once (beforeAll), on its own, and
// its pages are checked while they are in hand: the run exits 0 (warnings are
// fine), every page compiles as MDX, and no output path has a segment that
// Docusaurus would skip (a leading `_`).

const root = sharedPath('specs', 'registry-2026-08');

interface Outcome {
  readonly exitCode: number;
  readonly errors: string[];
  readonly pages: number;
  readonly compileFailures: string[];
  readonly hiddenPaths: string[];
}

async function run(provider: string): Promise<Outcome> {
  const out = path.join(tempDir(`pd-registry-${provider}-`), 'docs');
  const result = await generate({ registry: root!, out, providers: [provider] });
  const compileFailures: string[] = [];
  for (const p of result.paths) {
    try {
      await compilePage(fs.readFileSync(path.join(out, p), 'utf8'), p);
    } catch (e) {
      compileFailures.push(`${p}: ${(e as Error).message}`);
    }
  }
  fs.rmSync(path.dirname(out), { recursive: true, force: true });
  return {
    exitCode: exitCodeOf(result, {}),
    errors: result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line ?? ''} ${d.code}: ${d.message}`),
    pages: result.paths.length,
    compileFailures,
    hiddenPaths: result.paths.filter((p) => p.split('/').some((s) => s.startsWith('_'))),
  };
}

describe('every provider of registry-2026-08', () => {
  if (!root) {
    it('generates', () => skipNotice('the registry-2026-08 runs'));
    return;
  }
  const providers = fs.readdirSync(root).filter((p) => fs.statSync(path.join(root, p)).isDirectory()).sort();
  const outcomes = new Map<string, Outcome>();
  beforeAll(async () => {
    for (const p of providers) outcomes.set(p, await run(p));
  }, 1_200_000);

  for (const p of providers) {
    describe(p, () => {
      it('exits 0 (warnings allowed)', () => {
        const o = outcomes.get(p)!;
        expect(o.errors).toEqual([]);
        expect(o.exitCode).toBe(0);
        expect(o.pages).toBeGreaterThan(1);
      });
      it('every page compiles as MDX', () => expect(outcomes.get(p)!.compileFailures).toEqual([]));
      it('no output path has a segment starting with _', () => expect(outcomes.get(p)!.hiddenPaths).toEqual([]));
    });
  }
});
