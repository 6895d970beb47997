// The Docusaurus plugin under `docusaurus start`: Docusaurus reloads it (loadContent) once per
// changed spec file, and those reloads overlap when several files change at once (a save of two
// specs, a git checkout). Every reload must end with pages that show every change, without an
// error, and overlapping reloads must not each run the generator over the same output folder.
// The plugin is called as Docusaurus calls it (constructor, then loadContent), from dist/ (built
// by the global setup), on a copy of our sample specs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LoadContext, Plugin } from '@docusaurus/types';
import { afterAll, describe, expect, test, vi } from 'vitest';

const repo = path.resolve(import.meta.dirname, '..', '..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'provider-docs-plugin-reload-'));
const registry = path.join(work, 'registry');
const out = path.join(work, 'docs');
const WORKSPACE = 'databricks_workspace/v00.00.00000/services/workspace.yaml';
const USER_TOKENS_PAGE = 'providers/databricks_workspace/workspace/user_tokens/index.md';
const ORIGINAL = 'Lists all the valid tokens for a user-workspace pair.';
/** An operation's description, a plain scalar (its first sentence is a Methods-table row). */
const OPERATION_DESCRIPTION = /^( {6}description: )(?=[^\s>|])/m;

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** The service files of the sample registry other than workspace.yaml, with an operation description to edit. */
function otherServices(): string[] {
  const dir = path.join(registry, 'databricks_workspace/v00.00.00000/services');
  return fs
    .readdirSync(dir)
    .map((f) => path.join(dir, f))
    .filter((f) => !f.endsWith('workspace.yaml') && OPERATION_DESCRIPTION.test(fs.readFileSync(f, 'utf8')));
}

describe('plugin reloads in the dev server', () => {
  test('overlapping reloads after edits to several specs: no error, every edit on the pages', async () => {
    fs.cpSync(path.join(repo, 'specs'), registry, { recursive: true });
    const argv2 = process.argv[2];
    process.argv[2] = 'start'; // what the plugin reads to know it runs in the dev server
    const stdout: string[] = [];
    const stderr: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => (stdout.push(String(s)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => (stderr.push(String(s)), true));
    let plugin: Plugin<unknown>;
    try {
      const { default: providerDocs } = (await import(path.join(repo, 'dist', 'docusaurus', 'plugin.js'))) as {
        default: (context: LoadContext, options: Record<string, unknown>) => Promise<Plugin<unknown>>;
      };
      plugin = await providerDocs({ siteDir: work } as LoadContext, { registry, out, layout: 'detailed' });
      await plugin.loadContent!(); // Docusaurus' first load: the constructor generated already
      expect(fs.readFileSync(path.join(out, USER_TOKENS_PAGE), 'utf8')).toContain(ORIGINAL);

      // three files change at once; Docusaurus reloads the plugin once per file, without waiting
      const workspace = path.join(registry, WORKSPACE);
      fs.writeFileSync(workspace, fs.readFileSync(workspace, 'utf8').replace(ORIGINAL, 'Edited in workspace.yaml.'));
      const others = otherServices().slice(0, 2);
      expect(others.length).toBe(2);
      others.forEach((f, i) => fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace(OPERATION_DESCRIPTION, `$1Edited${i} `)));
      const reloads = await Promise.all([plugin.loadContent!(), plugin.loadContent!(), plugin.loadContent!()]);
      expect(reloads.every((r) => JSON.stringify(r) === JSON.stringify(reloads[0]))).toBe(true);
    } finally {
      process.argv[2] = argv2!;
      vi.restoreAllMocks();
    }

    expect(stderr.join('').match(/error|keeps the previous pages/g) ?? []).toEqual([]);
    const pages = fs.readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md'));
    const text = pages.map((f) => fs.readFileSync(path.join(out, f), 'utf8')).join('\n');
    for (const edit of ['Edited in workspace.yaml.', 'Edited0 ', 'Edited1 ']) expect(text).toContain(edit);
    // Summary lines: the constructor's run, then the first reload's run; the two reloads that came
    // during it share one more run, which finds everything up to date (and says nothing). One run
    // per reload, overlapping, logged three times after the constructor's.
    expect(stdout.filter((l) => /\[provider-docs\] .* pages \(/.test(l)).length).toBe(2);
  });
});
