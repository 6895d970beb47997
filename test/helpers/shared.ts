import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
/** The read-only reference folder beside the repo; absent on some machines. */
export const SHARED = path.resolve(REPO, '..', 'shared');

export function sharedPath(...parts: string[]): string | undefined {
  const p = path.join(SHARED, ...parts);
  return fs.existsSync(p) ? p : undefined;
}

/** Prints why a test that needs ../shared is skipped, so a skip is never silent. */
export function skipNotice(what: string): void {
  console.warn(`SKIPPED: ${what} needs ${SHARED}, which does not exist on this machine`);
}

export function listFiles(dir: string, base = dir): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p, base));
    else out.push(path.relative(base, p).split(path.sep).join('/'));
  }
  return out.sort();
}
