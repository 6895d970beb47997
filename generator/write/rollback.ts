// Undoing a run that did not commit: right after it failed, or on the next run
// when the process died. Everything is read off the journal and off which
// staged files still exist, so a rollback that stopped halfway can be repeated.
import { mkdirSync, readFileSync, renameSync, rmdirSync, rmSync, unlinkSync } from 'node:fs';
import { dirname } from 'node:path';
import { under } from './paths.js';
import type { Journal } from './staging.js';
import { BACKUPS, exists, ignoring, isSafeJournal, JOURNAL, STAGED_MANIFEST, stagedFile, stagingPath } from './staging.js';

/**
 * Undoes whatever part of the journal was applied. Order matters: new files go
 * first, then the folders made for them (one may sit where a removed file
 * was), then replaced and removed files come back. Returns the problems met.
 *
 * A new folder tree moved into place is undone file by file like loose pages,
 * never by deleting the folder: anything someone put in it since stays.
 */
export function rollBack(outAbs: string, staging: string, journal: Journal): string[] {
  const errors: string[] = [];
  const attempt = (what: string, fn: () => void) => {
    try {
      fn();
    } catch (e) {
      errors.push(`${what}: ${(e as Error).message}`);
    }
  };
  const roots = new Map((journal.trees ?? []).map((t, k) => [t, k]));
  const backup = (id: string) => under(staging, `${BACKUPS}/${id}`);
  const reversed = [...journal.ops].reverse();
  for (const op of reversed) {
    // A staged file that is gone was moved into place, alone or with its folder.
    if (op.kind === 'add' && !exists(stagedFile(staging, roots, op.path, op.id))) {
      attempt(`remove ${op.path}`, () => ignoring(['ENOENT'], () => unlinkSync(under(outAbs, op.path))));
    }
  }
  for (const dir of [...journal.dirsToCreate].reverse()) {
    attempt(`remove folder ${dir}`, () => ignoring(['ENOENT', 'ENOTEMPTY', 'EEXIST', 'ENOTDIR'], () => rmdirSync(under(outAbs, dir))));
  }
  for (const kind of ['change', 'remove'] as const) {
    for (const op of reversed) {
      if (op.kind !== kind || !exists(backup(op.id))) continue;
      attempt(`restore ${op.path}`, () => {
        const target = under(outAbs, op.path);
        mkdirSync(dirname(target), { recursive: true });
        renameSync(backup(op.id), target);
      });
    }
  }
  return errors;
}

export type Recovery = { readonly kind: 'rolled-back' | 'completed' | 'discarded'; readonly errors: readonly string[] };

/** Finishes a dead run's business: roll back unless it had committed. Only for a `stale` staging folder. */
export function recoverStaging(outAbs: string): Recovery {
  const staging = stagingPath(outAbs);
  let journal: unknown;
  try {
    journal = JSON.parse(readFileSync(under(staging, JOURNAL), 'utf8'));
  } catch {
    journal = undefined; // not (fully) written: the run never touched the output tree
  }
  if (journal !== undefined && !isSafeJournal(journal)) {
    return { kind: 'rolled-back', errors: ['its journal is not one provider-docs writes, so nothing was touched'] };
  }
  let kind: Recovery['kind'] = 'discarded';
  let errors: string[] = [];
  if (journal !== undefined) {
    if (exists(under(staging, STAGED_MANIFEST))) {
      kind = 'rolled-back';
      errors = rollBack(outAbs, staging, journal);
    } else {
      kind = 'completed';
    }
  }
  if (errors.length === 0) rmSync(staging, { recursive: true, force: true });
  return { kind, errors };
}
