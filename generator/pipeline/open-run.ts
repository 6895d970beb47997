import { randomUUID } from 'node:crypto';
import { DiagnosticBag, sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { loadRegistryIndex, type RegistryIndex } from '../load/load-registry.js';
import { loadSettings } from '../load/load-settings.js';
import { locateDiagnostics } from '../load/locate-diagnostics.js';
import { buildProviderInfo } from '../model/build-provider.js';
import type { ProviderInfo } from '../model/types.js';
import { applyStrict } from '../report.js';
import { providerFailures } from './provider-failures.js';
import type { JobEnv } from './service-job.js';
import { timed } from '../trace.js';

// The start of every run, whatever it ends in (pages written by `generate`,
// models compared by `diff`): the registry index, the settings, each
// provider's facts, and this run's context for the service jobs. Everything a
// run keeps lives in what this returns; nothing of it outlives the run.

export interface OpenRunOptions {
  readonly registry: string;
  readonly providers?: readonly string[];
  readonly layout: string;
  readonly templates?: string;
  /** Settings folder (prose, brand); none for a run that renders no provider page. */
  readonly settings?: string;
  readonly strict?: boolean;
  /** The jobs hash the service files they read (JobEnv `hashSpecs`). */
  readonly hashSpecs?: boolean;
}

export interface OpenRun {
  readonly index: RegistryIndex;
  /** The context every service job of this run gets (in this thread or a worker). */
  readonly env: JobEnv;
  readonly infos: Readonly<Record<string, ProviderInfo>>;
  /** Diagnostics of reading the index and the settings: files relative to the registry root, located, sorted. */
  readonly prior: readonly Diagnostic[];
  /** True when an error belongs to no single provider (a missing root, a settings file): the run stops here. */
  readonly whole: boolean;
}

export function openRun(o: OpenRunOptions): OpenRun {
  const bag = new DiagnosticBag();
  const index = timed('load registry index', () => loadRegistryIndex(o.registry, { providers: o.providers ?? [] }, bag));
  const settings = loadSettings(o.settings, index.providers.map((p) => p.name), bag, index.root);
  const infos: Record<string, ProviderInfo> = {};
  for (const p of index.providers) {
    const s = settings.get(p.name);
    infos[p.name] = buildProviderInfo({ ctx: { file: p.file.path, doc: p.file.doc!, bag }, name: p.name, ...(s ? { settings: s } : {}) });
  }
  const env: JobEnv = { run: randomUUID(), root: index.root, layout: o.layout, ...(o.templates ? { templates: o.templates } : {}), providers: infos, ...(o.hashSpecs ? { hashSpecs: true } : {}) };
  const prior = sortDiagnostics(locateDiagnostics(bag.all, index.files, index.root));
  return { index, env, infos, prior, whole: providerFailures(applyStrict(prior, o.strict), index.names).whole };
}
