export declare const repoRoot: string;
export declare const siteDir: string;
export declare const defaultDocsDir: string;
export declare function resolveDocsDir(env?: Record<string, string | undefined>): string;

export interface DocRef {
  /** Folder name. */
  name: string;
  /** What the sidebar shows: the page's title (the real name), else the folder name. */
  label: string;
  /** Docusaurus doc id, e.g. `providers/databricks_workspace/iam/users/index`. */
  id: string;
  /** Site path of the page. */
  permalink: string;
}
export interface ServiceNode extends DocRef {
  resources: DocRef[];
}
export interface ProviderNode extends DocRef {
  title: string;
  description: string;
  image?: string;
  services: ServiceNode[];
}
export declare function scanProviders(docsDir: string): ProviderNode[];
