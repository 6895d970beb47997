import type { Provider, Registry } from '../model/types.js';
import type { CompiledTemplates } from './template-env.js';
import { pathSegment } from './classic-context.js';
import { layoutContexts, type LayoutContexts } from './layouts.js';

export interface OutputFile {
  readonly path: string;
  readonly contents: string;
}

/**
 * Model + templates to files. Pure. Sorted by path so output order, and so
 * everything downstream, is the same on every machine.
 */
export function renderPages(registry: Registry, templates: CompiledTemplates): OutputFile[] {
  const files: OutputFile[] = [];
  const contexts = layoutContexts(templates.layout);
  for (const provider of registry.providers) files.push(...renderProvider(provider, templates, contexts));
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function renderProvider(provider: Provider, templates: CompiledTemplates, contexts: LayoutContexts): OutputFile[] {
  const files: OutputFile[] = [];
  const p = pathSegment(provider.name);
  files.push({ path: `providers/${p}/index.md`, contents: finish(templates.page('provider')(contexts.provider(provider))) });
  for (const service of provider.services) {
    const s = pathSegment(service.name);
    files.push({ path: `providers/${p}/${s}/index.md`, contents: finish(templates.page('service')(contexts.service(provider, service))) });
    for (const resource of service.resources) {
      files.push({
        path: `providers/${p}/${s}/${pathSegment(resource.name)}/index.md`,
        contents: finish(templates.page('resource')(contexts.resource(provider, service, resource))),
      });
    }
  }
  return files;
}

/** Pages are written exactly as templates produce them; this is the single place to normalise line endings. */
function finish(s: string): string {
  return s.includes('\r') ? s.replace(/\r\n?/g, '\n') : s;
}
