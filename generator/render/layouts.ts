import type { ProviderInfo, ProviderOverview, Resource, Service } from '../model/types.js';
import { classicProviderContext, classicResourceContext, classicServiceContext } from './classic-context.js';
import { detailedResourceContext } from './detailed-context.js';

/**
 * What each layout's templates receive. A layout is its templates plus these
 * three context builders; user templates (`--templates`) reuse the contexts of
 * the layout they override.
 */
export interface LayoutContexts {
  provider(provider: ProviderOverview): object;
  service(provider: ProviderInfo, service: Service): object;
  resource(provider: ProviderInfo, service: Service, resource: Resource): object;
}

const LAYOUTS: Record<string, LayoutContexts> = {
  classic: { provider: classicProviderContext, service: classicServiceContext, resource: classicResourceContext },
  detailed: { provider: classicProviderContext, service: classicServiceContext, resource: detailedResourceContext },
};

export function layoutContexts(layout: string): LayoutContexts {
  const l = LAYOUTS[layout];
  if (!l) throw new Error(`no page contexts for layout "${layout}"`);
  return l;
}
