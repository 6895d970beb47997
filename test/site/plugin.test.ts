// `docusaurus gen-provider-docs` (site/plugins/gen-provider-docs): the Docusaurus CLI command
// that runs the generator. Compared with `provider-docs generate` on the same inputs: the same
// summary line and byte-identical pages.
//
// Docusaurus registers plugin commands after loading the config of the site in
// DOCUSAURUS_CLI_SITE_DIR (default: the current folder), so from the repository root the command
// needs DOCUSAURUS_CLI_SITE_DIR=site; inside site/ it needs nothing.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { repoRoot, siteDir } from '../../site/lib/docs-tree.mjs';
import { docusaurusCli, generatorCli } from '../../site/scripts/lib.mjs';

const SPECS = path.join(repoRoot, 'specs');
const USER_TOKENS_PAGE = 'providers/databricks_workspace/workspace/user_tokens/index.md';
const WORKSPACE_SPEC = 'databricks_workspace/v00.00.00000/services/workspace.yaml';
const ORIGINAL = 'Lists all the valid tokens for a user-workspace pair.';
const SUMMARY = /^\d+ providers, \d+ services, \d+ resources, \d+ pages \((.*)\), (\d+) errors, (\d+) warnings, [\d.]+s$/m;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], o: { cwd?: string; env?: Record<string, string> } = {}): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...o.env };
  // the config's docs folder (the plugin's `out` option) must not come from the caller's shell
  if (!o.env?.PROVIDER_DOCS_DIR) delete env.PROVIDER_DOCS_DIR;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: o.cwd ?? repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** `docusaurus gen-provider-docs site <args>` from the repository root. */
const genDocs = (args: string[], env: Record<string, string> = {}) =>
  run([docusaurusCli, 'gen-provider-docs', 'site', ...args], { env: { DOCUSAURUS_CLI_SITE_DIR: 'site', ...env } });

/** `provider-docs generate <args>`, the reference. */
const cli = (args: string[]) => run([generatorCli, 'generate', ...args]);

