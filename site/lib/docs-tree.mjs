// Paths of this repository's site, shared by its scripts and the browser tests. The page tree
// itself is read by the package's own scanner (provider-docs/docusaurus/sidebars).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export { scanProviders } from 'provider-docs/docusaurus/sidebars';

/** Repository root (this file lives in <root>/site/lib). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const siteDir = path.join(repoRoot, 'site');
export const defaultDocsDir = path.join(siteDir, 'docs');

/**
 * The docs folder the site is built from: `PROVIDER_DOCS_DIR` (absolute, or relative to the
 * repository root) or `site/docs`.
 * @param {Record<string, string | undefined>} [env]
 */
export function resolveDocsDir(env = process.env) {
  const dir = env.PROVIDER_DOCS_DIR;
  return dir ? path.resolve(repoRoot, dir) : defaultDocsDir;
}
