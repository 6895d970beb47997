#!/usr/bin/env node
// npm run ci:workflow [-- --ref <commit> --base-ref <commit> --job build --keep --dry-run]
//
// Runs the docs workflow's own steps on a clean clone: `git clone` of this repo
// at --ref (default HEAD: commit first, uncommitted work is not in the clone),
// then every step of the job in workflow order, as test/workflow/steps.mjs plans
// them: `run:` steps marked RUN_LOCALLY: "yes" run with bash -eo pipefail, the
// PR-base checkout becomes a second clone at --base-ref (default: the parent of
// --ref), GitHub-only steps (artifact upload, PR comment, Pages) are skipped.
// Exits 1 at the first failing step (--keep keeps the clone to look at). Takes minutes (npm ci, tests, site build):
// it is not part of `npm test`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { planSteps, readWorkflow } from './steps.mjs';

const REPO = path.resolve(fileURLToPath(new URL('../../', import.meta.url)));

const { values } = parseArgs({
  options: {
    workflow: { type: 'string', default: '.github/workflows/docs.yml' },
    job: { type: 'string', default: 'build' },
    ref: { type: 'string', default: 'HEAD' },
    'base-ref': { type: 'string' },
    keep: { type: 'boolean', default: false },
    'dry-run': { type: 'boolean', default: false },
  },
});

/** @param {string[]} args @param {string} [cwd] */
function git(args, cwd = REPO) {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr.trim()}`);
  return r.stdout.trim();
}

function log(/** @type {string} */ line) {
  process.stdout.write(`[ci:workflow] ${line}\n`);
}

const sha = git(['rev-parse', '--verify', `${values.ref}^{commit}`]);
let baseSha;
try {
  baseSha = git(['rev-parse', '--verify', `${values['base-ref'] ?? `${sha}~1`}^{commit}`]);
} catch (e) {
  if (values['base-ref']) throw e;
  baseSha = sha; // a root commit: the diff step compares the specs with themselves
}

if (values['dry-run']) {
  const plan = planSteps(readWorkflow(path.join(REPO, values.workflow)), values.job);
  for (const p of plan) log(`${p.action.padEnd(13)} ${p.label} (${p.reason})${p.action === 'run' ? `\n    ${p.step.run?.trim().replace(/\n/g, '\n    ')}` : ''}`);
  process.exit(0);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'provider-docs-ci-'));
const clone = path.join(tmp, 'repo');
const summary = path.join(tmp, 'step-summary.md');
let failed = false;
try {
  log(`cloning ${REPO} at ${sha.slice(0, 12)} into ${clone}`);
  git(['clone', '--quiet', '--no-checkout', REPO, clone], tmp);
  git(['checkout', '--quiet', '--detach', sha], clone);
  // The tests read ../shared beside the repository when it exists.
  const shared = path.join(REPO, '..', 'shared');
  if (fs.existsSync(shared)) fs.symlinkSync(shared, path.join(tmp, 'shared'), 'dir');
  else log(`no ${shared}: tests that need it will say they are skipped`);

  const plan = planSteps(readWorkflow(path.join(clone, values.workflow)), values.job);
  const timings = [];
  for (const p of plan) {
    const started = Date.now();
    if (p.action === 'skip') {
      log(`skip  ${p.label}: ${p.reason}`);
      continue;
    }
    if (p.action === 'checkout') {
      log(`done  ${p.label}: ${p.reason}`);
      continue;
    }
    if (p.action === 'setup-node') {
      const want = String(p.step.with?.['node-version'] ?? '');
      const have = process.versions.node.split('.')[0];
      log(`${want && want.split('.')[0] !== have ? 'WARN' : 'done'}  ${p.label}: the workflow wants Node ${want}, this machine has ${process.versions.node}`);
      continue;
    }
    if (p.action === 'checkout-path') {
      const dest = path.join(clone, String(p.step.with?.path));
      log(`run   ${p.label}: clone at ${baseSha.slice(0, 12)} into ${path.relative(tmp, dest)}`);
      git(['clone', '--quiet', '--no-checkout', REPO, dest], tmp);
      git(['checkout', '--quiet', '--detach', baseSha], dest);
      continue;
    }
    log(`run   ${p.label}`);
    const cwd = p.step['working-directory'] ? path.join(clone, p.step['working-directory']) : clone;
    const env = { ...process.env, ...stringEnv(p.step.env), CI: 'true', GITHUB_WORKSPACE: clone, GITHUB_STEP_SUMMARY: summary };
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', p.step.run ?? ''], { cwd, env, stdio: 'inherit' });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    timings.push(`${seconds.padStart(7)} s  ${p.label}`);
    if (r.status !== 0) {
      log(`FAILED ${p.label} (exit ${r.status ?? r.signal}) after ${seconds} s`);
      failed = true;
      break;
    }
  }
  log('timings:\n' + timings.join('\n'));
  if (!failed && fs.existsSync(summary)) log(`step summary: ${fs.statSync(summary).size} bytes`);
} catch (e) {
  log(`error: ${/** @type {Error} */ (e).message}`);
  failed = true;
} finally {
  // The clone holds a full node_modules (hundreds of MB): kept only when asked.
  if (values.keep) log(`kept ${tmp}`);
  else fs.rmSync(tmp, { recursive: true, force: true });
}
log(failed ? 'the workflow steps FAILED' : 'every local step of the workflow passed');
process.exit(failed ? 1 : 0);

/** @param {Record<string, unknown> | undefined} env */
function stringEnv(env) {
  return Object.fromEntries(Object.entries(env ?? {}).map(([k, v]) => [k, String(v)]));
}
