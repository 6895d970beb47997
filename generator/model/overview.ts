import type { Provider, ProviderInfo, ProviderOverview, Service, ServiceOverview } from './types.js';

export function serviceOverview(service: Service): ServiceOverview {
  return {
    name: service.name,
    title: service.title,
    description: service.description,
    source: service.source,
    resources: service.resources.map((r) => ({
      id: r.id,
      name: r.name,
      title: r.title,
      kind: r.kind,
      methodNames: [...new Set(r.methods.map((m) => m.name))].sort(),
      operations: r.methods.map((m) => ({ method: m.name, operationId: m.operationId })),
      source: r.source,
    })),
  };
}

/** The provider without its services: what service and resource pages need. */
export function providerInfo(p: ProviderInfo): ProviderInfo {
  const info: { -readonly [K in keyof ProviderInfo]: ProviderInfo[K] } = {
    name: p.name,
    version: p.version,
    title: p.title,
    description: p.description,
    settings: p.settings,
    source: p.source,
  };
  if (p.auth) info.auth = p.auth;
  return info;
}

export function providerOverview(p: ProviderInfo, services: readonly ServiceOverview[]): ProviderOverview {
  return { ...providerInfo(p), services };
}

export function overviewOfProvider(p: Provider): ProviderOverview {
  return providerOverview(p, p.services.map(serviceOverview));
}
