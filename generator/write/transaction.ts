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
// crash) is rolled back by the next run (rollback.ts; layout in staging.ts).
// No fsync: this protects against failing and dying processes, not against
// power loss.
import { compareStrings } from '../compare.js';
import { mkdirSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, posix } from 'node:path';
import { MANIFEST_NAME, under } from './paths.js';
import type { Op } from './plan.js';
import { rollBack } from './rollback.js';
import type { Journal, JournalOp } from './staging.js';
import { BACKUPS, exists, ignoring, JOURNAL, LOOSE, PID_FILE, STAGED_MANIFEST, stagedInTree, stagingPath, TREES, treeRoots } from './staging.js';

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

export interface ApplyInput {
  readonly outAbs: string;
  readonly ops: readonly Op[];
  readonly dirsToCreate: readonly string[];
  readonly manifestText: string;
  readonly fault?: FaultHook;
}

/** Applies and commits, or throws ApplyError after undoing everything (SimulatedCrash: without undoing). */
export function applyPlan(input: ApplyInput): void {
  const { outAbs, ops, dirsToCreate, fault } = input;
  let count = 0;
  const step = (what: string) => {
    const n = count++;
    if (fault?.crashAfter !== undefined && n >= fault.crashAfter) throw new SimulatedCrash(`simulated crash before: ${what}`);
    if (fault?.failAfter !== undefined && n >= fault.failAfter) throw new Error(`injected failure before: ${what}`);
  };
  const staging = stagingPath(outAbs);
  const roots = treeRoots(dirsToCreate);
  const inTree = ops.map((op) => (op.kind === 'remove' ? undefined : stagedInTree(staging, roots, op.path)));
  const staged = inTree.map((at, i) => at ?? under(staging, `${LOOSE}/${i}`));
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
    writeFileSync(under(staging, PID_FILE), String(process.pid));
    // Only the subfolders this run uses: creating a file or folder is what writing costs most.
    if (ops.some((op, i) => op.kind !== 'remove' && inTree[i] === undefined)) mkdirSync(under(staging, LOOSE));
    if (roots.size > 0) mkdirSync(under(staging, TREES));
    if (ops.some((op) => op.kind !== 'add')) mkdirSync(under(staging, BACKUPS));
    for (const dir of dirsToCreate) {
      step(`stage folder ${dir}`);
      mkdirSync(stagedInTree(staging, roots, dir)!);
    }
    ops.forEach((op, i) => {
      if (op.kind === 'remove') return;
      step(`stage ${op.path}`);
      writeFileSync(staged[i]!, op.contents);
    });
    step('stage the manifest');
    writeFileSync(under(staging, STAGED_MANIFEST), input.manifestText);
    const journalOps: JournalOp[] = ops.map((op, i) => ({ kind: op.kind, path: op.path, id: String(i) }));
    const pending: Journal = { version: 2, ops: journalOps, dirsToCreate, trees: [...roots.keys()] };
    step('write the journal');
    writeFileSync(under(staging, JOURNAL), JSON.stringify(pending));
    journal = pending;

    // In plan order (removals, changes, additions), then the new trees: a new folder may take the name of a removed page.
    ops.forEach((op, i) => {
      const target = under(outAbs, op.path);
      if (op.kind !== 'add') {
        step(`back up ${op.path}`);
        renameSync(target, under(staging, `${BACKUPS}/${i}`));
      }
      if (op.kind !== 'remove' && inTree[i] === undefined) {
        step(`write ${op.path}`);
        renameSync(staged[i]!, target);
      }
    });
    for (const [root, k] of roots) {
      step(`move ${root} into place`);
      // rename(2) would also replace an empty folder made there since planning; one with contents makes it fail.
      renameSync(under(staging, `${TREES}/${k}`), under(outAbs, root));
    }
    step('commit the manifest');
    renameSync(under(staging, STAGED_MANIFEST), under(outAbs, MANIFEST_NAME));
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
  const deepestFirst = [...candidates].sort((a, b) => b.split('/').length - a.split('/').length || compareStrings(a, b));
  for (const d of deepestFirst) {
    // rmdir only succeeds on an empty folder, so nothing that holds anything else can go.
    ignoring(['ENOENT', 'ENOTEMPTY', 'EEXIST', 'ENOTDIR'], () => rmdirSync(under(outAbs, d)));
  }
}
