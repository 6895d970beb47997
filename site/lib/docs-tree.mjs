// Reads the generated provider page tree; shared by sidebars.ts, the provider-list plugin,
// the site scripts and the browser tests so they all agree on paths and doc ids.
//
//   <docs>/providers/<P>/index.md          provider page (front matter `id: <P>-doc`)
//   <docs>/providers/<P>/<S>/index.md      service page
//   <docs>/providers/<P>/<S>/<R>/index.md  resource page
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import matter from 'gray-matter';

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

const INDEX_FILES = ['index.md', 'index.mdx'];

/** @param {string} dir */
function findIndex(dir) {
  for (const name of INDEX_FILES) {
    const file = path.join(dir, name);
    if (fs.existsSync(file)) return file;
  }
  return undefined;
}

/** @param {string} dir */
function subdirs(dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** @param {string} file */
function readFrontMatter(file) {
  return /** @type {Record<string, unknown>} */ (matter(fs.readFileSync(file, 'utf8')).data);
}

/**
 * Docusaurus doc id of an index page: `<dir relative to docs>/<front matter id ?? file name>`
 * (the site sets `numberPrefixParser: false`, so no prefix is stripped).
 * @param {string} docsDir @param {string} file @param {Record<string, unknown>} fm
 */
function docId(docsDir, file, fm) {
  const rel = path.relative(docsDir, path.dirname(file)).split(path.sep).join('/');
  const base = typeof fm.id === 'string' ? fm.id : path.basename(file).replace(/\.mdx?$/, '');
  return rel ? `${rel}/${base}` : base;
}

/**
 * What the sidebar shows for a page: its title (the real name; folders may spell it
 * differently so that Docusaurus routes them), else the folder name.
 * @param {Record<string, unknown>} fm @param {string} folder
 */
function labelOf(fm, folder) {
  return typeof fm.title === 'string' && fm.title !== '' ? fm.title : folder;
}

/**
 * @typedef {{name: string, label: string, id: string, permalink: string}} DocRef
 * @typedef {DocRef & {resources: DocRef[]}} ServiceNode
 * @typedef {DocRef & {title: string, description: string, image?: string, services: ServiceNode[]}} ProviderNode
 */

/**
 * Providers, their services and resources, sorted by name. Folders without an index page
 * are skipped.
 * @param {string} docsDir
 * @returns {ProviderNode[]}
 */
export function scanProviders(docsDir) {
  const root = path.join(docsDir, 'providers');
  if (!fs.existsSync(root)) return [];
  /** @type {ProviderNode[]} */
  const providers = [];
  for (const p of subdirs(root)) {
    const pDir = path.join(root, p);
    const pFile = findIndex(pDir);
    if (!pFile) continue;
    const fm = readFrontMatter(pFile);
    /** @type {ServiceNode[]} */
    const services = [];
    for (const s of subdirs(pDir)) {
      const sDir = path.join(pDir, s);
      const sFile = findIndex(sDir);
      if (!sFile) continue;
      /** @type {DocRef[]} */
      const resources = [];
      for (const r of subdirs(sDir)) {
        const rFile = findIndex(path.join(sDir, r));
        if (!rFile) continue;
        const rFm = readFrontMatter(rFile);
        resources.push({
          name: r,
          label: labelOf(rFm, r),
          id: docId(docsDir, rFile, rFm),
          permalink: `/providers/${p}/${s}/${r}/`,
        });
      }
      const sFm = readFrontMatter(sFile);
      services.push({
        name: s,
        label: labelOf(sFm, s),
        id: docId(docsDir, sFile, sFm),
        permalink: `/providers/${p}/${s}/`,
        resources,
      });
    }
    providers.push({
      name: p,
      label: p,
      id: docId(docsDir, pFile, fm),
      permalink: typeof fm.slug === 'string' ? fm.slug : `/providers/${p}/`,
      title: typeof fm.title === 'string' ? fm.title : p,
      description: typeof fm.description === 'string' ? fm.description : '',
      ...(typeof fm.image === 'string' ? { image: fm.image } : {}),
      services,
    });
  }
  return providers;
}
