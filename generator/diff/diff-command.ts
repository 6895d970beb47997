import { parseArgs } from 'node:util';
import type { Registry } from '../model/types.js';
import { formatDiagnostic, fromCurrentFolder, sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { modelRegistry } from '../pipeline/model-registry.js';
import { diffRegistries, hasDifferences, type RegistryDiff } from './diff-registries.js';
import { formatMarkdown } from './format-markdown.js';
import { formatJson } from './format-json.js';
import { DIFF_HELP } from './help.js';

export interface LoadedSide {
  readonly registry: Registry;
  readonly diagnostics: readonly Diagnostic[];
}

/** Models a registry as `generate` does, up to rendering (settings play no part in a diff). */
export function loadSide(root: string, providers: readonly string[]): LoadedSide {
  const { registry, diagnostics } = modelRegistry(root, providers);
  return { registry, diagnostics: fromCurrentFolder(diagnostics, registry.root) };
}

export interface DiffOptions {
  /** Registry roots of the two sides. */
  readonly base: string;
  readonly head: string;
  /** Only these providers (a provider on one side only is an addition or a removal). */
  readonly providers?: readonly string[];
}

export interface DiffResult {
  /** Absent when loading either side gave errors. */
  readonly diff?: RegistryDiff;
  /** Errors and warnings of loading both sides, sorted. */
  readonly diagnostics: readonly Diagnostic[];
}

/** Compares two registries at the model level (what `provider-docs diff` reports). */
export function diff(opts: DiffOptions): DiffResult {
  const providers = opts.providers ?? [];
  const base = loadSide(opts.base, providers);
  const head = loadSide(opts.head, providers);
  let diagnostics = [...base.diagnostics, ...head.diagnostics];
  if (providers.length > 0) {
    // A provider on one side only is an addition or a removal, not an error.
    const names = new Set([base.registry, head.registry].flatMap((r) => r.providers.map((p) => p.name)));
    const missing = [...new Set(providers)].filter((p) => !names.has(p));
    diagnostics = diagnostics.filter((d) => d.code !== 'provider-missing');
    for (const p of missing.sort()) {
      diagnostics.push({ severity: 'error', code: 'provider-missing', message: `no provider "${p}" in either registry`, file: opts.base, pointer: '' });
    }
  }
  diagnostics = sortDiagnostics(diagnostics);
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  return { diff: diffRegistries(base.registry, head.registry), diagnostics };
}

export async function runDiff(argv: readonly string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        base: { type: 'string' },
        head: { type: 'string' },
        provider: { type: 'string', multiple: true },
        format: { type: 'string' },
        'max-chars': { type: 'string' },
        'exit-code': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    process.stderr.write(`provider-docs diff: ${(e as Error).message}\n(see provider-docs diff --help)\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`Usage:\n  provider-docs diff --base <root> --head <root> [options]\n\n${DIFF_HELP}`);
    return 0;
  }
  if (!values.base || !values.head) return usage('diff needs --base <root> and --head <root>');
  const format = values.format ?? 'markdown';
  if (format !== 'markdown' && format !== 'json') return usage(`unknown format "${format}" (markdown or json)`);
  let maxChars: number | undefined;
  if (values['max-chars'] !== undefined) {
    maxChars = Number(values['max-chars']);
    if (!Number.isInteger(maxChars) || maxChars < 200) return usage(`--max-chars wants a whole number of at least 200, not "${values['max-chars']}"`);
  }

  const result = diff({ base: values.base, head: values.head, providers: values.provider ?? [] });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (!result.diff) {
    for (const d of errors) process.stderr.write(formatDiagnostic(d) + '\n');
    process.stderr.write(`provider-docs diff: ${errors.length} error${errors.length === 1 ? '' : 's'} loading the registries; no report\n`);
    return 2;
  }

  const labels = { base: values.base, head: values.head };
  const report = result.diff;
  process.stdout.write(format === 'json' ? formatJson(report, labels) : formatMarkdown(report, maxChars === undefined ? labels : { ...labels, maxChars }));
  return values['exit-code'] && hasDifferences(report) ? 1 : 0;
}

function usage(message: string): number {
  process.stderr.write(`provider-docs diff: ${message}\n\n${DIFF_HELP}`);
  return 2;
}
