// The only stage that touches the output tree. See plan.ts for what a run
// decides, transaction.ts for how it is applied without half-written results.
import { lstatSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Diagnostic, Severity } from '../diagnostics.js';
import { timed } from '../trace.js';
import type { Manifest, ManifestEntry } from './manifest.js';
import { readManifest, rememberManifest, serializeManifest } from './manifest.js';
import { sha256Hex } from '../sha256.js';
import { saveInputsRecord, type RunFacts } from './inputs-record.js';
import { MANIFEST_NAME, STAGING_NAME, under, validateOutputPaths } from './paths.js';
import { sortDiagnostics } from '../diagnostics.js';
import type { PreparedFile } from './plan.js';
import { planWrite } from './plan.js';
import type { DeferredStatCache, StatCache, StatEntry } from './stat-cache.js';
import { EMPTY_STAT_CACHE, readStatCache, saveStatCache, serializeStatCache, statEntry } from './stat-cache.js';
import { recoverStaging } from './rollback.js';
import { removeStaging, stagingPath, stagingState } from './staging.js';
import { ApplyError, applyPlan, pruneEmptiedDirs, SimulatedCrash, type FaultHook } from './transaction.js';

export interface OutputFile {
  /** POSIX path relative to the output folder. */
  readonly path: string;
  readonly contents: string;
}

export interface WriteOptions {
  /** Compute what a run would do and write nothing. */
  readonly check?: boolean;
  /** Overwrite or remove generated files even when they were edited by hand (never files provider-docs did not write). */
  readonly force?: boolean;
  /** Recorded in the manifest. */
  readonly generatorVersion?: string;
  /**
   * Folders (relative to the output folder) this run leaves exactly as they are:
   * what the generator wrote there stays on disk and in the manifest, untouched.
   * A run that failed for one provider keeps that provider's folder this way and
   * still writes the others.
   */
  readonly keep?: readonly string[];
  /**
   * Only this folder: the run writes and removes files inside it, and leaves
   * everything outside it as `keep` does. A run over many providers writes each
   * provider's folder as a transaction of its own, so no more than one
   * provider's pages are ever held at once.
   */
  readonly scope?: string;
  /** Input fingerprints, recorded beside the stat cache after a successful run (see inputs-record.ts). */
  readonly inputs?: ReadonlyMap<string, string>;
  /** Recorded with the inputs: what a later no-change run reports about this one. */
  readonly runFacts?: RunFacts;
  /** Recorded with the inputs: each input file's hash beside its stat, by absolute path (inputs-record.ts). */
  readonly inputFiles?: ReadonlyMap<string, StatEntry>;
  /**
   * The run's stat cache, for a run that writes the same folder several times (provider by
   * provider): the writes keep it up to date in memory, and the run saves it once at its end
   * (flushStatCache). Without it, each write saves the cache itself.
   */
  readonly statCache?: DeferredStatCache;
}

/**
 * All lists are sorted. They describe the plan even when the run stopped
 * (`wrote` false with error diagnostics), so a caller can show what would happen.
 */
export interface WriteResult {
  /** Created (or, in check mode, would be): including generated files deleted by hand. */
  readonly added: string[];
  readonly changed: string[];
  readonly removed: string[];
  readonly unchanged: string[];
  /** Generated files edited by hand that this run changes or removes. */
  readonly conflicts: string[];
  /** Paths to write where something provider-docs did not write is in the way. */
  readonly blocked: string[];
  readonly diagnostics: Diagnostic[];
  /** True when the run committed changes to the output folder (never in check mode). */
  readonly wrote: boolean;
}

export async function writeOutput(outDir: string, files: readonly OutputFile[], options: WriteOptions = {}): Promise<WriteResult> {
  // Sync inside on purpose: for thousands of small files sync fs calls measured about twice as fast as promises.
  return writeOutputSync(outDir, files, options);
}

/** What `check` answers: true when a run would change nothing and nothing is in its way. */
export function isUpToDate(result: WriteResult): boolean {
  const lists = [result.added, result.changed, result.removed, result.conflicts, result.blocked];
  return lists.every((l) => l.length === 0) && !result.diagnostics.some((d) => d.severity === 'error');
}

type MutableResult = { -readonly [K in keyof WriteResult]: WriteResult[K] };

export function writeOutputSync(outDir: string, files: readonly OutputFile[], options: WriteOptions = {}): WriteResult {
  return writeWithFaults(outDir, files, options, undefined);
}

