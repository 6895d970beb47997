// The repository's provider-docs workflow: created from templates/init/workflow.yml with the
// first site, then each `init` adds its site to the build job's matrix. Edited as a YAML
// document, so comments and the rest of the file stay as they are.
import fs from 'node:fs';
import path from 'node:path';
import { parseDocument, isMap, isSeq, type Document } from 'yaml';
import { INIT_TEMPLATES_DIR } from './scaffold.js';

export const WORKFLOW_FILE = '.github/workflows/provider-docs.yml';

export interface MatrixSite {
  /** Unique name of the site: artifact names and its folder on GitHub Pages. */
  readonly name: string;
  /** Site folder relative to the repository root. */
  readonly dir: string;
  readonly provider: string;
  /** Registry root relative to the repository root; empty when it is outside the repository (no diff). */
  readonly registry: string;
}

export type WorkflowUpdate =
  | { readonly kind: 'write'; readonly contents: string; readonly created: boolean }
  | { readonly kind: 'listed' }
  | { readonly kind: 'error'; readonly message: string };

const MATRIX_PATH = ['jobs', 'build', 'strategy', 'matrix', 'include'] as const;

/** `existing` is the current workflow text (undefined when there is none); `branch` the default branch for a new file. */
export function addSiteToWorkflow(existing: string | undefined, site: MatrixSite, branch: string): WorkflowUpdate {
  const created = existing === undefined;
  const doc: Document = parseDocument(existing ?? fs.readFileSync(path.join(INIT_TEMPLATES_DIR, 'workflow.yml'), 'utf8'));
  if (doc.errors.length > 0) return { kind: 'error', message: `${WORKFLOW_FILE} is not valid YAML: ${doc.errors[0]!.message}` };
  const include = doc.getIn([...MATRIX_PATH], true);
  if (!isSeq(include)) {
    return { kind: 'error', message: `${WORKFLOW_FILE} exists but has no jobs.build.strategy.matrix.include list: it is not a provider-docs workflow` };
  }
  for (const item of include.items) {
    if (!isMap(item)) continue;
    if (item.get('dir') === site.dir) return { kind: 'listed' };
    if (item.get('name') === site.name) {
      return { kind: 'error', message: `${WORKFLOW_FILE} already has a site named "${site.name}" (${String(item.get('dir'))})` };
    }
  }
  if (created) doc.setIn(['on', 'push', 'branches'], doc.createNode([branch], { flow: true }));
  include.flow = false;
  include.items.push(doc.createNode({ name: site.name, dir: site.dir, provider: site.provider, registry: site.registry }));
  return { kind: 'write', contents: doc.toString({ lineWidth: 0 }), created };
}
