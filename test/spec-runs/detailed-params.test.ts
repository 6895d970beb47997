import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { escapeAttr } from '../../generator/render/escape.js';
import { escapeHtml } from '../../generator/render/spec-html.js';
import { htmlRegions } from '../helpers/page-checks.js';
import { REPO, sharedPath, skipNotice } from '../helpers/shared.js';
import { renderRegistry } from '../helpers/render.js';

// Every parameter of every method, read straight from the raw YAML (not from
// our model), is on the detailed page of its resource: as a row of the
// Parameters section, and linked from the method's row in the Methods table.
// Parameters the spec gives without a schema count like any other; unnamed
// ones cannot be shown and are skipped. The pages' MDX compile is checked by
// whole-spec.test.ts, which runs every layout.

const registries: [string, string | undefined][] = [
  ['our specs/', path.join(REPO, 'specs')],
  ['databricks-2024-12', sharedPath('specs', 'databricks-2024-12')],
  ['databricks-2026-02', sharedPath('specs', 'databricks-2026-02')],
  ['databricks-2026-07', sharedPath('specs', 'databricks-2026-07')],
];

type Rec = Record<string, unknown>;
const rec = (v: unknown): Rec | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Rec) : undefined);

/** Resolves a local `#/a/b` reference (RFC 6901, with percent-decoding for safety). */
function resolve(doc: unknown, ref: string): unknown {
  if (!ref.startsWith('#')) return undefined;
  let cur: unknown = doc;
  for (const raw of ref.slice(1).split('/').slice(1)) {
    let seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    try {
      seg = decodeURIComponent(seg);
    } catch {
      // keep as written
    }
    cur = rec(cur)?.[seg] ?? (Array.isArray(cur) ? cur[Number(seg)] : undefined);
    if (cur === undefined) return undefined;
  }
  return cur;
}

const deref = (doc: unknown, node: unknown): unknown => {
  const r = rec(node)?.['$ref'];
  return typeof r === 'string' ? resolve(doc, r) : node;
};

interface RawMethod {
  readonly resourceId: string;
  readonly method: string;
  readonly params: string[];
}

/** Methods and their parameter names (operation, path item, then server variables) from the raw service files. */
function rawMethods(root: string): RawMethod[] {
  const out: RawMethod[] = [];
  for (const provider of fs.readdirSync(root)) {
    const pdir = path.join(root, provider);
    if (!fs.statSync(pdir).isDirectory()) continue;
    for (const version of fs.readdirSync(pdir)) {
      const pfile = path.join(pdir, version, 'provider.yaml');
      if (!fs.existsSync(pfile)) continue;
      const pdoc = rec(yaml.load(fs.readFileSync(pfile, 'utf8')));
      for (const [service, entry] of Object.entries(rec(pdoc?.['providerServices']) ?? {})) {
        const ref = rec(rec(entry)?.['service'])?.['$ref'];
        if (typeof ref !== 'string') continue;
        const doc = yaml.load(fs.readFileSync(path.join(root, ref), 'utf8'));
        const resources = rec(rec(rec(doc)?.['components'])?.['x-stackQL-resources']) ?? {};
        for (const [key, rnode] of Object.entries(resources)) {
          const r = rec(rnode);
          if (!r || rec(rec(r['config'])?.['views'])) continue;
          const name = typeof r['name'] === 'string' ? r['name'] : key;
          const resourceId = typeof r['id'] === 'string' ? r['id'] : `${provider}.${service}.${name}`;
          for (const [method, mnode] of Object.entries(rec(r['methods']) ?? {})) {
            const opRef = rec(rec(mnode)?.['operation'])?.['$ref'];
            if (typeof opRef !== 'string') continue;
            const op = rec(resolve(doc, opRef));
            const pathItem = rec(resolve(doc, opRef.slice(0, opRef.lastIndexOf('/'))));
            if (!op) continue;
            const names: string[] = [];
            for (const list of [op['parameters'], pathItem?.['parameters']]) {
              if (!Array.isArray(list)) continue;
              for (const p of list) {
                const n = rec(deref(doc, p))?.['name'];
                if (typeof n === 'string' && n !== '') names.push(n);
              }
            }
            const servers = [op['servers'], pathItem?.['servers'], rec(doc)?.['servers']].find((s) => Array.isArray(s) && s.length > 0) as unknown[] | undefined;
            names.push(...Object.keys(rec(rec(servers?.[0])?.['variables']) ?? {}));
            out.push({ resourceId, method, params: [...new Set(names)] });
          }
        }
      }
    }
  }
  return out;
}

describe('detailed pages show every parameter of the spec', () => {
  for (const [name, root] of registries) {
    describe(name, () => {
      if (!root) {
        it('parameters', () => skipNotice(`the parameter check of ${name}`));
        return;
      }
      it('each parameter of each method is listed and linked from its method', async () => {
        const { files } = await renderRegistry(root, 'detailed');
        const pageOf = new Map<string, string>();
        for (const f of files) {
          const id = /<tr><td><b>Id<\/b><\/td><td><CopyableCode code="([^"]*)" \/><\/td><\/tr>/.exec(f.contents)?.[1];
          if (id !== undefined && f.path.split('/').length === 5) pageOf.set(id, f.contents);
        }
        const missing: string[] = [];
        let checked = 0;
        for (const m of rawMethods(root)) {
          const page = pageOf.get(escapeAttr(m.resourceId));
          if (page === undefined) {
            missing.push(`${m.resourceId}: no page`);
            continue;
          }
          if (m.params.length === 0) continue;
          // Both tables are HTML regions; htmlRegions decodes them (and leaves the names' <wbr> out).
          const methods = htmlRegions(page.slice(page.indexOf('\n## Methods\n'), page.indexOf('\n## Parameters\n'))).join('\n');
          const params = htmlRegions(page.slice(page.indexOf('\n## Parameters\n'))).join('\n');
          // A row's name cell may carry attributes, and its name an anchor (`<code class='pd-copyable' id='method-x'>x</code>`).
          const first = `${escapeHtml(m.method)}</code></td>\n`;
          const lead = /^<td[^>]*><code class='pd-copyable'(?: id='[^']*')?>/;
          const rows = methods.split(/<tr[^>]*>\n/).filter((row) => lead.exec(row) !== null && row.slice(lead.exec(row)![0].length).startsWith(first));
          if (rows.length === 0) missing.push(`${m.resourceId}.${m.method}: no row in Methods`);
          for (const p of m.params) {
            checked++;
            if (!params.includes(`'>${escapeHtml(p)}</code></td>\n<td class='pd-type'`)) missing.push(`${m.resourceId}.${m.method}: ${p} not in Parameters`);
            for (const row of rows) if (!row.includes(`<code>${escapeHtml(p)}</code></a>`)) missing.push(`${m.resourceId}.${m.method}: ${p} not linked from its method`);
          }
        }
        expect(missing).toEqual([]);
        expect(checked).toBeGreaterThan(0);
        console.log(`${name}: ${checked} method parameters found on ${pageOf.size} pages`);
      }, 600_000);
    });
  }
});
