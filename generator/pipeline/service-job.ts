import type { ProviderInfo, Service, ServiceOverview } from '../model/types.js';
import { DiagnosticBag, type Diagnostic } from '../diagnostics.js';
import { loadServiceFile, type LoadedFile, type ServiceRef } from '../load/load-registry.js';
import { loadTemplates } from '../load/load-templates.js';
import { locateDiagnostics } from '../load/locate-diagnostics.js';
import { buildService } from '../model/build-service.js';
import { serviceOverview } from '../model/overview.js';
import { compileTemplates, TemplateError, type CompiledTemplates } from '../render/template-env.js';
import { renderServicePages, type OutputFile } from '../render/render-pages.js';
import { timed } from '../trace.js';

// One service, end to end: read, parse, model, render. Services are
// independent of each other, so a batch of them can run in any thread; only
// plain data (pages, a summary, diagnostics) comes back.

export interface JobEnv {
  /** This run's id: what a thread's compiled templates are kept for. */
  readonly run: string;
  readonly root: string;
  readonly layout: string;
  readonly templates?: string;
  /** Provider facts the pages repeat (name, brand, image), by provider name. */
  readonly providers: Readonly<Record<string, ProviderInfo>>;
  /** Hash each service file's bytes as it is read (`specSha256`), for a fingerprint that waits for them (input-fingerprint.ts). */
  readonly hashSpecs?: boolean;
}

export interface ServiceJobResult {
  readonly ref: ServiceRef;
  readonly overview?: ServiceOverview;
  /** The whole model, for a job run with `keep: 'model'` (a diff compares models, not pages). */
  readonly service?: Service;
  readonly files: readonly OutputFile[];
  /** Located (line, column) already: only this thread has the file's text. */
  readonly diagnostics: readonly Diagnostic[];
  /** sha256 of the service file's bytes as read, with `hashSpecs`. */
  readonly specSha256?: string;
}

let compiled: { key: string; templates: CompiledTemplates } | undefined;

/**
 * The job's templates, loaded and compiled once per run and thread (the provider
 * pages use them too): keyed by the run, so the next run in the same process
 * (npm start, the plugin, a second generate()) reads an edited template afresh.
 */
export function templatesFor(env: JobEnv): CompiledTemplates {
  const key = `${env.run}\0${env.layout}\0${env.templates ?? ''}`;
  if (!compiled || compiled.key !== key) compiled = { key, templates: compileTemplates(loadTemplates(env.layout, env.templates)) };
  return compiled.templates;
}

/** What a job ends with: the pages (generate), or the model without rendering (diff). */
export type JobKeep = 'pages' | 'model';

export function runServiceJob(ref: ServiceRef, env: JobEnv, keep: JobKeep = 'pages'): ServiceJobResult {
  const bag = new DiagnosticBag();
  const files = new Map<string, LoadedFile>();
  const file = timed('load service', () => loadServiceFile(env.root, ref, bag, files, env.hashSpecs === true));
  const sha = files.get(ref.rel)?.sha256;
  const hashed = sha === undefined ? {} : { specSha256: sha };
  if (!file) return { ref, files: [], diagnostics: locateDiagnostics(bag.all, files), ...hashed };
  const service = timed('model', () => buildService({ ctx: { file: file.path, doc: file.doc!, bag }, provider: ref.provider, name: ref.name, entry: ref.entry }));
  const diagnostics = locateDiagnostics(bag.all, files);
  if (keep === 'model') return { ref, overview: serviceOverview(service), service, files: [], diagnostics, ...hashed };
  // Pages of a service with errors would never be written: skip the work.
  let pages: OutputFile[] = [];
  if (!bag.hasErrors) {
    try {
      pages = timed('render', () => renderServicePages(env.providers[ref.provider]!, service, templatesFor(env)));
    } catch (e) {
      if (!(e instanceof TemplateError)) throw e;
      diagnostics.push(e.toDiagnostic());
    }
  }
  return { ref, overview: serviceOverview(service), files: pages, diagnostics, ...hashed };
}
