// One generator run with the CLI's report: diagnostics, the `--check` list and the summary line.
// Used by the Docusaurus plugin (its lifecycle and `docusaurus gen-provider-docs`). Bundled with
// the generator into dist/docusaurus/run.js; the plugin loads it through Node's own loader.
import { formatDiagnostic } from '../diagnostics.js';
import { generate, summaryLine, DEFAULT_REGISTRY, DEFAULT_SETTINGS, type GenerateOptions, type GenerateResult } from '../generate.js';
import { availableLayouts, BUILTIN_TEMPLATES_DIR } from '../load/load-templates.js';

export { DEFAULT_REGISTRY, DEFAULT_SETTINGS, BUILTIN_TEMPLATES_DIR, availableLayouts };

export interface RunOutput {
  /** Errors only (warnings are left out). */
  readonly quiet?: boolean;
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
    for (const d of result.diagnostics) {
      if (d.severity === 'error' || !output.quiet) err(formatDiagnostic(d));
    }
  } catch (e) {
    const summary = `provider-docs: ${e instanceof Error ? e.message : String(e)}`;
    err(summary);
    return { exitCode: 2, summary };
  }
  const w = result.write;
  if (opts.check && w && !result.upToDate) {
    for (const [label, list] of [['add', w.added], ['change', w.changed], ['remove', w.removed]] as const) {
      for (const f of list) out(`${label} ${f}`);
    }
  }
  const summary = summaryLine(result, { check: opts.check === true, seconds: ((performance.now() - started) / 1000).toFixed(2) });
  out(summary);
  return { exitCode: result.exitCode, summary, result };
}
