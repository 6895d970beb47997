// Reads the generated provider page tree; shared by the sidebar builder, the plugin's provider
// list (home page data) and the browser tests, so they all agree on paths and doc ids.
//
//   <docs>/providers/<P>/index.md          provider page (front matter `id: <P>-doc`)
//   <docs>/providers/<P>/<S>/index.md      service page
//   <docs>/providers/<P>/<S>/<R>/index.md  resource page
import fs from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { compareStrings } from '../compare.js';

export interface DocRef {
  /** Folder name. */
  readonly name: string;
  /** What the sidebar shows: the page's title (the real name; folders may spell it otherwise so that Docusaurus routes them), else the folder name. */
  readonly label: string;
  /** Docusaurus doc id, e.g. `providers/databricks_workspace/iam/users/index`. */
  readonly id: string;
  /** Site path of the page. */
  readonly permalink: string;
}
export interface ServiceNode extends DocRef {
  readonly resources: readonly DocRef[];
}
export interface ProviderNode extends DocRef {
  readonly title: string;
  readonly description: string;
  readonly image?: string;
  readonly services: readonly ServiceNode[];
}

const INDEX_FILES = ['index.md', 'index.mdx'];

function findIndex(dir: string): string | undefined {
  for (const name of INDEX_FILES) {
    const file = path.join(dir, name);
    if (fs.existsSync(file)) return file;
  }
  return undefined;
}

function subdirs(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort(compareStrings);
}

/**
 * The start of a page up to the end of its front matter block (as gray-matter finds it: the first
 * `\n---` after the opening `---`), else the whole file. The dev server scans the tree on every
 * reload of this plugin and of the sidebars, and the pages of a large registry hold tens of MB
 * below their few lines of front matter.
 */
function readHead(file: string): string {
  const fd = fs.openSync(file, 'r');
  try {
    let buf = Buffer.alloc(8192);
    let length = 0;
    for (;;) {
      if (length === buf.length) buf = Buffer.concat([buf, Buffer.alloc(buf.length)]);
      const n = fs.readSync(fd, buf, length, buf.length - length, length);
      length += n;
      const text = buf.toString('utf8', 0, length);
      if (n === 0) return text;
      if (length < 3) continue;
      if (!text.startsWith('---')) return fs.readFileSync(file, 'utf8');
      const close = text.indexOf('\n---', 3);
      if (close >= 0) return text.slice(0, close + 4);
    }
  } finally {
    fs.closeSync(fd);
  }
}

function readFrontMatter(file: string): Record<string, unknown> {
  return matter(readHead(file)).data as Record<string, unknown>;
}

/**
 * Docusaurus doc id of an index page: `<dir relative to docs>/<front matter id ?? file name>`
 * (the sites set `numberPrefixParser: false`, so no prefix is stripped).
 */
function docId(docsDir: string, file: string, fm: Record<string, unknown>): string {
  const rel = path.relative(docsDir, path.dirname(file)).split(path.sep).join('/');
  const base = typeof fm.id === 'string' ? fm.id : path.basename(file).replace(/\.mdx?$/, '');
  return rel ? `${rel}/${base}` : base;
}

function labelOf(fm: Record<string, unknown>, folder: string): string {
  return typeof fm.title === 'string' && fm.title !== '' ? fm.title : folder;
}

/** Providers, their services and resources, sorted by name. Folders without an index page are skipped. */
export function scanProviders(docsDir: string): ProviderNode[] {
  const root = path.join(docsDir, 'providers');
  if (!fs.existsSync(root)) return [];
  const providers: ProviderNode[] = [];
  for (const p of subdirs(root)) {
    const pDir = path.join(root, p);
    const pFile = findIndex(pDir);
    if (!pFile) continue;
    const fm = readFrontMatter(pFile);
    const services: ServiceNode[] = [];
    for (const s of subdirs(pDir)) {
      const sDir = path.join(pDir, s);
      const sFile = findIndex(sDir);
      if (!sFile) continue;
      const resources: DocRef[] = [];
      for (const r of subdirs(sDir)) {
        const rFile = findIndex(path.join(sDir, r));
        if (!rFile) continue;
        const rFm = readFrontMatter(rFile);
        resources.push({ name: r, label: labelOf(rFm, r), id: docId(docsDir, rFile, rFm), permalink: `/providers/${p}/${s}/${r}/` });
      }
      const sFm = readFrontMatter(sFile);
      services.push({ name: s, label: labelOf(sFm, s), id: docId(docsDir, sFile, sFm), permalink: `/providers/${p}/${s}/`, resources });
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