/** `writeOutputSync` with injected faults, for the atomicity tests. */
export function writeWithFaults(outDir: string, files: readonly OutputFile[], options: WriteOptions, fault: FaultHook | undefined): WriteResult {
  const result: MutableResult = { added: [], changed: [], removed: [], unchanged: [], conflicts: [], blocked: [], diagnostics: [], wrote: false };
  const report = (severity: Severity, code: string, message: string, file: string = outDir) => {
    result.diagnostics.push({ severity, code, message, file, pointer: '' });
  };
  result.diagnostics.push(...validateOutputPaths(files.map((f) => f.path)));
  const outside = outsideOf(options);
  for (const f of files) {
    if (outside(f.path)) report('error', 'bad-output-path', `Output path ${JSON.stringify(f.path)} is outside what this run writes (it keeps ${JSON.stringify(options.keep ?? [])}, writes only ${JSON.stringify(options.scope ?? '')}).`, f.path);
  }
  if (result.diagnostics.length > 0) return result;
  try {
    run(outDir, files, options, fault, result, report);
  } catch (e) {
    if (e instanceof SimulatedCrash) throw e;
    report('error', 'write-failed', `Could not write ${outDir}: ${(e as Error).message}. Nothing was written.`);
    result.wrote = false;
  }
  result.diagnostics = sortDiagnostics(result.diagnostics);
  return result;
}

type Report = (severity: Severity, code: string, message: string, file?: string) => void;

function run(outDir: string, files: readonly OutputFile[], options: WriteOptions, fault: FaultHook | undefined, result: MutableResult, report: Report): void {
  const outAbs = resolve(outDir);
  let outExists = false;
  try {
    outExists = statSync(outAbs).isDirectory();
    if (!outExists) return report('error', 'bad-output-dir', `${outDir} exists and is not a folder.`);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }

  if (outExists) {
    const staging = stagingState(outAbs);
    const stagingShown = join(outDir, STAGING_NAME);
    if (staging.kind === 'active') {
      const who = staging.pid === undefined ? 'Another provider-docs run' : `Another provider-docs run (process ${staging.pid})`;
      return report('error', 'output-locked', `${who} is writing to ${outDir}. If none is, delete ${stagingShown} and run again.`, stagingShown);
    }
    if (staging.kind === 'stale') {
      if (options.check) {
        return report('error', 'interrupted-run', `An earlier provider-docs run on ${outDir} was interrupted and may have left it half-written; run without --check to roll it back.`, stagingShown);
      }
      const recovery = recoverStaging(outAbs);
      if (recovery.errors.length > 0) {
        return report('error', 'rollback-failed', `An earlier provider-docs run on ${outDir} was interrupted and could not be rolled back (${recovery.errors.join('; ')}). Its backups are kept in ${stagingShown}.`, stagingShown);
      }
      const what = {
        'rolled-back': 'its partial changes were rolled back',
        completed: 'it had finished writing, so only its staging folder was removed',
        discarded: 'it had not changed anything yet, so only its staging folder was removed',
      }[recovery.kind];
      report('warning', 'recovered-interrupted-run', `An earlier provider-docs run on ${outDir} was interrupted; ${what}.`, stagingShown);
    }
  }

  const read = outExists ? readManifest(outAbs) : ({ kind: 'absent' } as const);
  if (read.kind === 'invalid') {
    const shown = join(outDir, MANIFEST_NAME);
    return report(
      'error',
      'manifest-invalid',
      `${shown} cannot be used: ${read.reason}. provider-docs needs it to know which files it owns: restore it from version control, or delete the generated files and the manifest and run again.`,
      shown,
    );
  }
  const owned: Manifest = read.kind === 'ok' ? read.manifest : { files: new Map() };
  // Kept files are out of the plan (never removed, changed or read) and go back into the manifest as they were.
  const outside = outsideOf(options);
  const kept = new Map<string, ManifestEntry>();
  const old: Manifest = options.keep === undefined && options.scope === undefined ? owned : { ...owned, files: new Map([...owned.files].filter(([p, e]) => !(outside(p) && kept.set(p, e)))) };

  const prepared: PreparedFile[] = timed('write, hash', () =>
    files
      .map((f) => ({ path: f.path, contents: f.contents, size: Buffer.byteLength(f.contents, 'utf8'), sha256: sha256Hex(f.contents) }))
      .sort((a, b) => (a.path < b.path ? -1 : 1)),
  );
  const deferred = options.statCache?.outAbs === outAbs ? options.statCache : undefined;
  const cache = deferred ? deferred.read(outExists) : outExists ? readStatCache(outAbs) : EMPTY_STAT_CACHE;
  const plan = timed('write, plan', () => planWrite({ outAbs, outDisplay: outDir, outExists, files: prepared, old, manifestAbsent: read.kind === 'absent', cache, force: options.force === true }));
  Object.assign(result, {
    added: plan.added,
    changed: plan.changed,
    removed: plan.removed,
    unchanged: plan.unchanged,
    conflicts: plan.conflicts,
    blocked: plan.blocked,
  });
  result.diagnostics.push(...plan.diagnostics);
  if (options.check || plan.diagnostics.some((d) => d.severity === 'error')) return;

  const entries = new Map<string, ManifestEntry>(prepared.map((f) => [f.path, { sha256: f.sha256, size: f.size }]));
  for (const [p, e] of kept) entries.set(p, e);
  const manifest: Manifest = {
    files: entries,
    ...(options.generatorVersion === undefined ? {} : { generatorVersion: options.generatorVersion }),
  };
  const manifestText = timed('write, manifest text', () => serializeManifest(manifest));

  if (plan.ops.length === 0 && read.kind === 'ok' && read.text === manifestText) {
    // Nothing to write; only a stale stat cache is refreshed, so the next no-change run is fast again.
    bestEffort(report, outDir, () => writeStatCache(outAbs, cache, prepared, plan.verified, new Set(), kept.keys(), deferred));
    if (options.inputs) bestEffort(report, outDir, () => saveInputsRecord(outAbs, options.inputs!, options.runFacts, options.inputFiles));
    return;
  }

  try {
    timed('write, apply', () => applyPlan({ outAbs, ops: plan.ops, dirsToCreate: plan.dirsToCreate, manifestText, ...(fault ? { fault } : {}) }));
  } catch (e) {
    if (!(e instanceof ApplyError)) throw e;
    report('error', 'write-failed', `Writing ${outDir} failed (${e.message}); every change was undone.`);
    if (e.rollbackErrors.length > 0) {
      const stagingShown = join(outDir, STAGING_NAME);
      report('error', 'rollback-failed', `The failed run on ${outDir} could not be fully undone (${e.rollbackErrors.join('; ')}). Backups are kept in ${stagingShown}; the next run finishes the rollback.`, stagingShown);
    }
    return;
  }
  result.wrote = true;
  rememberManifest(outAbs, manifest, manifestText);

  // Committed: what follows is tidying, and a failure there must not undo the run.
  const written = new Set(plan.ops.filter((op) => op.kind !== 'remove').map((op) => op.path));
  bestEffort(report, outDir, () => pruneEmptiedDirs(outAbs, plan.removed));
  timed('write, stat cache', () => bestEffort(report, outDir, () => writeStatCache(outAbs, cache, prepared, plan.verified, written, kept.keys(), deferred)));
  bestEffort(report, outDir, () => removeStaging(stagingPath(outAbs)));
  if (options.inputs) bestEffort(report, outDir, () => saveInputsRecord(outAbs, options.inputs!, options.runFacts, options.inputFiles));
}

