import type { ProviderInfo, ProviderOverview, Service } from '../model/types.js';
import type { CompiledTemplates } from './template-env.js';
import { pathSegment } from './classic-context.js';
import { layoutContexts } from './layouts.js';
import { MethodIndex, resolveMethodRefs } from './method-refs.js';

export interface OutputFile {
  readonly path: string;
  readonly contents: string;
}

/** A service's page and its resources' pages: independent of every other service. */
export function renderServicePages(provider: ProviderInfo, service: Service, templates: CompiledTemplates): OutputFile[] {
  const contexts = layoutContexts(templates.layout);
  const dir = `${providerFolder(provider.name)}/${pathSegment(service.name)}`;
  const files: OutputFile[] = [{ path: `${dir}/index.md`, contents: finish(templates.page('service')(contexts.service(provider, service))) }];
  for (const resource of service.resources) {
    files.push({
      path: `${dir}/${pathSegment(resource.name)}/index.md`,
      contents: finish(templates.page('resource')(contexts.resource(provider, service, resource))),
    });
  }
  return files;
}

export function renderProviderPage(provider: ProviderOverview, templates: CompiledTemplates): OutputFile {
  const contexts = layoutContexts(templates.layout);
  return { path: `${providerFolder(provider.name)}/index.md`, contents: finish(templates.page('provider')(contexts.provider(provider))) };
}

/**
 * What a provider's pages need once all of them are rendered: the detailed
 * layout's `:method:` references resolved across services (method-refs.ts).
 */
export function finishProviderPages(files: OutputFile[], provider: ProviderOverview, templates: CompiledTemplates): OutputFile[] {
  if (templates.layout !== 'detailed') return files;
  return resolveMethodRefs(files, new MethodIndex(provider.name, provider.services));
}

/** The folder that holds every page of a provider (relative to the output folder). */
export function providerFolder(provider: string): string {
  return `providers/${pathSegment(provider)}`;
}

export function sortFiles(files: OutputFile[]): OutputFile[] {
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Pages are written exactly as templates produce them; this is the single place to normalise line endings. */
function finish(s: string): string {
  return s.includes('\r') ? s.replace(/\r\n?/g, '\n') : s;
}
