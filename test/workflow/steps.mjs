// Reads a GitHub Actions workflow and says what a local run of one of its jobs
// does with each step. Shared by run-steps.mjs (which runs them), lint.sh (which
// shellchecks the scripts) and workflow.test.ts (which checks the plan).
import fs from 'node:fs';
import yaml from 'js-yaml';

/** The env marker that makes a `run:` step part of the local run. */
export const LOCAL_MARKER = 'RUN_LOCALLY';

/**
 * @typedef {{ name?: string, id?: string, uses?: string, run?: string, if?: string,
 *   env?: Record<string, unknown>, with?: Record<string, unknown>, shell?: string,
 *   'working-directory'?: string }} Step
 * @typedef {{ index: number, label: string, step: Step,
 *   action: 'run' | 'checkout' | 'checkout-path' | 'setup-node' | 'skip', reason: string }} PlannedStep
 */

/** @param {string} file */
export function readWorkflow(file) {
  const doc = yaml.load(fs.readFileSync(file, 'utf8'));
  if (!doc || typeof doc !== 'object') throw new Error(`${file}: not a workflow`);
  return /** @type {{ jobs: Record<string, { steps?: Step[] }> }} */ (doc);
}

/** @param {Step} step @param {number} index */
export function stepLabel(step, index) {
  return step.name ?? step.id ?? step.uses ?? (step.run ?? '').split('\n')[0] ?? `step ${index + 1}`;
}

/**
 * What a local run does with each step of `job`, in order. A `run:` step runs
 * only when its env sets RUN_LOCALLY to "yes"; such a step must not use `${{ }}`
 * expressions (nothing evaluates them locally) or another shell than bash.
 * `actions/checkout` is the clone itself, or with `path:` a second clone at the
 * base ref; `actions/setup-node` checks the Node major; other actions are GitHub-only.
 * @param {{ jobs: Record<string, { steps?: Step[] }> }} workflow
 * @param {string} job
 * @returns {PlannedStep[]}
 */
export function planSteps(workflow, job) {
  const steps = workflow.jobs?.[job]?.steps;
  if (!Array.isArray(steps)) throw new Error(`the workflow has no job "${job}" with steps`);
  return steps.map((step, index) => {
    const label = stepLabel(step, index);
    const base = { index, label, step };
    if (typeof step.run === 'string') {
      if (step.env?.[LOCAL_MARKER] !== 'yes') return { ...base, action: 'skip', reason: `GitHub-only (no ${LOCAL_MARKER}: "yes")` };
      const texts = [step.run, ...Object.values(step.env ?? {}).map(String), step['working-directory'] ?? ''];
      if (texts.some((t) => t.includes('${{'))) {
        throw new Error(`step "${label}" is marked ${LOCAL_MARKER} but uses \${{ }} expressions, which only GitHub evaluates`);
      }
      if (step.shell !== undefined && step.shell !== 'bash') throw new Error(`step "${label}" is marked ${LOCAL_MARKER} but uses shell "${step.shell}"`);
      return { ...base, action: 'run', reason: 'local-safe' };
    }
    const uses = step.uses ?? '';
    if (uses.startsWith('actions/checkout@')) {
      return step.with?.path ? { ...base, action: 'checkout-path', reason: `second clone into ${step.with.path}` } : { ...base, action: 'checkout', reason: 'the clean clone' };
    }
    if (uses.startsWith('actions/setup-node@')) return { ...base, action: 'setup-node', reason: `needs Node ${step.with?.['node-version'] ?? '?'}` };
    return { ...base, action: 'skip', reason: 'GitHub-only action' };
  });
}

/**
 * The script of a `run:` step with `${{ }}` replaced by a placeholder, for shellcheck.
 * @param {string} script
 */
export function scriptForShellcheck(script) {
  return `#!/usr/bin/env bash\nset -eo pipefail\n${script.replace(/\$\{\{[\s\S]*?\}\}/g, 'GHA_EXPRESSION')}\n`;
}
