import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder holding this package's package.json. Code runs from generator/
 * (tests), from dist/ (the CLI) or from a bundled chunk inside dist/, so paths
 * to templates, specs and the worker are found from the package, not from the
 * running file.
 */
export function packageRoot(from: string = import.meta.url): string {
  let dir = path.dirname(fileURLToPath(from));
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg)) {
      try {
        if ((JSON.parse(fs.readFileSync(pkg, 'utf8')) as { name?: string }).name === 'provider-docs') return dir;
      } catch {
        // not ours; keep looking
      }
    }
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`provider-docs: cannot find the package root above ${fileURLToPath(from)}`);
    dir = up;
  }
}

export const PACKAGE_ROOT = packageRoot();

/** True when running the compiled output (dist/), which has the worker entry to start. */
export const COMPILED = import.meta.url.endsWith('.js');