/** Relative path -> contents of every file under `dir`, without the generator's own records. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (!e.name.startsWith('.provider-docs-')) out[path.relative(dir, p)] = fs.readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

const withoutTime = (summary: string) => summary.replace(/, [\d.]+s$/m, '');
const summaryOf = (r: Run) => SUMMARY.exec(r.stdout)?.[0] ?? `(no summary line in ${JSON.stringify(r.stdout + r.stderr)})`;

describe('docusaurus gen-provider-docs', () => {
  let work: string;
  const tmp = (name: string) => path.join(work, name);

  beforeAll(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'provider-docs-plugin-test-'));
  });
  afterAll(() => {
    fs.rmSync(work, { recursive: true, force: true });
  });

  test('is listed in the Docusaurus CLI help', async () => {
    const r = await run([docusaurusCli, '--help'], { cwd: siteDir });
    expect(r.stdout).toMatch(/^\s+gen-provider-docs \[options\] \[siteDir\]\s+Generate the provider pages/m);
    const own = await run([docusaurusCli, 'gen-provider-docs', '--help'], { cwd: siteDir });
    for (const flag of ['--registry <root>', '--out <dir>', '--provider <name>', '--layout <name>', '--templates <dir>', '--check', '--force', '--strict']) {
      expect(own.stdout).toContain(flag);
    }
  });

  test('--out: writes the pages provider-docs generate writes, with its summary line', async () => {
    const [r, ref] = await Promise.all([genDocs(['--out', tmp('docs')]), cli(['--out', tmp('ref')])]);
    expect(r.code, r.stderr).toBe(0);
    expect(ref.code, ref.stderr).toBe(0);
    const summary = summaryOf(r);
    expect(summary).toMatch(/\(\d+ written, 0 removed, 0 unchanged\), 0 errors, 0 warnings/);
    expect(withoutTime(summary)).toBe(withoutTime(summaryOf(ref)));
    const pages = tree(tmp('docs'));
    expect(Object.keys(pages)).toContain(USER_TOKENS_PAGE);
    expect(pages[USER_TOKENS_PAGE]).toContain(ORIGINAL);
    expect(pages).toEqual(tree(tmp('ref')));
    expect(r.stderr).not.toMatch(/ExperimentalWarning|Error/);

    // a second run finds nothing to do
    const again = await genDocs(['--out', tmp('docs')]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^up to date: .*nothing written/m);
  });

  test('the plugin options: without --out it writes to the config\'s docs folder (PROVIDER_DOCS_DIR)', async () => {
    const r = await genDocs(['--provider', 'databricks_account'], { PROVIDER_DOCS_DIR: tmp('config-docs') });
    expect(r.code, r.stderr).toBe(0);
    const files = Object.keys(tree(tmp('config-docs')));
    expect(files).toContain('providers/databricks_account/index.md');
    expect(files.some((f) => f.startsWith('providers/databricks_workspace/'))).toBe(false);
  });

  test('from inside the site folder, without the site argument', async () => {
    const r = await run([docusaurusCli, 'gen-provider-docs', '--out', tmp('inside')], { cwd: siteDir });
    expect(r.code, r.stderr).toBe(0);
    expect(tree(tmp('inside'))).toHaveProperty([USER_TOKENS_PAGE]);
  });

  test('--registry and --check: 0 when current, 1 when stale (nothing written), then a run updates', async () => {
    const registry = tmp('registry');
    fs.cpSync(SPECS, registry, { recursive: true });
    const out = tmp('reg-docs');
    const first = await genDocs(['--registry', registry, '--out', out, '--layout', 'classic']);
    expect(first.code, first.stderr).toBe(0);
    expect(tree(out)[USER_TOKENS_PAGE]).toContain(ORIGINAL);

    const current = await genDocs(['--registry', registry, '--out', out, '--check']);
    expect(current.code, current.stdout + current.stderr).toBe(0);

    const spec = path.join(registry, WORKSPACE_SPEC);
    fs.writeFileSync(spec, fs.readFileSync(spec, 'utf8').replace(ORIGINAL, 'Lists the tokens (plugin test).'));
    const before = tree(out);
    const stale = await genDocs(['--registry', registry, '--out', out, '--check']);
    expect(stale.code, stale.stdout + stale.stderr).toBe(1);
    expect(stale.stdout).toContain(`change ${USER_TOKENS_PAGE}`);
    expect(summaryOf(stale)).toMatch(/\(1 stale\), 0 errors/);
    expect(tree(out)).toEqual(before);

    const update = await genDocs(['--registry', registry, '--out', out]);
    expect(update.code, update.stderr).toBe(0);
    expect(summaryOf(update)).toMatch(/\(1 written, 0 removed, \d+ unchanged\)/);
    expect(tree(out)[USER_TOKENS_PAGE]).toContain('Lists the tokens (plugin test).');
    const ok = await genDocs(['--registry', registry, '--out', out, '--check']);
    expect(ok.code).toBe(0);
  });

  test('errors: exit 2 with the located diagnostic, nothing of the broken provider written', async () => {
    const registry = tmp('bad-registry');
    fs.cpSync(SPECS, registry, { recursive: true });
    fs.appendFileSync(path.join(registry, WORKSPACE_SPEC), 'broken: [unclosed\n');
    const r = await genDocs(['--registry', registry, '--out', tmp('bad-docs')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`${WORKSPACE_SPEC.replace(/\./g, '\\.')}:\\d+:\\d+: error yaml-syntax`));
    expect(summaryOf(r)).toMatch(/, 1 errors/);
    // Each provider is atomic on its own: the broken one writes nothing, the other is written.
    expect(fs.existsSync(path.join(tmp('bad-docs'), 'providers', 'databricks_workspace'))).toBe(false);
    expect(fs.existsSync(path.join(tmp('bad-docs'), 'providers', 'databricks_account', 'index.md'))).toBe(true);

    const layout = await genDocs(['--out', tmp('bad-docs'), '--layout', 'nope']);
    expect(layout.code).toBe(2);
    expect(layout.stderr).toContain('unknown layout "nope"');
  });

  test('a site argument other than the loaded site is refused with the way to run it', async () => {
    const r = await run([docusaurusCli, 'gen-provider-docs', 'elsewhere', '--out', tmp('never')], { cwd: siteDir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('DOCUSAURUS_CLI_SITE_DIR=elsewhere');
    expect(fs.existsSync(tmp('never'))).toBe(false);
  });
});
