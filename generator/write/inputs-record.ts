// What produced the files now in the output folder: fingerprints of specs,
// settings, templates, options and generator code. Machine-local like the stat
// cache (it changes with every generator build, so it would churn in git), and
// written only after a run succeeded, so it never vouches for a tree that a
// failed run left behind. Losing it only costs one full run.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RESERVED_PREFIX } from './paths.js';

export const INPUTS_NAME = `${RESERVED_PREFIX}inputs.json`;

/** Facts about the run that wrote the record (not inputs): kept under keys of their own. */
export const RUN_PREFIX = 'run:';

export interface RunFacts {
  /** Warnings of the run, so that a later no-change run can say how many there were. */
  readonly warnings: number;
}

export function saveInputsRecord(outAbs: string, inputs: ReadonlyMap<string, string>, facts?: RunFacts): void {
  const all = new Map(inputs);
  if (facts) all.set(`${RUN_PREFIX}warnings`, String(facts.warnings));
  const keys = [...all.keys()].sort();
  const body = `{\n${keys.map((k) => `  ${JSON.stringify(k)}: ${JSON.stringify(all.get(k))}`).join(',\n')}\n}\n`;
  const target = join(outAbs, INPUTS_NAME);
  const temp = `${target}.${process.pid}.tmp`;
  writeFileSync(temp, body);
  renameSync(temp, target);
}

/** Never throws: a missing or unreadable record means "unknown", which forces a full run. */
export function readInputsRecord(outAbs: string): Map<string, string> | undefined {
  try {
    const data = JSON.parse(readFileSync(join(outAbs, INPUTS_NAME), 'utf8')) as unknown;
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
    const entries = Object.entries(data as Record<string, unknown>);
    if (!entries.every(([, v]) => typeof v === 'string')) return undefined;
    return new Map(entries as [string, string][]);
  } catch {
    return undefined;
  }
}
