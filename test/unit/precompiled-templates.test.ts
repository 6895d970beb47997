import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadTemplates, availableLayouts } from '../../generator/load/load-templates.js';
import { overviewOfProvider, providerInfo } from '../../generator/model/overview.js';
import { modelRegistry } from '../../generator/pipeline/model-registry.js';
import { finishProviderPages, renderProviderPage, renderServicePages, type OutputFile } from '../../generator/render/render-pages.js';
import { compileTemplates, type CompiledTemplates } from '../../generator/render/template-env.js';
import { precompiledModuleSource } from '../../generator/render/precompile-templates.js';
import { templateKey } from '../../generator/render/template-options.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { REPO } from '../helpers/shared.js';

// The build precompiles the built-in templates; a page must come out the same
// byte for byte whether its templates were precompiled or compiled at run time.

async function precompiledMap(sources: string[]) {
  const file = path.join(tempDir('pd-precompiled-'), 'precompiled.mjs');
  fs.writeFileSync(file, precompiledModuleSource(sources));
  return ((await import(pathToFileURL(file).href)) as { PRECOMPILED: Map<string, never> }).PRECOMPILED;
}

// The model as a run builds it; every page of it rendered with the given templates.
const { registry } = modelRegistry(path.join(REPO, 'specs'));
function renderPages(templates: CompiledTemplates): OutputFile[] {
  return registry.providers.flatMap((p) => {
    const overview = overviewOfProvider(p);
    return finishProviderPages([...p.services.flatMap((s) => renderServicePages(providerInfo(p), s, templates)), renderProviderPage(overview, templates)], overview, templates);
  });
}

describe('precompiled templates', () => {
  for (const layout of availableLayouts()) {
    it(`render ${layout} pages byte-identical to templates compiled at run time`, async () => {
      const set = loadTemplates(layout);
      const sources = [...set.pages.values(), ...set.partials.values()];
      const precompiled = await precompiledMap(sources);
      expect(precompiled.size).toBe(new Set(sources).size);
      const runtime = renderPages(compileTemplates(set, new Map()));
      const ahead = renderPages(compileTemplates(set, precompiled));
      expect(runtime.length).toBeGreaterThan(10);
      expect(ahead).toEqual(runtime);
    });
  }

  it('are keyed by their source: an edited template is not matched', () => {
    const src = '{{text name}}';
    expect(templateKey(src)).toBe(templateKey(src));
    expect(templateKey(src + ' ')).not.toBe(templateKey(src));
  });

  it('are what the built CLI uses for every built-in template, and not for an edited one', () => {
    for (const layout of availableLayouts()) {
      const r = runTraced(['--layout', layout]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/template precompiled\s+\d+ ms\s+\((\d+) calls\)/);
      expect(r.stderr).not.toMatch(/template compiled/);
    }
    const override = tempDir('pd-override-');
    fs.writeFileSync(path.join(override, 'where.hbs'), fs.readFileSync(path.join(REPO, 'templates', 'shared', 'where.hbs'), 'utf8') + '\n');
    const r = runTraced(['--templates', override]);
    expect(r.code, r.stderr).toBe(0);
    // Compiled at run time: the edited partial, once per compileTemplates call; the rest stay precompiled.
    expect(r.stderr).toMatch(/template compiled\s+\d+ ms\s+\(\d+ calls\)/);
    expect(r.stderr).toMatch(/template precompiled\s+\d+ ms\s+\(\d+ calls\)/);
  });
});

function runTraced(args: string[]) {
  return runCli(['generate', '--out', tempDir('pd-precompiled-out-'), '--quiet', ...args], REPO, { PROVIDER_DOCS_TRACE: '1' });
}
