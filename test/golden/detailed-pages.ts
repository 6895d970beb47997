import path from 'node:path';
import { REPO } from '../helpers/shared.js';
import { renderRegistry } from '../helpers/render.js';

/** Detailed pages of our own specs/, reviewed by eye and stored here. */
export const DETAILED_GOLDEN = path.join(REPO, 'test', 'golden', 'detailed');

export const DETAILED_PAGES = [
  'providers/databricks_workspace/workspace/user_tokens/index.md',
  'providers/databricks_workspace/compute/clusters/index.md',
  'providers/databricks_workspace/iam/users/index.md',
  'providers/databricks_workspace/filemanagement/directories/index.md',
  'providers/databricks_workspace/workspace/repos/index.md',
  'providers/databricks_account/provisioning/workspaces/index.md',
  'providers/databricks_workspace/workspace/index.md',
  'providers/databricks_workspace/index.md',
] as const;

export function renderDetailedSpecs(): ReturnType<typeof renderRegistry> {
  return renderRegistry(path.join(REPO, 'specs'), 'detailed');
}
