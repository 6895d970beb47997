import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diff } from '../../generator/diff/diff-command.js';
import { generate } from '../../generator/generate.js';
import { modelRegistry } from '../../generator/pipeline/model-registry.js';
import { copySpecs, tempDir } from '../helpers/cli.js';
import { sharedPath, skipNotice } from '../helpers/shared.js';

// `diff` and `generate` open a run and model each service the same way: what a
// diff compares is what generate renders, faults and all. A registry fault that
// generate reads past (here a service $ref that differs from its file in case)
// must be read past by diff too, with the same warning.

const SERVICE_REF = 'databricks_workspace/v00.00.00000/services/workspace.yaml';

function misspellServiceRef(registry: string): void {
  const provider = path.join(registry, 'databricks_workspace', 'v00.00.00000', 'provider.yaml');
  const text = fs.readFileSync(provider, 'utf8');
  expect(text).toContain(SERVICE_REF);
  fs.writeFileSync(provider, text.replace(SERVICE_REF, SERVICE_REF.replace('workspace.yaml', 'Workspace.yaml')));
}

describe('diff and generate share one run', () => {
  it('read past the same registry fault, with the same warning, and see the same resources', async () => {
    const registry = copySpecs();
    misspellServiceRef(registry);
    const run = await generate({ registry, out: tempDir('pd-one-path-'), force: true });
    const codes = (list: readonly { code: string; severity: string }[]) => list.filter((d) => d.severity !== 'info').map((d) => `${d.severity} ${d.code}`).sort();
    expect(codes(run.diagnostics)).toContain('warning service-ref-case');

    const modelled = modelRegistry(registry);
    expect(codes(modelled.diagnostics)).toEqual(codes(run.diagnostics));
    const resources = modelled.registry.providers.reduce((n, p) => n + p.services.reduce((k, s) => k + s.resources.length, 0), 0);
    expect(resources).toBe(run.counts.resources);
    expect(modelled.registry.providers.map((p) => p.services.length).reduce((a, b) => a + b, 0)).toBe(run.counts.services);

    const d = diff({ base: registry, head: copySpecs() });
    expect(d.diff).toBeDefined();
    expect(d.diff!.providers).toEqual([]);
    expect(d.diagnostics.map((x) => x.code)).toContain('service-ref-case');
  });

  const okta = sharedPath('specs', 'registry-2026-08');
  it.runIf(okta)('model the same resources as generate writes pages for, on a real registry provider', async () => {
    const run = await generate({ registry: okta!, providers: ['okta'], out: tempDir('pd-one-path-') });
    const { registry, diagnostics } = modelRegistry(okta!, ['okta']);
    expect(diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
    const ids = registry.providers.flatMap((p) => p.services.flatMap((s) => s.resources.map((r) => r.id)));
    expect(ids.length).toBe(run.counts.resources);
    expect(diagnostics.filter((x) => x.severity === 'warning').length).toBe(run.diagnostics.filter((x) => x.severity === 'warning').length);
  });
  if (!okta) it('real registry', () => skipNotice('the registry-2026-08 run of diff and generate'));
});
