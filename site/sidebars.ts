import type { SidebarsConfig } from '@docusaurus/plugin-content-docs';
import { resolveDocsDir, scanProviders, type ProviderNode, type ServiceNode } from './lib/docs-tree.mjs';

// provider > service > resource, built from whatever tree the generator wrote, so the site
// works for any registry. Provider and service categories link to their index pages; `key`
// keeps categories unique when two providers have a service of the same name (e.g. `iam`).
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

const sidebars: SidebarsConfig = {
  providers: scanProviders(resolveDocsDir()).map(providerCategory),
};

export default sidebars;
