import fs from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../package-root.js';

/** Template sources by name: page templates (`resource`, `service`, `provider`) and partials. */
export interface TemplateSet {
  readonly layout: string;
  readonly pages: ReadonlyMap<string, string>;
  readonly partials: ReadonlyMap<string, string>;
  /** The file each template came from, by `page:<name>` and `partial:<name>`: what an error in it names. */
  readonly files?: ReadonlyMap<string, string>;
}

export const PAGE_TEMPLATES = ['provider', 'service', 'resource'] as const;

/** The templates shipped with the package (`<package>/templates`). */
export const BUILTIN_TEMPLATES_DIR = path.join(PACKAGE_ROOT, 'templates');

export function availableLayouts(dir = BUILTIN_TEMPLATES_DIR): string[] {
  return fs
    .readdirSync(dir)
    .filter((d) => d !== 'shared' && fs.existsSync(path.join(dir, d, 'resource.hbs')))
    .sort();
}

/**
 * Reads a layout's templates. Lookup order, later wins: `shared/` partials, the
 * layout's own templates and partials, then the user's `overrideDir`, whose files
 * replace ours by name (`resource.hbs` replaces the page, `x.hbs` the partial `x`).
 */
export function loadTemplates(layout: string, overrideDir?: string, dir = BUILTIN_TEMPLATES_DIR): TemplateSet {
  const layoutDir = path.join(dir, layout);
  if (!fs.existsSync(path.join(layoutDir, 'resource.hbs'))) {
    throw new Error(`unknown layout "${layout}" (available: ${availableLayouts(dir).join(', ')})`);
  }
  const pages = new Map<string, string>();
  const partials = new Map<string, string>();
  const files = new Map<string, string>();
  const take = (root: string, pagesToo: boolean): void => {
    for (const file of listHbs(root)) {
      const name = path.basename(file, '.hbs');
      const text = fs.readFileSync(file, 'utf8');
      const page = pagesToo && (PAGE_TEMPLATES as readonly string[]).includes(name) && path.dirname(file) === root;
      (page ? pages : partials).set(name, text);
      files.set(`${page ? 'page' : 'partial'}:${name}`, path.resolve(file));
    }
  };
  take(path.join(dir, 'shared'), false);
  take(layoutDir, true);
  if (overrideDir) {
    if (!fs.existsSync(overrideDir)) throw new Error(`templates folder not found: ${overrideDir}`);
    take(path.resolve(overrideDir), true);
  }
  for (const p of PAGE_TEMPLATES) if (!pages.has(p)) throw new Error(`layout "${layout}" has no ${p}.hbs`);
  return { layout, pages, partials, files };
}


/** Every `.hbs` file under `root`, sorted; none when it does not exist. */
export function listHbs(root: string): string[] {
  if (!fs.existsSync(root)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(root, { withFileTypes: true })) {
    const p = path.join(root, entry.name);
    if (entry.isDirectory()) out.push(...listHbs(p));
    else if (entry.name.endsWith('.hbs')) out.push(p);
  }
  return out.sort();
}
