// The files of a new provider site: the templates of templates/init/site/ rendered with the
// site's values. Pure: returns {path, contents}; init-command.ts writes them.
import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { PACKAGE_ROOT } from '../package-root.js';

export const INIT_TEMPLATES_DIR = path.join(PACKAGE_ROOT, 'templates', 'init');

/** Versions the scaffold depends on: the ones this package is built and tested with. */
export const SITE_VERSIONS = {
  docusaurusVersion: '3.10.2',
  searchVersion: '0.55.3',
  prismVersion: '^2.3.0',
  reactVersion: '^19.0.0',
} as const;

export interface SiteValues {
  readonly provider: string;
  readonly title: string;
  readonly tagline: string;
  readonly description: string;
  readonly packageName: string;
  /** Registry root relative to the site folder, POSIX separators. */
  readonly registry: string;
  readonly layout: string;
  readonly baseUrl: string;
  readonly providerDocsVersion: string;
  /** The workflow file, relative to the site folder (for the site's README). */
  readonly workflow: string;
}

export interface ScaffoldFile {
  /** Relative to the site folder, POSIX separators. */
  readonly path: string;
  readonly contents: string;
}

/** npm leaves `.gitignore` out of a package, so the template is `gitignore`. */
const RENAMES: Readonly<Record<string, string>> = { gitignore: '.gitignore' };

function listFiles(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...listFiles(dir, r));
    else out.push(r);
  }
  return out.sort();
}

export function scaffoldFiles(values: SiteValues, templatesDir = path.join(INIT_TEMPLATES_DIR, 'site')): ScaffoldFile[] {
  const hb = Handlebars.create();
  // Every value lands in a JS/JSON string or a YAML scalar: a JSON string literal is valid in all three.
  hb.registerHelper('json', (v: unknown) => JSON.stringify(String(v)));
  hb.registerHelper('yaml', (v: unknown) => JSON.stringify(String(v)));
  const context = { ...SITE_VERSIONS, ...values };
  return listFiles(templatesDir).map((rel) => {
    const template = hb.compile(fs.readFileSync(path.join(templatesDir, rel), 'utf8'), { noEscape: true, strict: true });
    const target = rel
      .split('/')
      .map((part) => RENAMES[part] ?? part.replace('__provider__', values.provider))
      .join('/');
    return { path: target, contents: template(context) };
  });
}
