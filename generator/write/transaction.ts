// Applies a plan so that a failed run leaves the output folder as it was.
//
// Everything new is first written into a staging folder inside the output
// folder (same file system, so every later step is a rename; and nothing
// outside the folder the caller named is ever written). Replaced and removed
// files are renamed into the staging folder as backups. Renaming the new
// manifest into place is the commit point: before it, any failure is undone
// from the backups; after it, the run counts as done.
//
// The staging folder also records a journal, so an interrupted process (kill,
// crash) is rolled back by the next run. Every op's progress can be read off
// which staged files still exist, so rollback needs no progress log and can be
// repeated safely. No fsync: this protects against failing and dying
// processes, not against power loss.
import type { BigIntStats } from 'node:fs';
import { lstatSync, mkdirSync, readFileSync, renameSync, rmSync, rmdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { MANIFEST_NAME, outputPathProblem, STAGING_NAME } from './paths.js';
import type { Op } from './plan.js';

const JOURNAL = 'journal.json';
const STAGED_MANIFEST = 'manifest.json';

interface JournalOp {
  readonly kind: Op['kind'];
  readonly path: string;
  readonly id: string;
}

interface Journal {
  readonly version: 1;
  readonly ops: readonly JournalOp[];
  readonly dirsToCreate: readonly string[];
}

/** Test hooks: count mutating steps and fail (with rollback) or "die" (without) at step n. */
export interface FaultHook {
  readonly failAfter?: number;
  readonly crashAfter?: number;
}

/** Thrown by the crash hook; stands for a process that died, so nothing may clean up after it. */
export class SimulatedCrash extends Error {}

export class ApplyError extends Error {
  constructor(
    message: string,
    /** Problems while undoing; when non-empty the staging folder is kept so the next run can finish the rollback. */
    readonly rollbackErrors: readonly string[],
  ) {
    super(message);
  }
}

function lstatOrUndefined(abs: string): BigIntStats | undefined {
  try {
    return lstatSync(abs, { bigint: true });
  } catch {
    return undefined;
  }
}

const exists = (abs: string) => lstatOrUndefined(abs) !== undefined;

function ignoring(codes: readonly string[], fn: () => void): void {
  try {
    fn();
  } catch (e) {
    if (!codes.includes((e as NodeJS.ErrnoException).code ?? '')) throw e;
  }
}

export function stagingPath(outAbs: string): string {
  return join(outAbs, STAGING_NAME);
}

/**
 * Undoes whatever part of the journal was applied. Order matters: new files go
 * first, then the folders made for them (one may sit where a removed file
 * was), then replaced and removed files come back. Returns the problems met.
 */
function rollBack(outAbs: string, staging: string, journal: Journal): string[] {
  const errors: string[] = [];
  const attempt = (what: string, fn: () => void) => {
    try {
      fn();
    } catch (e) {
      errors.push(`${what}: ${(e as Error).message}`);
    }
  };
  const staged = (id: string) => join(staging, 'n', id);
  const backup = (id: string) => join(staging, 'b', id);
  const reversed = [...journal.ops].reverse();
  for (const op of reversed) {
    // A staged file that is gone was renamed into place.
    if (op.kind === 'add' && !exists(staged(op.id))) {
      attempt(`remove ${op.path}`, () => ignoring(['ENOENT'], () => unlinkSync(join(outAbs, op.path))));
    }
  }
  for (const dir of [...journal.dirsToCreate].reverse()) {
    attempt(`remove folder ${dir}`, () =>
      ignoring(['ENOENT', 'ENOTEMPTY', 'EEXIST', 'ENOTDIR'], () => rmdirSync(join(outAbs, dir))),
    );
  }
  for (const kind of ['change', 'remove'] as const) {
    for (const op of reversed) {
      if (op.kind !== kind || !exists(backup(op.id))) continue;
      attempt(`restore ${op.path}`, () => {
        const target = join(outAbs, op.path);
        mkdirSync(dirname(target), { recursive: true });
        renameSync(backup(op.id), target);
      });
    }
  }
  return errors;
}

export type StagingState =
  | { readonly kind: 'none' }
  | { readonly kind: 'active'; readonly pid: number | undefined }
  | { readonly kind: 'stale' };

function isAlive(pid: number): boolean {
  // Runs are synchronous, so our own pid can only be left over from an earlier failed call.
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function stagingState(outAbs: string): StagingState {
  const staging = stagingPath(outAbs);
  if (!exists(staging)) return { kind: 'none' };
  let pid: number;
  try {
    pid = Number.parseInt(readFileSync(join(staging, 'pid'), 'utf8'), 10);
  } catch {
    // The owner may be between creating the folder and writing its pid: assume it is alive.
    return { kind: 'active', pid: undefined };
  }
  if (!Number.isSafeInteger(pid) || pid <= 0) return { kind: 'active', pid: undefined };
  return isAlive(pid) ? { kind: 'active', pid } : { kind: 'stale' };
}

export type Recovery = { readonly kind: 'rolled-back' | 'completed' | 'discarded'; readonly errors: readonly string[] };

/** Rollback unlinks and renames what the journal names, so it must name nothing outside the output folder. */
function isSafeJournal(journal: unknown): journal is Journal {
  const safe = (p: unknown) => typeof p === 'string' && outputPathProblem(p) === undefined;
  if (typeof journal !== 'object' || journal === null) return false;
  const { ops, dirsToCreate } = journal as { ops?: unknown; dirsToCreate?: unknown };
  return (
    Array.isArray(ops) &&
    ops.every((op: Partial<JournalOp> | null) => safe(op?.path) && /^\d+$/.test(String(op?.id)) && ['add', 'change', 'remove'].includes(String(op?.kind))) &&
    Array.isArray(dirsToCreate) &&
    dirsToCreate.every(safe)
  );
}

/** Finishes a dead run's business: roll back unless it had committed. Only for a `stale` staging folder. */
export function recoverStaging(outAbs: string): Recovery {
  const staging = stagingPath(outAbs);
  let journal: Journal | undefined;
  try {
    journal = JSON.parse(readFileSync(join(staging, JOURNAL), 'utf8')) as Journal;
  } catch {
    journal = undefined; // not (fully) written: the run never touched the output tree
  }
  if (journal !== undefined && !isSafeJournal(journal)) {
    return { kind: 'rolled-back', errors: ['its journal is not one provider-docs writes, so nothing was touched'] };
  }
  let kind: Recovery['kind'] = 'discarded';
  let errors: string[] = [];
  if (journal !== undefined) {
    if (exists(join(staging, STAGED_MANIFEST))) {
      kind = 'rolled-back';
      errors = rollBack(outAbs, staging, journal);
    } else {
      kind = 'completed';
    }
  }
  if (errors.length === 0) rmSync(staging, { recursive: true, force: true });
  return { kind, errors };
}

export interface ApplyInput {
  readonly outAbs: string;
  readonly ops: readonly Op[];
  readonly dirsToCreate: readonly string[];
  readonly manifestText: string;
  readonly fault?: FaultHook;
}

/** Applies and commits, or throws ApplyError after undoing everything (SimulatedCrash: without undoing). */
export function applyPlan(input: ApplyInput): void {
  const { outAbs, ops, fault } = input;
  let count = 0;
  const step = (what: string) => {
    const n = count++;
    if (fault?.crashAfter !== undefined && n >= fault.crashAfter) throw new SimulatedCrash(`simulated crash before: ${what}`);
    if (fault?.failAfter !== undefined && n >= fault.failAfter) throw new Error(`injected failure before: ${what}`);
  };
  const staging = stagingPath(outAbs);
  const createdOut: string[] = [];
  let stagingMade = false;
  let journal: Journal | undefined;
  try {
    const missing: string[] = [];
    for (let d = outAbs; !exists(d) && dirname(d) !== d; d = dirname(d)) missing.unshift(d);
    for (const d of missing) {
      step(`create ${d}`);
      mkdirSync(d);
      createdOut.push(d);
    }
    step('create the staging folder');
    mkdirSync(staging); // fails when another run holds it: that is the lock
    stagingMade = true;
    writeFileSync(join(staging, 'pid'), String(process.pid));
    mkdirSync(join(staging, 'n'));
    mkdirSync(join(staging, 'b'));
    const journalOps: JournalOp[] = ops.map((op, i) => ({ kind: op.kind, path: op.path, id: String(i) }));
    ops.forEach((op, i) => {
      if (op.kind === 'remove') return;
      step(`stage ${op.path}`);
      writeFileSync(join(staging, 'n', String(i)), op.contents);
    });
    step('stage the manifest');
    writeFileSync(join(staging, STAGED_MANIFEST), input.manifestText);
    const pending: Journal = { version: 1, ops: journalOps, dirsToCreate: input.dirsToCreate };
    step('write the journal');
    writeFileSync(join(staging, JOURNAL), JSON.stringify(pending));
    journal = pending;

    const firstAdd = ops.findIndex((op) => op.kind === 'add');
    ops.forEach((op, i) => {
      const target = join(outAbs, op.path);
      const id = String(i);
      if (i === firstAdd) {
        for (const dir of input.dirsToCreate) {
          step(`create folder ${dir}`);
          mkdirSync(join(outAbs, dir));
        }
      }
      if (op.kind !== 'add') {
        step(`back up ${op.path}`);
        renameSync(target, join(staging, 'b', id));
      }
      if (op.kind !== 'remove') {
        step(`write ${op.path}`);
        renameSync(join(staging, 'n', id), target);
      }
    });
    step('commit the manifest');
    renameSync(join(staging, STAGED_MANIFEST), join(outAbs, MANIFEST_NAME));
  } catch (e) {
    if (e instanceof SimulatedCrash) throw e;
    const rollbackErrors = journal === undefined ? [] : rollBack(outAbs, staging, journal);
    if (rollbackErrors.length === 0) {
      try {
        if (stagingMade) rmSync(staging, { recursive: true, force: true });
        for (const d of [...createdOut].reverse()) rmdirSync(d);
      } catch (cleanupError) {
        rollbackErrors.push(`clean up: ${(cleanupError as Error).message}`);
      }
    }
    throw new ApplyError((e as Error).message, rollbackErrors);
  }
}

/** After the commit: drop folders that only held removed files. Deepest first, so parents empty out too. */
export function pruneEmptiedDirs(outAbs: string, removedPaths: readonly string[]): void {
  const candidates = new Set<string>();
  for (const p of removedPaths) {
    for (let d = posix.dirname(p); d !== '.'; d = posix.dirname(d)) candidates.add(d);
  }
  const deepestFirst = [...candidates].sort((a, b) => b.split('/').length - a.split('/').length || (a < b ? -1 : 1));
  for (const d of deepestFirst) {
    // rmdir only succeeds on an empty folder, so nothing that holds anything else can go.
    ignoring(['ENOENT', 'ENOTEMPTY', 'EEXIST', 'ENOTDIR'], () => rmdirSync(join(outAbs, d)));
  }
}
