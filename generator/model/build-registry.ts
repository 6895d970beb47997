import type { Provider, Registry } from './types.js';
import type { DiagnosticBag } from '../diagnostics.js';
import type { LoadedRegistry } from '../load/load-registry.js';
import { buildService } from './build-service.js';
import { buildProvider, type SettingsInput } from './build-provider.js';
import { duplicateResourceIds } from './check-ids.js';

/**
 * Turns loaded spec files into the model. Pure: reads only what the load stage
 * produced, reports problems into `bag`.
 */
export function buildRegistry(loaded: LoadedRegistry, settings: ReadonlyMap<string, SettingsInput>, bag: DiagnosticBag): Registry {
  const providers: Provider[] = [];
  for (const p of loaded.providers) {
    const services = p.services.map((s) =>
      buildService({ ctx: { file: s.file.path, doc: s.file.doc!, bag }, provider: p.name, name: s.name, entry: s.entry }),
    );
    for (const d of duplicateResourceIds(services)) bag.add(d);
    const providerSettings = settings.get(p.name);
    providers.push(
      buildProvider({
        ctx: { file: p.file.path, doc: p.file.doc!, bag },
        name: p.name,
        services,
        ...(providerSettings ? { settings: providerSettings } : {}),
      }),
    );
  }
  return { root: loaded.root, providers };
}
