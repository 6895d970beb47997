import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../generator/diagnostics.js';
import { generate } from '../../generator/generate.js';
import { loadRegistryIndex } from '../../generator/load/load-registry.js';
import { parseYaml } from '../../generator/load/parse-yaml.js';
import { pathSegment } from '../../generator/render/classic-context.js';
import { escapeAttr } from '../../generator/render/escape.js';
import { exitCodeOf } from '../../generator/report.js';
import { compilePage } from '../helpers/compile-mdx.js';
import { tempDir } from '../helpers/cli.js';
import { sharedPath, skipNotice } from '../helpers/shared.js';

// The providers of the August 2026 StackQL registry, exactly as published, with
// their real faults. Each provider is generated once (beforeAll), on its own, and
// its pages are checked while they are in hand: the run exits 0 (warnings are
// fine), every page compiles as MDX, every method of every resource in the YAML
// is named on its resource's page, and no output path has a segment that
// Docusaurus would skip (a leading `_`).

const root = sharedPath('specs', 'registry-2026-08');

interface Outcome {
  readonly exitCode: number;
  readonly errors: string[];
  readonly pages: number;
  readonly compileFailures: string[];
  readonly missingMethods: string[];
  readonly hiddenPaths: string[];
}

type Rec = Record<string, unknown>;
const rec = (v: unknown): Rec | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Rec) : undefined);

/** `<resource page path>` -> method names, read straight from the service YAML (not from our model). */
function methodsByPage(provider: string): Map<string, string[]> {
  const bag = new DiagnosticBag();
  const index = loadRegistryIndex(root!, { providers: [provider] }, bag);
  const out = new Map<string, string[]>();
  for (const ref of index.providers[0]!.services) {
    const doc = rec(parseYaml(fs.readFileSync(path.join(root!, ref.rel), 'utf8'), ref.rel, bag));
    const resources = rec(rec(doc?.['components'])?.['x-stackQL-resources']) ?? {};
    for (const [key, node] of Object.entries(resources)) {
      const methods = Object.keys(rec(rec(node)?.['methods']) ?? {});
      if (methods.length === 0) continue;
      const name = typeof rec(node)?.['name'] === 'string' ? (rec(node)!['name'] as string) : key;
      out.set(`providers/${pathSegment(provider)}/${pathSegment(ref.name)}/${pathSegment(name)}/index.md`, methods);
    }
  }
  return out;
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
  const missingMethods: string[] = [];
  const written = new Set(result.paths);
  for (const [page, methods] of methodsByPage(provider)) {
    if (!written.has(page)) {
      missingMethods.push(`${page}: no such page`);
      continue;
    }
    const text = fs.readFileSync(path.join(out, page), 'utf8');
    // A row of the Methods table names the method (classic layout).
    for (const m of methods) if (!text.includes(`| <CopyableCode code="${escapeAttr(m)}" /> |`)) missingMethods.push(`${page}: ${m}`);
  }
  fs.rmSync(path.dirname(out), { recursive: true, force: true });
  return {
    exitCode: exitCodeOf(result, {}),
    errors: result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line ?? ''} ${d.code}: ${d.message}`),
    pages: result.paths.length,
    compileFailures,
    missingMethods,
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
      it("every method of every resource in the YAML is named on its resource's page", () => expect(outcomes.get(p)!.missingMethods).toEqual([]));
      it('no output path has a segment starting with _', () => expect(outcomes.get(p)!.hiddenPaths).toEqual([]));
    });
  }
});
