// `provider-docs init`: the scaffold, its refusal to overwrite, and the workflow's matrix. The
// site build itself is the package test's (test/package/maintainer.test.ts).
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, snapshot, tempDir } from '../helpers/cli.js';
import { REPO } from '../helpers/shared.js';

const SPECS = path.join(REPO, 'specs');
const WORKFLOW = '.github/workflows/provider-docs.yml';

interface Matrix {
  name: string;
  dir: string;
  provider: string;
  registry: string;
}
const matrix = (file: string): Matrix[] =>
  (parseYaml(fs.readFileSync(file, 'utf8')) as { jobs: { build: { strategy: { matrix: { include: Matrix[] } } } } }).jobs.build.strategy.matrix.include;

describe('provider-docs init', () => {
  const dirs: string[] = [];
  const repo = () => {
    const d = tempDir('pd-init-');
    dirs.push(d);
    fs.mkdirSync(path.join(d, '.git'));
    fs.writeFileSync(path.join(d, '.git', 'HEAD'), 'ref: refs/heads/trunk\n');
    return d;
  };
  afterAll(() => {
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  it('scaffolds a site that depends on the package, with its first pages and the workflow of the repository', () => {
    const root = repo();
    const registry = path.join(root, 'specs');
    fs.cpSync(SPECS, registry, { recursive: true });
    const r = runCli(['init', 'website/acct', '--registry', 'specs', '--provider', 'databricks_account', '--base-url', 'docs/acct'], root);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const site = path.join(root, 'website', 'acct');
    const pkg = JSON.parse(fs.readFileSync(path.join(site, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; scripts: Record<string, string> };
    expect(Object.keys(pkg.dependencies)).toEqual(expect.arrayContaining(['provider-docs', '@docusaurus/core', '@docusaurus/faster', '@easyops-cn/docusaurus-search-local', 'react']));
    expect(pkg.scripts.build).toBe('docusaurus build');
    const config = fs.readFileSync(path.join(site, 'docusaurus.config.ts'), 'utf8');
    expect(config).toContain('registry: "../../specs"');
    expect(config).toContain('provider: "databricks_account"');
    expect(config).toContain('layout: "detailed"');
    expect(config).toContain("baseUrl: process.env.BASE_URL || \"/docs/acct/\"");
    expect(config).toContain("onBrokenLinks: 'throw'");
    expect(config).toContain('faster: true');
    expect(config).toContain("['provider-docs/docusaurus', providerDocs]");
    expect(fs.readFileSync(path.join(site, '.gitignore'), 'utf8')).toContain('node_modules/');
    // the first pages, detailed layout
    expect(fs.readFileSync(path.join(site, 'docs/providers/databricks_account/provisioning/workspaces/index.md'), 'utf8')).toContain('## Parameters');
    // the workflow: the repository root's, on the branch HEAD names, listing the site
    const wf = path.join(root, WORKFLOW);
    expect(matrix(wf)).toEqual([{ name: 'databricks_account', dir: 'website/acct', provider: 'databricks_account', registry: 'specs' }]);
    expect((parseYaml(fs.readFileSync(wf, 'utf8')) as { on: { push: { branches: string[] } } }).on.push.branches).toEqual(['trunk']);
  });

  it('refuses to overwrite, naming the files, and writes nothing; --force overwrites', () => {
    const root = repo();
    expect(runCli(['init', 'site', '--registry', SPECS, '--provider', 'databricks_account'], root).code).toBe(0);
    fs.writeFileSync(path.join(root, 'site', 'sidebars.ts'), '// mine\n');
    const before = snapshot(root);
    const again = runCli(['init', 'site', '--registry', SPECS, '--provider', 'databricks_workspace'], root);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/site already has .*docusaurus\.config\.ts.*package\.json.*sidebars\.ts.*--force/);
    expect(snapshot(root)).toEqual(before);
    const forced = runCli(['init', 'site', '--registry', SPECS, '--provider', 'databricks_account', '--force'], root);
    expect(forced.code).toBe(0);
    expect(fs.readFileSync(path.join(root, 'site', 'sidebars.ts'), 'utf8')).toContain('providerSidebars');
    expect(forced.stdout).toContain('lists the site already');
    expect(matrix(path.join(root, WORKFLOW))).toHaveLength(1);
  });

  it('a second site joins the matrix; the rest of the workflow stays as it was', () => {
    const root = repo();
    expect(runCli(['init', 'sites/a', '--registry', SPECS, '--provider', 'databricks_account'], root).code).toBe(0);
    const wf = path.join(root, WORKFLOW);
    const first = fs.readFileSync(wf, 'utf8');
    expect(runCli(['init', 'sites/w', '--registry', SPECS, '--provider', 'databricks_workspace', '--layout', 'classic'], root).code).toBe(0);
    const second = fs.readFileSync(wf, 'utf8');
    expect(matrix(wf).map((m) => m.dir)).toEqual(['sites/a', 'sites/w']);
    // only the matrix grew: every line of the first version is still there, in order
    const lines = second.split('\n');
    let at = 0;
    const lost = first.split('\n').filter((line) => {
      const i = lines.indexOf(line, at);
      if (i < 0) return true;
      at = i + 1;
      return false;
    });
    expect(lost).toEqual([]);
    expect(second.length).toBeGreaterThan(first.length);
    // a registry outside the repository: no diff for that site
    expect(matrix(wf)[1]!.registry).toBe('');
    expect(fs.readFileSync(path.join(root, 'sites/w/docusaurus.config.ts'), 'utf8')).toContain('layout: "classic"');
  });

  it("the workflow follows GitHub's hardening advice", () => {
    const root = repo();
    expect(runCli(['init', 'site', '--registry', SPECS, '--provider', 'databricks_account'], root).code).toBe(0);
    const text = fs.readFileSync(path.join(root, WORKFLOW), 'utf8');
    type Step = { uses?: string; run?: string };
    const wf = parseYaml(text) as { on: Record<string, unknown>; permissions: unknown; jobs: Record<string, { permissions?: Record<string, string>; steps: Step[] }> };
    expect(Object.keys(wf.on).sort()).toEqual(['pull_request', 'push']);
    expect(wf.permissions).toEqual({});
    const steps = Object.values(wf.jobs).flatMap((j) => j.steps);
    // every action pinned to a full commit SHA
    for (const s of steps.filter((s) => s.uses)) expect(s.uses).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
    // no expression inside a script: event and matrix text reach scripts through env only
    for (const s of steps.filter((s) => s.run)) expect(s.run).not.toContain('${{');
    // least privilege per job; only the job that runs no PR code may write
    expect(wf.jobs.build!.permissions).toEqual({ contents: 'read' });
    expect(wf.jobs.comment!.permissions).toEqual({ 'pull-requests': 'write' });
    expect(wf.jobs.comment!.steps.some((s) => s.uses?.startsWith('actions/checkout@'))).toBe(false);
    expect(wf.jobs.deploy!.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
  });

  it("the build restores its site's bundler cache (Docusaurus Faster's persistent cache) before building", () => {
    const root = repo();
    expect(runCli(['init', 'site', '--registry', SPECS, '--provider', 'databricks_account'], root).code).toBe(0);
    type Step = { name?: string; uses?: string; run?: string; with?: Record<string, string> };
    const wf = parseYaml(fs.readFileSync(path.join(root, WORKFLOW), 'utf8')) as { jobs: Record<string, { steps: Step[] }> };
    const steps = wf.jobs.build!.steps;
    const cache = steps.findIndex((s) => s.uses?.startsWith('actions/cache@'));
    const build = steps.findIndex((s) => s.run === 'npm run build');
    expect(cache).toBeGreaterThan(steps.findIndex((s) => s.run?.startsWith('npm ci')));
    expect(cache).toBeLessThan(build);
    const w = steps[cache]!.with!;
    expect(w.path).toBe('${{ matrix.dir }}/node_modules/.cache');
    // one cache per site, saved per commit, restored from the newest of the same lockfile
    expect(w.key).toMatch(/^docusaurus-\$\{\{ matrix\.name \}\}-.*package-lock\.json.*-\$\{\{ github\.sha \}\}$/);
    expect(w['restore-keys']!.trim()).toBe(w.key!.replace('${{ github.sha }}', ''));
  });

  it('without a repository the workflow goes into the site folder', () => {
    const root = tempDir('pd-init-norepo-');
    dirs.push(root);
    // tmp folders have no .git above them
    expect(runCli(['init', 'x', '--registry', SPECS, '--provider', 'databricks_account'], root).code).toBe(0);
    expect(fs.existsSync(path.join(root, 'x', WORKFLOW))).toBe(true);
    expect(matrix(path.join(root, 'x', WORKFLOW))[0]!.dir).toBe('.');
  });

  it('names the providers of the registry when the one asked for is not there, and writes nothing', () => {
    const root = repo();
    const r = runCli(['init', 'site', '--registry', SPECS, '--provider', 'okta'], root);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no provider "okta"');
    expect(r.stderr).toContain('found: databricks_account, databricks_workspace');
    expect(fs.existsSync(path.join(root, 'site'))).toBe(false);
  });

  it('refuses a workflow of the same name that is not a provider-docs workflow', () => {
    const root = repo();
    fs.mkdirSync(path.join(root, '.github/workflows'), { recursive: true });
    fs.writeFileSync(path.join(root, WORKFLOW), 'name: other\non: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps: [{ run: echo }]\n');
    const r = runCli(['init', 'site', '--registry', SPECS, '--provider', 'databricks_account'], root);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not a provider-docs workflow');
    expect(fs.existsSync(path.join(root, 'site'))).toBe(false);
  });

  it('--version prints the package version', () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string };
    expect(runCli(['--version']).stdout).toBe(`${version}\n`);
  });
});
