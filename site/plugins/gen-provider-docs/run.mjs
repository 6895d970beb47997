// Runs the compiled generator (`<repo>/dist/generate.js`) in this process and prints what the
// `provider-docs generate` CLI prints: diagnostics, the `--check` list and the summary line.
// Shared by the Docusaurus plugin (`docusaurus gen-provider-docs`) and `site/scripts/start.mjs`.
// Plain ESM on purpose: the plugin imports it through Node's own loader, so the generator
// (worker threads, import.meta.url) never goes through the config loader's transpiler.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const PACKAGE_NAME = 'provider-docs';

/**
 * The provider-docs package root: the nearest folder above `from` whose package.json is named
 * `provider-docs` (this file lives in <root>/site/plugins/gen-provider-docs).
 * @param {string} [from]
 */
export function findPackageRoot(from = path.dirname(fileURLToPath(import.meta.url))) {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg)) {
      try {
        if (JSON.parse(fs.readFileSync(pkg, 'utf8')).name === PACKAGE_NAME) return dir;
      } catch {
        // an unreadable package.json is not ours; keep looking
      }
    }
    if (path.dirname(dir) === dir) {
      throw new Error(`gen-provider-docs: no ${PACKAGE_NAME} package.json found above ${from}`);
    }
  }
}

export const packageRoot = findPackageRoot();
export const distDir = path.join(packageRoot, 'dist');

/** @typedef {import('./run.d.mts').Generator} Generator */

/** @type {Promise<Generator> | undefined} */
let loading;

/**
 * Imports the compiled generator from `<repo>/dist` (once). Throws a clear error when dist/ has
 * not been built.
 * @returns {Promise<Generator>}
 */
export function loadGenerator() {
  loading ??= (async () => {
    const entry = path.join(distDir, 'generate.js');
    if (!fs.existsSync(entry)) {
      throw new Error(
        `gen-provider-docs: the compiled generator is missing (${entry}); ` +
          'run `npm run build` (or `npm install`) in the repository root first',
      );
    }
    const url = (/** @type {string} */ rel) => pathToFileURL(path.join(distDir, rel)).href;
    const [gen, diag, templates, options, report] = await Promise.all([
      import(url('generate.js')),
      import(url('diagnostics.js')),
      import(url('load/load-templates.js')),
      import(url('options.js')),
      import(url('report.js')),
    ]);
    return {
      generate: gen.generate,
      reportRun: report.reportRun,
      GENERATE_OPTIONS: options.GENERATE_OPTIONS,
      parseArgsConfig: options.parseArgsConfig,
      optionsHelp: options.optionsHelp,
      toGenerateOptions: options.toGenerateOptions,
      DEFAULT_REGISTRY: gen.DEFAULT_REGISTRY,
      DEFAULT_SETTINGS: gen.DEFAULT_SETTINGS,
      formatDiagnostic: diag.formatDiagnostic,
      availableLayouts: templates.availableLayouts,
      BUILTIN_TEMPLATES_DIR: templates.BUILTIN_TEMPLATES_DIR,
    };
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

/**
 * @typedef {import('./run.d.mts').RunOptions} RunOptions
 * @typedef {import('./run.d.mts').RunOutput} RunOutput
 * @typedef {import('./run.d.mts').RunResult} RunResult
 */

/**
 * One generator run with the CLI's output (the generator's own `reportRun`): errors, warnings
 * grouped by code (all with `verbose`, none with `quiet`), with `check` the files a run would
 * add, change or remove, then the summary line.
 * Never throws for problems of the run itself: a thrown error (bad layout, unreadable folder,
 * missing dist/) is printed and gives exit code 2.
 * @param {RunOptions} opts @param {RunOutput} [output]
 * @returns {Promise<RunResult>}
 */
export async function runGenerate(opts, output = {}) {
  const out = output.stdout ?? ((line) => process.stdout.write(`${line}\n`));
  const err = output.stderr ?? ((line) => process.stderr.write(`${line}\n`));
  const started = performance.now();
  /** @type {import('./run.d.mts').GenerateResult} */
  let result;
  /** @type {import('./run.d.mts').Generator} */
  let gen;
  try {
    gen = await loadGenerator();
    const layout = opts.layout ?? 'classic';
    const layouts = gen.availableLayouts();
    if (!layouts.includes(layout)) throw new Error(`unknown layout "${layout}" (available: ${layouts.join(', ')})`);
    result = await gen.generate({
      registry: opts.registry ?? gen.DEFAULT_REGISTRY,
      out: opts.out,
      providers: opts.providers ?? [],
      layout,
      ...(opts.templates ? { templates: opts.templates } : {}),
      ...(opts.settings ? { settings: opts.settings } : {}),
      check: opts.check === true,
      force: opts.force === true,
      strict: opts.strict === true,
    });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const summary = message.startsWith('gen-provider-docs:') ? message : `provider-docs: ${message}`;
    err(summary);
    return { exitCode: 2, summary };
  }
  const report = gen.reportRun(result, {
    check: opts.check === true,
    strict: opts.strict === true,
    quiet: output.quiet === true,
    verbose: output.verbose === true,
    seconds: ((performance.now() - started) / 1000).toFixed(2),
  });
  for (const line of report.stderr) err(line);
  for (const line of report.stdout) out(line);
  return { exitCode: report.exitCode, summary: report.summary, result };
}