/** True for a path this run must leave as it is (kept, or outside its scope). */
function outsideOf(options: WriteOptions): (p: string) => boolean {
  const keep = options.keep ?? [];
  const scope = options.scope;
  return (p) => (scope !== undefined && !isUnder(p, scope)) || keep.some((k) => isUnder(p, k));
}

function isUnder(p: string, folder: string): boolean {
  return p.length > folder.length && p.startsWith(folder) && p[folder.length] === '/';
}

function bestEffort(report: Report, outDir: string, fn: () => void): void {
  try {
    fn();
  } catch (e) {
    report('warning', 'cleanup-failed', `The run on ${outDir} succeeded, but tidying up failed: ${(e as Error).message}.`);
  }
}

function writeStatCache(
  outAbs: string,
  cache: StatCache,
  files: readonly PreparedFile[],
  verified: ReadonlyMap<string, StatEntry>,
  written: ReadonlySet<string>,
  kept: Iterable<string>,
  deferred: DeferredStatCache | undefined,
): void {
  const entries = new Map<string, StatEntry>();
  let reused = 0;
  // Kept files were not looked at: what the cache knew of them still holds.
  for (const p of kept) {
    const entry = cache.entries.get(p);
    if (entry === undefined) continue;
    entries.set(p, entry);
    reused++;
  }
  for (const f of files) {
    const entry = written.has(f.path) ? statEntry(f.sha256, lstatSync(under(outAbs, f.path), { bigint: true })) : verified.get(f.path);
    if (entry === undefined) continue;
    entries.set(f.path, entry);
    if (cache.entries.get(f.path) === entry) reused++;
  }
  // The common no-change case: every entry came straight from the cache, so it cannot differ.
  if (reused === entries.size && entries.size === cache.entries.size) return;
  if (deferred) return deferred.update(entries);
  if (written.size === 0 && serializeStatCache(entries) === cache.text) return;
  saveStatCache(outAbs, entries);
}

/** Saves a run's deferred stat cache (see WriteOptions.statCache); a failure costs only speed, so it is a warning. */
export function flushStatCache(outDir: string, cache: DeferredStatCache): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  bestEffort((severity, code, message, file = outDir) => diagnostics.push({ severity, code, message, file, pointer: '' }), outDir, () => void timed('write, stat cache save', () => cache.flush()));
  return diagnostics;
}
