import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic, Registry } from './model/types.js';
import { DiagnosticBag, sortDiagnostics } from './diagnostics.js';
import { loadRegistry } from './load/load-registry.js';
import { loadSettings } from './load/load-settings.js';
import { loadTemplates } from './load/load-templates.js';
import { locateDiagnostics } from './load/locate-diagnostics.js';
import { buildRegistry } from './model/build-registry.js';
import { compileTemplates } from './render/template-env.js';
import { renderPages, type OutputFile } from './render/render-pages.js';
import { writeOutput, type WriteResult } from './write/write-output.js';

const PACKAGE_ROOT = fileURLToPath(new URL('../', import.meta.url)).replace(/[/\\]dist[/\\]?$/, '');

/** Our own sample registry: what `generate` reads when no `--registry` is given. */
export const DEFAULT_REGISTRY = path.join(packageRoot(), 'specs');
/** Our per-provider settings (brand, prose). */
export const DEFAULT_SETTINGS = path.join(packageRoot(), 'site', 'providers');

function packageRoot(): string {
  // Works from both generator/ (tests, tsx) and dist/ (the built CLI).
  const here = PACKAGE_ROOT.replace(/[/\\]$/, '');
  return path.basename(here) === 'generator' || path.basename(here) === 'dist' ? path.dirname(here) : here;
}

export interface GenerateOptions {
  readonly registry?: string;
  readonly out: string;
  readonly providers?: readonly string[];
  readonly layout?: string;
  readonly templates?: string;
  readonly settings?: string;
  readonly check?: boolean;
  readonly force?: boolean;
  readonly strict?: boolean;
}

export interface GenerateResult {
  readonly diagnostics: readonly Diagnostic[];
  readonly registry?: Registry;
  readonly files: readonly OutputFile[];
  readonly write?: WriteResult;
  readonly counts: { readonly providers: number; readonly services: number; readonly resources: number; readonly pages: number };
  /** 0 ok, 1 `--check` found stale docs, 2 errors (nothing written). */
  readonly exitCode: 0 | 1 | 2;
}

/** Registry root -> model -> pages -> output folder. Writes only when there are no errors. */
export async function generate(opts: GenerateOptions): Promise<GenerateResult> {
  const bag = new DiagnosticBag();
  const registryRoot = opts.registry ?? DEFAULT_REGISTRY;
  const loaded = loadRegistry(registryRoot, { providers: opts.providers ?? [] }, bag);
  const settings = loadSettings(opts.settings ?? DEFAULT_SETTINGS, loaded.providers.map((p) => p.name), bag);
  const registry = buildRegistry(loaded, settings, bag);
  let diagnostics = sortDiagnostics(locateDiagnostics(bag.all, loaded.files));
  if (opts.strict) diagnostics = diagnostics.map((d) => (d.severity === 'warning' ? { ...d, severity: 'error' as const } : d));
  const counts = {
    providers: registry.providers.length,
    services: registry.providers.reduce((n, p) => n + p.services.length, 0),
    resources: registry.providers.reduce((n, p) => n + p.services.reduce((k, s) => k + s.resources.length, 0), 0),
    pages: 0,
  };
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics, registry, files: [], counts, exitCode: 2 };

  const templates = compileTemplates(loadTemplates(opts.layout ?? 'classic', opts.templates));
  const files = renderPages(registry, templates);
  counts.pages = files.length;
  const write = await writeOutput(opts.out, files, { check: opts.check === true, force: opts.force === true });
  diagnostics = [...diagnostics, ...write.diagnostics];
  const failed = write.diagnostics.some((d) => d.severity === 'error');
  const stale = write.added.length + write.changed.length + write.removed.length > 0;
  const exitCode = failed ? 2 : opts.check && stale ? 1 : 0;
  return { diagnostics, registry, files, write, counts, exitCode };
}
