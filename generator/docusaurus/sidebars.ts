// The `providers` sidebar of a provider-docs site: provider > service > resource, built from
// whatever tree the generator wrote, so a site works for any registry. Provider and service
// categories link to their index pages; `key` keeps categories unique when two providers have a
// service of the same name (e.g. `iam`).
//
//   // sidebars.ts
//   import { providerSidebars } from 'provider-docs/docusaurus/sidebars';
//   export default providerSidebars(fileURLToPath(new URL('./docs', import.meta.url)));
import path from 'node:path';
import type { SidebarsConfig } from '@docusaurus/plugin-content-docs';
import { scanProviders, type ProviderNode, type ServiceNode } from './docs-tree.js';

export { scanProviders };
export type { DocRef, ProviderNode, ServiceNode } from './docs-tree.js';

type SidebarItem = Extract<SidebarsConfig[string], unknown[]>[number];

function serviceCategory(p: ProviderNode, s: ServiceNode): SidebarItem {
  return {
    type: 'category',
    label: s.label,
    key: `${p.name}.${s.name}`,
    collapsed: true,
    link: { type: 'doc', id: s.id },
    items: s.resources.map((r): SidebarItem => ({ type: 'doc', id: r.id, label: r.label })),
  };
}

function providerCategory(p: ProviderNode): SidebarItem {
  return {
    type: 'category',
    label: p.name,
    key: p.name,
    collapsed: true,
    link: { type: 'doc', id: p.id },
    items: p.services.map((s) => serviceCategory(p, s)),
  };
}

/** One sidebar, `providers`, over the pages in `docsDir` (absolute, or relative to the current folder). */
export function providerSidebars(docsDir: string): SidebarsConfig {
  const providers = scanProviders(path.resolve(docsDir)).map(providerCategory);
  return { providers };
}
