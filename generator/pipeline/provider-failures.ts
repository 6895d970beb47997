import type { Diagnostic } from '../diagnostics.js';

// Each provider's output is atomic on its own: a provider with an error is left
// exactly as it was on disk, and the other providers of the run are written.
// Diagnostics name files relative to the registry root, `<provider>/<version>/...`,
// so the first segment says whose an error is; an error that names no
// provider's file (a missing registry, a settings file, ...) stops the run.

export interface ProviderFailures {
  /** Providers with at least one error. */
  readonly failed: ReadonlySet<string>;
  /** True when an error belongs to no single provider: nothing is written. */
  readonly whole: boolean;
}

export function providerFailures(diagnostics: readonly Diagnostic[], providers: readonly string[]): ProviderFailures {
  const names = new Set(providers);
  const failed = new Set<string>();
  let whole = false;
  for (const d of diagnostics) {
    if (d.severity !== 'error') continue;
    const first = d.file.split('/')[0]!;
    if (d.file.includes('/') && names.has(first)) failed.add(first);
    else whole = true;
  }
  return { failed, whole: whole || (failed.size > 0 && failed.size === names.size) };
}
