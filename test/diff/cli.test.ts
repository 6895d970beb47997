import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, sharedPath, skipNotice } from '../helpers/shared.js';
import { copySpecs, runCli } from '../helpers/cli.js';
import { REPORT_TITLE } from '../../generator/diff/format-markdown.js';

// The built CLI end to end: `node bin/provider-docs.js diff ...`, as CI runs it
// (dist/ is compiled by test/global-setup.ts).

const SPECS = path.join(REPO, 'specs');
const made: string[] = [];

const cli = (...args: string[]) => runCli(args);

/** A copy of our sample registry, changed by `edit`. */
function registry(edit: (root: string) => void = () => {}): string {
  const root = copySpecs();
  made.push(root);
  edit(root);
  return root;
}

beforeAll(() => {
  expect(fs.existsSync(path.join(REPO, 'dist', 'diff', 'diff-command.js')), 'dist/ is built by the global setup').toBe(true);
});

afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

describe('provider-docs diff (built CLI)', () => {
  it('prints the report header and exits 0 for identical registries, with or without --exit-code', () => {
    const r = cli('diff', '--base', SPECS, '--head', SPECS);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')[0]).toBe(REPORT_TITLE);
    expect(r.stdout).toContain('| resources | 0 | 0 | 0 |');
    expect(r.stdout).toContain('\nNo differences.\n');
    expect(cli('diff', '--base', SPECS, '--head', SPECS, '--exit-code').code).toBe(0);
  });

  it('exits 0 on differences, 1 with --exit-code', () => {
    const base = registry((root) => fs.rmSync(path.join(root, 'databricks_account'), { recursive: true }));
    const r = cli('diff', '--base', base, '--head', SPECS);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\| providers \| 1 \| 0 \| 0 \|$/m);
    expect(r.stdout).toContain('### Provider `databricks_account` (added)');
    expect(cli('diff', '--base', base, '--head', SPECS, '--exit-code').code).toBe(1);
    const back = cli('diff', '--base', SPECS, '--head', base, '--format', 'json');
    expect(back.code).toBe(0);
    expect(JSON.parse(back.stdout).counts.providers).toEqual({ added: 0, changed: 0, removed: 1 });
  });

  it('--provider takes a provider found on one side only as added', () => {
    const base = registry((root) => fs.rmSync(path.join(root, 'databricks_account'), { recursive: true }));
    const r = cli('diff', '--base', base, '--head', SPECS, '--provider', 'databricks_account', '--format', 'json');
    expect(r.code).toBe(0);
    const data = JSON.parse(r.stdout);
    expect(data.providers.map((p: { name: string; status: string }) => `${p.name}:${p.status}`)).toEqual(['databricks_account:added']);
  });

  it('exits 2 with the loader diagnostics on stderr when a registry does not load', () => {
    const broken = registry((root) => {
      const f = path.join(root, 'databricks_account', 'v00.00.00000', 'services', 'iam.yaml');
      fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace(/\n/, '\n  bad: [unclosed\n'));
    });
    const r = cli('diff', '--base', SPECS, '--head', broken);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/\/databricks_account\/v00\.00\.00000\/services\/iam\.yaml:\d+(:\d+)?: error [\w-]+: /);
    expect(r.stderr).toMatch(/no report/);
  });

  it.each([
    ['a missing root', ['--base', 'nowhere', '--head', SPECS], /registry-missing/],
    ['a provider on neither side', ['--base', SPECS, '--head', SPECS, '--provider', 'nope'], /no provider "nope" in either registry/],
    ['no --head', ['--base', SPECS], /needs --base <root> and --head <root>/],
    ['an unknown format', ['--base', SPECS, '--head', SPECS, '--format', 'html'], /unknown format "html"/],
    ['an unknown option', ['--base', SPECS, '--head', SPECS, '--colour'], /colour/],
    ['a bad --max-chars', ['--base', SPECS, '--head', SPECS, '--max-chars', '12'], /--max-chars/],
  ])('exits 2 on %s', (_label, args, message) => {
    const r = cli('diff', ...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('is listed in --help', () => {
    const r = cli('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('provider-docs diff --base <root> --head <root>');
    expect(r.stdout).toContain('--exit-code');
  });

  const from = sharedPath('specs', 'databricks-2024-12');
  const to = sharedPath('specs', 'databricks-2026-02');
  it('reports databricks-2024-12 -> databricks-2026-02 with its counts and likely moves', () => {
    if (!from || !to) return skipNotice('the CLI diff of the real registries');
    const r = cli('diff', '--base', from, '--head', to);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(REPORT_TITLE);
    expect(r.stdout).toContain('| resources | 227 | 168 | 44 |');
    expect(r.stdout).toContain('| methods | 896 | 603 | 13 |');
    expect(r.stdout).toContain('- likely move: `databricks_account.iam.groups` -> `databricks_account.iam.account_groups` (6 of 6 operations)');
    expect(r.stdout.match(/^- likely move: /gm)).toHaveLength(161);
    const cut = cli('diff', '--base', from, '--head', to, '--max-chars', '60000');
    expect(cut.code).toBe(0);
    expect(cut.stdout.length).toBeLessThanOrEqual(60000);
    expect(cut.stdout).toContain('_Report truncated:');
  }, 120_000);
});
