// What produced the files now in the output folder: fingerprints of specs,
// settings, templates, options and generator code. Machine-local like the stat
// cache (it changes with every generator build, so it would churn in git), and
// written only after a run succeeded, so it never vouches for a tree that a
// failed run left behind. Losing it only costs one full run.
//
// It also keeps, under `stat:` keys, each input file's stat beside its hash, so
// that the next run hashes only the files whose stat moved (the stat cache's
// rule, stat-cache.ts: trusted only when older than the record itself).
import type { BigIntStats } from 'node:fs';
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RESERVED_PREFIX } from './paths.js';
import { cachedHash, type StatEntry } from './stat-cache.js';

export const INPUTS_NAME = `${RESERVED_PREFIX}inputs.json`;

/** Facts about the run that wrote the record (not inputs): kept under keys of their own. */
export const RUN_PREFIX = 'run:';

/** Input files' stats and hashes (by absolute path): not inputs either. */
export const STAT_PREFIX = 'stat:';

/** True for a key of the fingerprint itself, false for a run fact or a file's stat. */
export const isFingerprintKey = (key: string): boolean => !key.startsWith(RUN_PREFIX) && !key.startsWith(STAT_PREFIX);

export interface RunFacts {
  /** Warnings of the run, so that a later no-change run can say how many there were. */
  readonly warnings: number;
}

export function saveInputsRecord(outAbs: string, inputs: ReadonlyMap<string, string>, facts?: RunFacts, files?: ReadonlyMap<string, StatEntry>): void {
  const all = new Map(inputs);
  if (facts) all.set(`${RUN_PREFIX}warnings`, String(facts.warnings));
  for (const [abs, e] of files ?? []) all.set(`${STAT_PREFIX}${abs}`, `${e.sha256} ${e.size} ${e.ino} ${e.mtimeNs} ${e.ctimeNs}`);
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

/**
 * The hashes the record vouches for, by a file's absolute path and current stat; undefined
 * without a record. An entry counts only when size, inode, mtime and ctime all match and are
 * older than the record file (an edit made since moves one of them).
 */
export function knownInputHashes(outAbs: string): ((abs: string, stat: BigIntStats) => string | undefined) | undefined {
  const record = readInputsRecord(outAbs);
  if (!record) return undefined;
  let mtimeNs: bigint;
  try {
    mtimeNs = statSync(join(outAbs, INPUTS_NAME), { bigint: true }).mtimeNs;
  } catch {
    return undefined;
  }
  const entries = new Map<string, StatEntry>();
  for (const [key, value] of record) {
    if (!key.startsWith(STAT_PREFIX)) continue;
    const m = /^([0-9a-f]{64}) (\d+) (\d+) (\d+) (\d+)$/.exec(value);
    if (m) entries.set(key.slice(STAT_PREFIX.length), { sha256: m[1]!, size: BigInt(m[2]!), ino: BigInt(m[3]!), mtimeNs: BigInt(m[4]!), ctimeNs: BigInt(m[5]!) });
  }
  if (entries.size === 0) return undefined;
  const cache = { entries, mtimeNs };
  return (abs, stat) => cachedHash(cache, abs, stat);
}
