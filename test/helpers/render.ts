import { DiagnosticBag } from '../../generator/diagnostics.js';
import { loadRegistry } from '../../generator/load/load-registry.js';
import { loadSettings } from '../../generator/load/load-settings.js';
import { loadTemplates } from '../../generator/load/load-templates.js';
import { buildRegistry } from '../../generator/model/build-registry.js';
import { compileTemplates } from '../../generator/render/template-env.js';
import { renderPages, type OutputFile } from '../../generator/render/render-pages.js';
import { DEFAULT_SETTINGS } from '../../generator/generate.js';
import type { Registry } from '../../generator/model/types.js';

/** Load, model and render a registry in memory (no output folder involved). */
export function renderRegistry(root: string, layout = 'classic', templates?: string): { registry: Registry; files: OutputFile[]; bag: DiagnosticBag } {
  const bag = new DiagnosticBag();
  const loaded = loadRegistry(root, {}, bag);
  const settings = loadSettings(DEFAULT_SETTINGS, loaded.providers.map((p) => p.name), bag);
  const registry = buildRegistry(loaded, settings, bag);
  const files = renderPages(registry, compileTemplates(loadTemplates(layout, templates)));
  return { registry, files, bag };
}
