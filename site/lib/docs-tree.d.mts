export { scanProviders, type DocRef, type ProviderNode, type ServiceNode } from 'provider-docs/docusaurus/sidebars';
export declare const repoRoot: string;
export declare const siteDir: string;
export declare const defaultDocsDir: string;
export declare function resolveDocsDir(env?: Record<string, string | undefined>): string;
