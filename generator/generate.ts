import path from 'node:path';
import { COMPILED, PACKAGE_ROOT } from './package-root.js';
import { fromCurrentFolder, sortDiagnostics, type Diagnostic } from './diagnostics.js';
import { Fingerprint } from './load/input-fingerprint.js';
import { BUILTIN_TEMPLATES_DIR } from './load/load-templates.js';
import { hasRunRecords, outputsCurrent } from './write/outputs-current.js';
import { knownInputHashes } from './write/inputs-record.js';
import type { WriteResult } from './write/write-output.js';
import { timed } from './trace.js';

// Only light modules are imported up front: when nothing changed since the last
// run, the run ends after hashing its inputs, without loading the YAML parser,
// Handlebars or remark.

/** The running generator's code: part of every input fingerprint. */
const CODE_DIR = path.join(PACKAGE_ROOT, COMPILED ? 'dist' : 'generator');

/** Our own sample registry: what `generate` reads when no `--registry` is given. */
export const DEFAULT_REGISTRY = path.join(PACKAGE_ROOT, 'specs');
/** Our per-provider settings (brand, prose). */
export const DEFAULT_SETTINGS = path.join(PACKAGE_ROOT, 'site', 'providers');

export interface GenerateOptions {
  readonly registry?: string;
  readonly out: string;
  readonly providers?: readonly string[];
  readonly layout?: string;
  readonly templates?: string;
  readonly settings?: string;
  readonly check?: boolean;
  readonly force?: boolean;
  readonly strict?: boolean;
}

export interface GenerateResult {
  readonly diagnostics: readonly Diagnostic[];
  /** Paths of the pages generated (written or unchanged), sorted; pages are written as they are made and not kept. */
  readonly paths: readonly string[];
  readonly write?: WriteResult;
  /** True when the inputs and outputs were unchanged since the last run, so nothing was parsed. */
  readonly upToDate: boolean;
  /** When up to date: the warnings the last full run reported (unknown for a record written before this was kept). */
  readonly lastWarnings?: number;
  /** `reused`: services whose inputs were unchanged, so last run's result was used without parsing them. */
  readonly counts: { readonly providers: number; readonly services: number; readonly resources: number; readonly pages: number; readonly reused: number };
}

/**
 * Registry root -> model -> pages -> output folder, one provider at a time. A
 * provider with errors (with `strict`, warnings too) is left as it was; an error
 * that belongs to no provider writes nothing. Returns data only: what it
 * means for the user (lines, exit code) is report.ts's `reportRun`.
 */
export async function generate(opts: GenerateOptions): Promise<GenerateResult> {
  const registryRoot = opts.registry ?? DEFAULT_REGISTRY;
  const layout = opts.layout ?? 'classic';
  const settingsDir = opts.settings ?? DEFAULT_SETTINGS;
  // With no record of an earlier run and no cached service, nothing is compared
  // with the spec hashes before the run ends: the jobs hash the files they read.
  const cold = !hasRunRecords(opts.out);
  const fingerprint = timed('fingerprint inputs', () => new Fingerprint({
    registry: registryRoot,
    providers: opts.providers ?? [],
    settingsDir,
    templateDirs: [path.join(BUILTIN_TEMPLATES_DIR, 'shared'), path.join(BUILTIN_TEMPLATES_DIR, layout), ...(opts.templates ? [opts.templates] : [])],
    options: { layout, providers: [...(opts.providers ?? [])].sort(), strict: opts.strict === true },
    codeDir: CODE_DIR,
    // What the last run recorded: files whose stat did not move are not read again.
    ...(cold ? {} : { knownHash: knownInputHashes(opts.out) }),
  }, cold));
  // Without an inputs record the outputs are never current.
  const current = opts.force || cold ? false : outputsCurrent(opts.out, fingerprint.inputs);
  if (current) {
    return { diagnostics: [], paths: [], upToDate: true, ...current.warnings !== undefined ? { lastWarnings: current.warnings } : {}, counts: { providers: 0, services: 0, resources: 0, pages: 0, reused: 0 } };
  }

  const { openRun } = await import('./pipeline/open-run.js');
  const { index, env, prior, whole } = openRun({ registry: registryRoot, ...(opts.providers ? { providers: opts.providers } : {}), layout, ...(opts.templates ? { templates: opts.templates } : {}), settings: settingsDir, strict: opts.strict === true, hashSpecs: fingerprint.incomplete });
  const counts = { providers: index.providers.length, services: 0, resources: 0, pages: 0, reused: 0 };
  // An error that belongs to no single provider (a missing provider, a settings file) stops the run before anything is written.
  if (whole) return { diagnostics: sortDiagnostics(fromCurrentFolder(prior, index.root)), paths: [], upToDate: false, counts };

  const { runProviders } = await import('./pipeline/run-providers.js');
  const run = await runProviders(index, env, prior, { out: opts.out, strict: opts.strict === true, wholeRegistry: (opts.providers ?? []).length === 0, write: { check: opts.check === true, force: opts.force === true }, fingerprint });
  // Spec diagnostics name files relative to the registry root until here (whose provider an error is); the user reads them from the current folder.
  const diagnostics = [...sortDiagnostics(fromCurrentFolder(run.diagnostics, index.root)), ...run.write.diagnostics];
  return { diagnostics, paths: run.paths, write: run.write, upToDate: false, counts: { ...counts, ...run.counts } };
}
