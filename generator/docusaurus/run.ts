// One generator run with the CLI's report (the generator's own reportRun): errors, warnings
// grouped by code (all with `verbose`, none with `quiet`), with `check` the files a run would
// add, change or remove, then the summary line. Used by the Docusaurus plugin (its lifecycle and
// `docusaurus gen-provider-docs`) and by `provider-docs init`. Bundled with the generator into
// dist/docusaurus/run.js; the plugin loads it through Node's own loader.
import { generate, DEFAULT_REGISTRY, type GenerateOptions, type GenerateResult } from '../generate.js';
import { availableLayouts } from '../load/load-templates.js';
import { reportRun } from '../report.js';

export interface RunOutput {
  /** Errors and the summary only. */
  readonly quiet?: boolean;
  /** Every warning, one line each. */
  readonly verbose?: boolean;
  readonly stdout?: (line: string) => void;
  readonly stderr?: (line: string) => void;
}

export interface RunResult {
  /** 0 done, 1 `check` found stale docs, 2 errors (nothing written). */
  readonly exitCode: 0 | 1 | 2;
  readonly summary: string;
  readonly result?: GenerateResult;
}

/**
 * Never throws for problems of the run itself: a thrown error (bad layout, unreadable folder) is
 * printed and gives exit code 2.
 */
export async function runGenerate(opts: GenerateOptions, output: RunOutput = {}): Promise<RunResult> {
  const out = output.stdout ?? ((line: string) => void process.stdout.write(`${line}\n`));
  const err = output.stderr ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const started = performance.now();
  let result: GenerateResult;
  try {
    const layout = opts.layout ?? 'classic';
    const layouts = availableLayouts();
    if (!layouts.includes(layout)) throw new Error(`unknown layout "${layout}" (available: ${layouts.join(', ')})`);
    result = await generate({ ...opts, registry: opts.registry ?? DEFAULT_REGISTRY, layout });
  } catch (e) {
    const summary = `provider-docs: ${e instanceof Error ? e.message : String(e)}`;
    err(summary);
    return { exitCode: 2, summary };
  }
  const report = reportRun(result, {
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
