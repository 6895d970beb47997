// What a run means to its user: the lines to print, the summary line and the
// exit code. `generate()` only returns data; the CLI and the Docusaurus command
// both call `reportRun`, so they print and exit alike. Library API: the site
// imports it from dist/report.js.
import { formatDiagnostic, type Diagnostic } from './diagnostics.js';
import type { GenerateResult } from './generate.js';

export interface ReportOptions {
  /** `--check`: list what would change; stale docs exit 1. */
  readonly check?: boolean;
  /** `--strict`: warnings count, print and exit as errors. */
  readonly strict?: boolean;
  /** Errors and the summary only. */
  readonly quiet?: boolean;
  /** Every warning, one line each (by default: grouped by code). */
  readonly verbose?: boolean;
  /** Wall time of the run, as printed. */
  readonly seconds: string;
}

export interface RunReport {
  /** 0 done, 1 `--check` found stale docs, 2 errors (nothing written). */
  readonly exitCode: 0 | 1 | 2;
  /** Diagnostics, for stderr. */
  readonly stderr: readonly string[];
  /** The `--check` list, then the summary line, for stdout. */
  readonly stdout: readonly string[];
  readonly summary: string;
}

/** Warnings of a group shown before "and N more". */
export const GROUP_SAMPLE = 3;

/** `--strict` makes every warning an error. */
export function applyStrict(list: readonly Diagnostic[], strict: boolean | undefined): readonly Diagnostic[] {
  return strict ? list.map((d) => (d.severity === 'warning' ? { ...d, severity: 'error' as const } : d)) : list;
}

export function exitCodeOf(result: GenerateResult, o: Pick<ReportOptions, 'check' | 'strict'>): 0 | 1 | 2 {
  if (applyStrict(result.diagnostics, o.strict).some((d) => d.severity === 'error')) return 2;
  const w = result.write;
  if (o.check && w && w.added.length + w.changed.length + w.removed.length > 0) return 1;
  return 0;
}

export function reportRun(result: GenerateResult, o: ReportOptions): RunReport {
  const diagnostics = applyStrict(result.diagnostics, o.strict);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const warnings = diagnostics.filter((d) => d.severity === 'warning');
  const stderr = errors.map(formatDiagnostic);
  if (!o.quiet) stderr.push(...(o.verbose ? warnings.map(formatDiagnostic) : groupedWarnings(warnings)));
  const stdout: string[] = [];
  const w = result.write;
  if (o.check && w && !result.upToDate) {
    for (const [label, list] of [['add', w.added], ['change', w.changed], ['remove', w.removed]] as const) {
      for (const f of list) stdout.push(`${label} ${f}`);
    }
  }
  const summary = summaryLine(result, o);
  stdout.push(summary);
  return { exitCode: exitCodeOf(result, o), stderr, stdout, summary };
}

/** Warnings by code (codes in order), each with its count and its first few places. */
export function groupedWarnings(warnings: readonly Diagnostic[]): string[] {
  const byCode = new Map<string, Diagnostic[]>();
  for (const d of warnings) byCode.set(d.code, [...(byCode.get(d.code) ?? []), d]);
  const out: string[] = [];
  for (const code of [...byCode.keys()].sort()) {
    const list = byCode.get(code)!;
    if (list.length <= GROUP_SAMPLE + 1) {
      out.push(...list.map(formatDiagnostic));
      continue;
    }
    out.push(`warning ${code}: ${list.length} warnings; the first ${GROUP_SAMPLE}:`);
    out.push(...list.slice(0, GROUP_SAMPLE).map((d) => `  ${formatDiagnostic(d)}`));
    out.push(`  ... and ${list.length - GROUP_SAMPLE} more (--verbose lists every warning)`);
  }
  return out;
}

/** The one-line summary of a run. */
export function summaryLine(result: GenerateResult, o: Pick<ReportOptions, 'check' | 'strict' | 'seconds'>): string {
  if (result.upToDate) {
    const last = result.lastWarnings === undefined ? '' : `, ${result.lastWarnings} warning${result.lastWarnings === 1 ? '' : 's'} at the last full run`;
    return `up to date: specs, settings, templates and pages unchanged since the last run; nothing written${last}, ${o.seconds}s`;
  }
  const diagnostics = applyStrict(result.diagnostics, o.strict);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  const w = result.write;
  let written = 'nothing written';
  if (w && o.check) written = `${w.added.length + w.changed.length + w.removed.length} stale`;
  else if (w && w.wrote) written = `${w.added.length + w.changed.length} written, ${w.removed.length} removed, ${w.unchanged.length} unchanged`;
  else if (w && w.added.length + w.changed.length + w.removed.length === 0 && errors === 0) written = `0 written, ${w.unchanged.length} unchanged`;
  const { counts } = result;
  return (
    `${counts.providers} providers, ${counts.services} services${counts.reused > 0 ? ` (${counts.reused} unchanged, not parsed)` : ''}, ${counts.resources} resources, ${counts.pages} pages (${written}), ` +
    `${errors} errors, ${warnings} warnings, ${o.seconds}s`
  );
}
