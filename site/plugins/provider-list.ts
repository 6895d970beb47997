import type { LoadContext, Plugin } from '@docusaurus/types';
import { scanProviders, type ProviderNode } from '../lib/docs-tree.mjs';

export interface ProviderSummary {
  name: string;
  title: string;
  description: string;
  permalink: string;
  image?: string;
  services: number;
  resources: number;
}

export interface ProviderListData {
  providers: ProviderSummary[];
}

export interface ProviderListOptions {
  /** Absolute path of the docs folder (the one the docs plugin reads). */
  docsDir: string;
}

function summarize(p: ProviderNode): ProviderSummary {
  return {
    name: p.name,
    title: p.title,
    description: p.description,
    permalink: p.permalink,
    ...(p.image ? { image: p.image } : {}),
    services: p.services.length,
    resources: p.services.reduce((n, s) => n + s.resources.length, 0),
  };
}

/**
 * Scans `<docs>/providers/<P>/index.md` at build time and hands the providers to the home page
 * as global data (`usePluginData('provider-list')`).
 */
export default function providerListPlugin(
  _context: LoadContext,
  options: ProviderListOptions,
): Plugin {
  return {
    name: 'provider-list',
    loadContent(): ProviderListData {
      return { providers: scanProviders(options.docsDir).map(summarize) };
    },
    contentLoaded({ content, actions }) {
      actions.setGlobalData(content);
    },
    getPathsToWatch() {
      return [`${options.docsDir}/providers/*/index.{md,mdx}`];
    },
  };
}
