import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** CLI tests run the real `bin/provider-docs.js`, which runs dist/: build it once before the suite. */
export default function setup(): void {
  const repo = fileURLToPath(new URL('../', import.meta.url));
  execFileSync(process.execPath, [`${repo}scripts/build.mjs`], { stdio: 'inherit', cwd: repo });
}
