// The generator's stage boundaries (README, "How it works"), enforced: stages
// are folders, imports flow one way, and the pure stages touch no file.
import tseslint from 'typescript-eslint';

/** Node modules that reach the file system or other processes. */
const IO_MODULES = ['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'child_process', 'node:child_process', 'worker_threads', 'node:worker_threads'];

/** What runs the stages or faces the user (commands, reporter, options, Docusaurus plugin, public API): no stage imports it. */
const ORCHESTRATORS = ['pipeline', 'diff', 'docusaurus', 'init', 'cli', 'generate', 'report', 'options', 'index'];

/**
 * Each stage folder of generator/ and the other stages it may import from:
 * `code` (anything) or `types` (`import type` only). A stage not listed is out
 * of bounds. `pure` stages import no I/O module, nor package-root.ts (which reads
 * the file system to find the package).
 */
export const STAGES = {
  load: { pure: false, code: [], types: [] },
  model: { pure: true, code: [], types: ['load'] },
  render: { pure: true, code: ['model'], types: ['load'] },
  write: { pure: false, code: [], types: ['model', 'render'] },
};

/** Import specifiers, relative to a stage folder, that name `target` (a folder or a top-level module). */
const specifiers = (target) => [`../${target}`, `../${target}.js`, `../${target}/**`];

function boundaryRule(stage, { pure, code, types }) {
  const others = Object.keys(STAGES).filter((s) => s !== stage);
  const patterns = [
    ...others
      .filter((s) => !code.includes(s) && !types.includes(s))
      .map((s) => ({ group: specifiers(s), message: `${stage}/ may not import ${s}/: imports flow load -> model -> render -> write.` })),
    ...others
      .filter((s) => types.includes(s))
      .map((s) => ({ group: specifiers(s), allowTypeImports: true, message: `${stage}/ may take only types from ${s}/ (import type).` })),
    { group: ORCHESTRATORS.flatMap(specifiers), message: `${stage}/ may not import what runs the stages (${ORCHESTRATORS.join(', ')}).` },
  ];
  if (pure) patterns.push({ group: specifiers('package-root'), message: `${stage}/ is pure: package-root.ts reads the file system.` });
  const paths = pure ? IO_MODULES.map((name) => ({ name, message: `${stage}/ is pure: no file system or process access (that is load/'s and write/'s job).` })) : [];
  return ['error', { paths, patterns }];
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'site/**', 'test/**', 'bench/**', 'scripts/**', 'bin/**', '**/*.js', '**/*.mjs'] },
  {
    files: ['generator/**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
    // Only the boundary rules run, so directives for other rules (no-control-regex) are not "unused".
    linterOptions: { reportUnusedDisableDirectives: 'off' },
  },
  ...Object.entries(STAGES).map(([stage, rules]) => ({
    files: [`generator/${stage}/**/*.ts`],
    rules: { '@typescript-eslint/no-restricted-imports': boundaryRule(stage, rules) },
  })),
);
