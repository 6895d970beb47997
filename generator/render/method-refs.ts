import type { ServiceOverview } from '../model/types.js';
import { pathSegment } from './classic-context.js';
import { methodAnchor } from './detailed-tables.js';
import { inlineCode } from './escape.js';
import { escapeHtml } from './spec-html.js';
import { METHOD_REF } from './rst.js';
import type { OutputFile } from './render-pages.js';

// Sphinx `:method:svc/name` references in SDK docstrings name REST operations
// (`jobs/getrun` is the operation `jobs_get_run`), often of another service,
// whose file a service's pages never see. rst.ts leaves a marker; once every
// service of a provider is rendered, the markers are resolved here from the
// services' overviews: a link to the method's row in the Methods table of its
// page (`#method-<name>` on the same page), or plain code when the reference
// names no method of the provider (an SDK waiter, a typo).

interface Target {
  readonly href: string;
  readonly anchor: string;
}

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

export class MethodIndex {
  private readonly byOperation = new Map<string, Target>();
  // A provider's pages repeat the same references many times, and a reference
  // that names no operation exactly scans every operation.
  private readonly found = new Map<string, Target | undefined>();

  constructor(provider: string, services: readonly ServiceOverview[]) {
    for (const s of services) {
      for (const r of s.resources) {
        const href = `/providers/${pathSegment(provider)}/${pathSegment(s.name)}/${pathSegment(r.name)}/`;
        for (const op of r.operations) {
          const key = norm(op.operationId);
          if (key !== '' && !this.byOperation.has(key)) this.byOperation.set(key, { href, anchor: methodAnchor(op.method) });
        }
      }
    }
  }

  /**
   * `svc/name` is the operation whose id, in lower case without separators,
   * is `svcname`; else the one operation whose id ends so
   * (`settingsv2/getpublicworkspacesetting` is
   * `workspace_settings_v2_get_public_workspace_setting`).
   */
  find(ref: string): Target | undefined {
    if (this.found.has(ref)) return this.found.get(ref);
    const target = this.lookup(norm(ref));
    this.found.set(ref, target);
    return target;
  }

  private lookup(key: string): Target | undefined {
    if (key === '') return undefined;
    const exact = this.byOperation.get(key);
    if (exact) return exact;
    let found: Target | undefined;
    for (const [op, target] of this.byOperation) {
      if (!op.endsWith(key)) continue;
      if (found) return undefined;
      found = target;
    }
    return found;
  }
}

const MARKER = new RegExp('`' + METHOD_REF + '([\\w./-]+)`', 'g');
// The same marker inside an HTML region (spec-html.ts writes a code span as <code>).
const HTML_MARKER = new RegExp('<code>' + METHOD_REF + '([\\w./-]+)</code>', 'g');

/** Every method reference of a provider's pages as a link or as code; pages without one are returned as they are. */
export function resolveMethodRefs(files: OutputFile[], index: MethodIndex): OutputFile[] {
  return files.map((f) => {
    if (!f.contents.includes(METHOD_REF)) return f;
    const page = '/' + f.path.replace(/index\.md$/, '');
    const contents = f.contents
      .replace(MARKER, (_m, ref: string) => {
        const target = index.find(ref);
        if (!target) return inlineCode(ref);
        const href = target.href === page ? `#${target.anchor}` : `${target.href}#${target.anchor}`;
        return `[${inlineCode(ref)}](${href})`;
      })
      .replace(HTML_MARKER, (_m, ref: string) => {
        const target = index.find(ref);
        const code = `<code>${escapeHtml(ref)}</code>`;
        if (!target) return code;
        // Docusaurus does not see links in an HTML region, so it cannot prefix the site's base
        // url: a link to another page is relative to this one (every page is a folder's index).
        const href = target.href === page ? `#${target.anchor}` : `${relativeUrl(page, target.href)}#${target.anchor}`;
        // Single quotes: the region is a double-quoted JavaScript string.
        return `<a href='${escapeHtml(href)}'>${code}</a>`;
      });
    return { path: f.path, contents };
  });
}

/** `to` relative to `from`, both folder urls ending in `/`: `/a/b/c/` to `/a/d/` is `../../d/`. */
export function relativeUrl(from: string, to: string): string {
  const a = from.split('/').filter(Boolean);
  const b = to.split('/').filter(Boolean);
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  const up = '../'.repeat(a.length - common);
  const down = b.slice(common).map((s) => `${s}/`).join('');
  return up + down || './';
}
