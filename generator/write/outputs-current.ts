import { lstatSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { INPUTS_NAME, isFingerprintKey, readInputsRecord, RUN_PREFIX } from './inputs-record.js';
import { SERVICE_CACHE_NAME } from './service-cache.js';
import { readManifest } from './manifest.js';
import { STAGING_NAME } from './paths.js';
import { cachedHash, readStatCache } from './stat-cache.js';

/**
 * True when the last run recorded exactly these inputs and every file it wrote
 * is still on disk as it wrote it (by the stat cache; no page is read). Then a
 * run has nothing to do and can stop before parsing a single spec. Any doubt
 * (no manifest, a stat that moved, a leftover staging folder) answers false,
 * and the full run decides. When current, the answer carries what the last run
 * recorded about itself (its warning count).
 */
export function outputsCurrent(outDir: string, inputs: ReadonlyMap<string, string>): false | { readonly warnings?: number } {
  const outAbs = resolve(outDir);
  let read;
  try {
    read = readManifest(outAbs);
  } catch {
    return false;
  }
  if (read.kind !== 'ok') return false;
  const record = readInputsRecord(outAbs);
  if (!record) return false;
  const recorded = new Map([...record].filter(([k]) => isFingerprintKey(k)));
  if (recorded.size !== inputs.size) return false;
  for (const [k, v] of inputs) if (recorded.get(k) !== v) return false;
  if (lstatSync(join(outAbs, STAGING_NAME), { throwIfNoEntry: false })) return false;
  const cache = readStatCache(outAbs);
  for (const [path, entry] of read.manifest.files) {
    const st = lstatSync(join(outAbs, path), { bigint: true, throwIfNoEntry: false });
    if (!st || !st.isFile() || cachedHash(cache, path, st) !== entry.sha256) return false;
  }
  const warnings = Number(record.get(`${RUN_PREFIX}warnings`));
  return Number.isInteger(warnings) && warnings >= 0 ? { warnings } : {};
}

/**
 * False when the output folder holds neither an inputs record nor a cached
 * service: then no input hash is compared with anything before the run ends
 * (outputsCurrent is false without one), and a run may hash its specs as it
 * reads them. Anything there, even unreadable, answers true.
 */
export function hasRunRecords(outDir: string): boolean {
  const outAbs = resolve(outDir);
  const absent = (e: unknown) => ['ENOENT', 'ENOTDIR'].includes((e as NodeJS.ErrnoException).code ?? '');
  try {
    if (lstatSync(join(outAbs, INPUTS_NAME), { throwIfNoEntry: false })) return true;
  } catch (e) {
    if (!absent(e)) return true;
  }
  try {
    return readdirSync(join(outAbs, SERVICE_CACHE_NAME)).length > 0;
  } catch (e) {
    return !absent(e);
  }
}
