import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/shared.js';
import { planSteps, readWorkflow, type Step } from './steps.mjs';

// The docs workflow's shape. actionlint (npm run lint:workflow) checks the
// syntax; this checks what the issue asks of it and that the local run
// (npm run ci:workflow) runs the same commands in the same order.

interface Job {
  if?: string;
  needs?: string | string[];
  permissions?: Record<string, string>;
  environment?: { name: string; url?: string };
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

const FILE = path.join(REPO, '.github', 'workflows', 'docs.yml');
const wf = readWorkflow(FILE) as unknown as Workflow;
const allSteps = Object.values(wf.jobs).flatMap((j) => j.steps);

describe('.github/workflows/docs.yml', () => {
  it('runs on pull requests and on pushes to main', () => {
    expect(Object.keys(wf.on).sort()).toEqual(['pull_request', 'push']);
    expect(wf.on['push']).toEqual({ branches: ['main'] });
    expect(wf.permissions).toEqual({ contents: 'read' });
  });

  it('pins every action to a major version', () => {
    const uses = allSteps.map((s) => s.uses).filter((u): u is string => u !== undefined);
    expect(uses.length).toBeGreaterThan(5);
    for (const u of uses) expect(u).toMatch(/^actions\/[\w-]+@v\d+$/);
  });

  it('never puts ${{ github.event.* }} (or any expression) into a run: script', () => {
    for (const s of allSteps) if (s.run !== undefined) expect(s.run, s.name).not.toContain('${{');
  });

  it('the local run does the same commands in the same order as the PR job', () => {
    const plan = planSteps(wf, 'build');
    const commands = plan.filter((p) => p.action === 'run').map((p) => p.step.run!.trim());
    const order = ['npm ci', 'npm test', 'provider-docs generate --registry specs --out site/docs --check', 'npm run build:site', 'provider-docs diff --base base/specs --head specs'];
    const at = order.map((c) => commands.findIndex((x) => x.includes(c)));
    expect(at.every((i) => i >= 0), JSON.stringify(commands)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    const skipped = plan.filter((p) => p.action === 'skip').map((p) => p.step.uses ?? p.step.name);
    expect(skipped.sort()).toEqual(['Pages URL for the build', 'actions/configure-pages@v5', 'actions/github-script@v7', 'actions/upload-artifact@v4', 'actions/upload-pages-artifact@v3']);
  });

  it('npm ci builds the CLI that npx provider-docs runs, and build:site builds the site the workflow uploads', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
    expect(pkg.scripts.prepare).toBe('node scripts/build.mjs');
    expect(fs.existsSync(path.join(REPO, 'scripts', 'build.mjs'))).toBe(true);
    expect(pkg.bin['provider-docs']).toBe('bin/provider-docs.js');
    // The bin runs what the build writes.
    expect(fs.readFileSync(path.join(REPO, pkg.bin['provider-docs']), 'utf8')).toContain("new URL('../dist/cli.js', import.meta.url)");
    // Docusaurus writes <site>/build by default: the folder the upload steps take.
    expect(pkg.scripts['build:site']).toBe('docusaurus build site');
    const upload = allSteps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'));
    expect(upload?.with?.['path']).toBe('site/build');
  });

  it('sets up Node 20 with the npm cache', () => {
    const node = allSteps.find((s) => s.uses?.startsWith('actions/setup-node@'));
    expect(node?.with).toEqual({ 'node-version': 20, cache: 'npm' });
  });

  it('checks out the PR base into base/ and writes the diff to the job summary and a PR comment', () => {
    const build = wf.jobs['build']!;
    expect(build.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
    const baseCheckout = build.steps.find((s) => s.uses?.startsWith('actions/checkout@') && s.with?.['path'] === 'base');
    expect(baseCheckout?.with?.['ref']).toBe('${{ github.event.pull_request.base.sha }}');
    const diff = build.steps.find((s) => s.run?.includes('provider-docs diff'));
    expect(diff?.run).toContain('>> "$GITHUB_STEP_SUMMARY"');
    expect(diff?.run).toMatch(/--max-chars 60000 > diff-comment\.md/);
    const comment = build.steps.find((s) => s.uses?.startsWith('actions/github-script@'));
    expect(String(comment?.with?.['script'])).toContain('updateComment');
    const upload = build.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(upload?.with?.['path']).toBe('site/build');
  });

  it('deploys to GitHub Pages on pushes to main only', () => {
    const deploy = wf.jobs['deploy']!;
    expect(deploy.if).toContain("github.event_name == 'push'");
    expect(deploy.needs).toBe('build');
    expect(deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(deploy.environment?.name).toBe('github-pages');
    expect(deploy.steps.map((s) => s.uses)).toEqual(['actions/deploy-pages@v4']);
    const build = wf.jobs['build']!;
    for (const action of ['actions/configure-pages@v5', 'actions/upload-pages-artifact@v3']) {
      expect(build.steps.find((s) => s.uses === action)?.if).toContain("github.event_name == 'push'");
    }
  });
});

describe('planSteps', () => {
  const mk = (steps: Step[]) => ({ jobs: { j: { steps } } });
  it.each([
    ['an unmarked run step is GitHub-only', [{ run: 'echo hi' }], ['skip']],
    ['a marked run step runs', [{ run: 'echo hi', env: { RUN_LOCALLY: 'yes' } }], ['run']],
    ['checkout without a path is the clone', [{ uses: 'actions/checkout@v4' }], ['checkout']],
    ['checkout with a path is a second clone', [{ uses: 'actions/checkout@v4', with: { path: 'base' } }], ['checkout-path']],
    ['other actions are GitHub-only', [{ uses: 'actions/upload-artifact@v4' }], ['skip']],
  ])('%s', (_label, steps, expected) => {
    expect(planSteps(mk(steps), 'j').map((p) => p.action)).toEqual(expected);
  });

  it('refuses a marked step that needs GitHub expressions', () => {
    expect(() => planSteps(mk([{ name: 'x', run: 'echo ${{ github.sha }}', env: { RUN_LOCALLY: 'yes' } }]), 'j')).toThrow(/expressions/);
    expect(() => planSteps(mk([{ name: 'x', run: 'echo "$S"', env: { RUN_LOCALLY: 'yes', S: '${{ github.sha }}' } }]), 'j')).toThrow(/expressions/);
  });
});
