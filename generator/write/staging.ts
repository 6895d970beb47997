// The staging folder of a run: its layout, its lock, and its journal.
//
//   <out>/.provider-docs-staging/
//     pid            the owner's process id (the folder itself is the lock)
//     n/<id>         new contents of op <id>, when its folder already exists
//     t/<k>/...      new folder trees[k] with its pages in their final layout
//     b/<id>         the file op <id> replaces or removes, kept as a backup
//     manifest.json  the new manifest, until renaming it into place commits
//     journal.json   what the run does; written once everything is staged
//
// Why trees: a page whose folder does not exist yet is staged inside a copy
// of that folder, so one rename moves the whole folder into place. On a cold
// run that is one rename per new top folder instead of one per page, and the
// folders are made in the staging folder instead of the output tree. What
// rollback needs stays the same: every op's progress can be read off whether
// its staged file still exists.
import { lstatSync, readFileSync, rmdirSync, rmSync, unlinkSync } from 'node:fs';
import { outputPathProblem, STAGING_NAME, under } from './paths.js';
import type { Op } from './plan.js';

export const JOURNAL = 'journal.json';
export const STAGED_MANIFEST = 'manifest.json';
export const PID_FILE = 'pid';
/** Subfolders: loose new files, new folder trees, backups. */
export const LOOSE = 'n';
export const TREES = 't';
export const BACKUPS = 'b';

export interface JournalOp {
  readonly kind: Op['kind'];
  readonly path: string;
  readonly id: string;
}

/**
 * Version 2 added `trees`. A version 1 journal (no trees) reads as one whose
 * files were all staged loose, which is what version 1 did. Version 1 code
 * reading a version 2 journal still rolls back right: it takes the missing
 * `n/<id>` of a tree's page for "moved into place" and unlinks the page, which
 * is either the one moved in or not there at all.
 */
export interface Journal {
  readonly version: 1 | 2;
  readonly ops: readonly JournalOp[];
  /** Every folder the run creates in the output tree, shallowest first. */
  readonly dirsToCreate: readonly string[];
  /** New folders whose parent exists: each is staged as `t/<index>` and moved into place whole. */
  readonly trees?: readonly string[];
}

export function ignoring(codes: readonly string[], fn: () => void): void {
  try {
    fn();
  } catch (e) {
    if (!codes.includes((e as NodeJS.ErrnoException).code ?? '')) throw e;
  }
}

/** Whether anything (even a dangling link) is at `abs`; any error counts as nothing. */
export function exists(abs: string): boolean {
  try {
    return lstatSync(abs, { throwIfNoEntry: false }) !== undefined;
  } catch {
    return false;
  }
}

export function stagingPath(outAbs: string): string {
  return under(outAbs, STAGING_NAME);
}

/** The topmost folders among `dirs` (a plan's dirsToCreate), each with its index under `t/`. */
export function treeRoots(dirs: readonly string[]): Map<string, number> {
  const all = new Set(dirs);
  const roots = new Map<string, number>();
  for (const d of dirs) {
    const slash = d.lastIndexOf('/');
    if (slash < 0 || !all.has(d.slice(0, slash))) roots.set(d, roots.size);
  }
  return roots;
}

/** Where `path` (a new file, or a folder of a new tree) is staged; undefined when it lies in no new tree. */
export function stagedInTree(staging: string, roots: ReadonlyMap<string, number>, path: string): string | undefined {
  if (roots.size === 0) return undefined;
  const whole = roots.get(path);
  if (whole !== undefined) return under(staging, `${TREES}/${whole}`);
  for (let end = path.indexOf('/'); end > 0; end = path.indexOf('/', end + 1)) {
    const k = roots.get(path.slice(0, end));
    if (k !== undefined) return under(staging, `${TREES}/${k}/${path.slice(end + 1)}`);
  }
  return undefined;
}

/** Where op `id` has its new contents staged. */
export function stagedFile(staging: string, roots: ReadonlyMap<string, number>, path: string, id: string): string {
  return stagedInTree(staging, roots, path) ?? under(staging, `${LOOSE}/${id}`);
}

/**
 * Removes the staging folder of a committed run. Its layout is known, so a few
 * unlinks and rmdirs do it; rmSync's recursive walk took 3-5 times as long.
 * The pid goes last: a folder with a dead owner's pid is tidied by the next
 * run, one without a pid reads as a run just starting.
 */
export function removeStaging(staging: string): void {
  try {
    ignoring(['ENOENT'], () => unlinkSync(under(staging, JOURNAL)));
    for (const dir of [LOOSE, TREES]) ignoring(['ENOENT'], () => rmdirSync(under(staging, dir)));
    if (exists(under(staging, BACKUPS))) rmSync(under(staging, BACKUPS), { recursive: true, force: true });
    ignoring(['ENOENT'], () => unlinkSync(under(staging, PID_FILE)));
    rmdirSync(staging);
  } catch {
    rmSync(staging, { recursive: true, force: true });
  }
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
    pid = Number.parseInt(readFileSync(under(staging, PID_FILE), 'utf8'), 10);
  } catch {
    // The owner may be between creating the folder and writing its pid: assume it is alive.
    return { kind: 'active', pid: undefined };
  }
  if (!Number.isSafeInteger(pid) || pid <= 0) return { kind: 'active', pid: undefined };
  return isAlive(pid) ? { kind: 'active', pid } : { kind: 'stale' };
}

/** Rollback unlinks and renames what the journal names, so it must name nothing outside the output folder. */
export function isSafeJournal(journal: unknown): journal is Journal {
  const safe = (p: unknown) => typeof p === 'string' && outputPathProblem(p) === undefined;
  if (typeof journal !== 'object' || journal === null) return false;
  const { version, ops, dirsToCreate, trees } = journal as { version?: unknown; ops?: unknown; dirsToCreate?: unknown; trees?: unknown };
  return (
    (version === 1 || version === 2) &&
    Array.isArray(ops) &&
    ops.every((op: Partial<JournalOp> | null) => safe(op?.path) && /^\d+$/.test(String(op?.id)) && ['add', 'change', 'remove'].includes(String(op?.kind))) &&
    Array.isArray(dirsToCreate) &&
    dirsToCreate.every(safe) &&
    (trees === undefined || (Array.isArray(trees) && trees.every(safe)))
  );
}
