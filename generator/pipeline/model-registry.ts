import { sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { locateDiagnostics } from '../load/locate-diagnostics.js';
import { duplicateResourceIds } from '../model/check-ids.js';
import type { Provider, Registry, Service } from '../model/types.js';
import { openRun } from './open-run.js';
import { runServiceJob } from './service-job.js';

// The same run as `generate` up to the model: the run is opened the same way
// and every service goes through the same job, which stops before rendering.
// What `diff` compares is therefore exactly what `generate` would render.

export interface ModelledRegistry {
  readonly registry: Registry;
  /** Files relative to the registry root, located, sorted. */
  readonly diagnostics: readonly Diagnostic[];
}

export function modelRegistry(root: string, providers: readonly string[] = []): ModelledRegistry {
  // No settings: prose and brand play no part in the model a diff compares.
  const run = openRun({ registry: root, providers, layout: 'classic' });
  const diagnostics: Diagnostic[] = [...run.prior];
  const out: Provider[] = [];
  for (const p of run.index.providers) {
    const services: Service[] = [];
    for (const ref of p.services) {
      const job = runServiceJob(ref, run.env, 'model');
      diagnostics.push(...job.diagnostics);
      if (job.service) services.push(job.service);
    }
    diagnostics.push(...locateDiagnostics(duplicateResourceIds(services), run.index.files, run.index.root));
    out.push({ ...run.infos[p.name]!, services });
  }
  return { registry: { root: run.index.root, providers: out }, diagnostics: sortDiagnostics(diagnostics) };
}
