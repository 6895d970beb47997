import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { REPO } from '../helpers/shared.js';

// site/docs holds the pages of our own specs/, committed beside them the way a
// provider repository keeps its docs. They must be exactly what the generator
// writes now: run `npx provider-docs generate` after changing specs, settings,
// templates or the generator.

describe('committed site/docs', () => {
  it('are what the generator writes from specs/ now', () => {
    const committed = path.join(REPO, 'site', 'docs');
    expect(fs.existsSync(path.join(committed, '.provider-docs-manifest.json'))).toBe(true);
    // A copy without the machine-local caches, so the check reads every page.
    const copy = path.join(tempDir(), 'docs');
    fs.cpSync(committed, copy, { recursive: true, filter: (src) => !/\.provider-docs-(cache|inputs)/.test(src) });
    const r = runCli(['generate', '--out', copy, '--check']);
    expect(r.stdout + r.stderr, 'site/docs is stale: run `npx provider-docs generate`').toMatch(/0 stale/);
    expect(r.code).toBe(0);
  });
});
