// Decides what a run would do, touching nothing. Both `check` and a real run
// use it, so check reports exactly what a run would do.
import type { BigIntStats } from 'node:fs';
import { lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import type { Manifest } from './manifest.js';
import { sha256Hex } from '../sha256.js';
import { MANIFEST_NAME, parentDirs, sortPaths, under } from './paths.js';
import { sortDiagnostics } from '../diagnostics.js';
import type { StatCache, StatEntry } from './stat-cache.js';
import { cachedHash, statEntry } from './stat-cache.js';

export interface PreparedFile {
  readonly path: string;
  /** Kept as a string: encoding happens inside hash and write, so unchanged pages allocate no buffers. */
  readonly contents: string;
  /** UTF-8 byte length. */
  readonly size: number;
  readonly sha256: string;
}

export type Op =
  | { readonly kind: 'remove'; readonly path: string }
  | { readonly kind: 'add' | 'change'; readonly path: string; readonly contents: string; readonly sha256: string };

export interface PlanInput {
  readonly outAbs: string;
  /** The output folder as the caller spelled it, for messages. */
  readonly outDisplay: string;
  readonly outExists: boolean;
  /** Validated, sorted by path. */
  readonly files: readonly PreparedFile[];
  readonly old: Manifest;
  readonly manifestAbsent: boolean;
  readonly cache: StatCache;
  readonly force: boolean;
}

export interface Plan {
  readonly added: string[];
  readonly changed: string[];
  readonly removed: string[];
  readonly unchanged: string[];
  readonly conflicts: string[];
  readonly blocked: string[];
  readonly diagnostics: Diagnostic[];
  /** In apply order: removals (they may free a name a new folder needs), changes, additions. */
  readonly ops: Op[];
  /** Folders to create before the additions, shallowest first. */
  readonly dirsToCreate: string[];
  /** Stat entries proven during planning, reused to refresh the stat cache. */
  readonly verified: ReadonlyMap<string, StatEntry>;
}

type DirState = { readonly ok: true; readonly create: boolean } | { readonly ok: false; readonly at: string; readonly what: string };

function lstatOrUndefined(abs: string): BigIntStats | undefined {
  try {
    // throwIfNoEntry: an exception per missing page costs more than the lstat itself.
    return lstatSync(abs, { bigint: true, throwIfNoEntry: false });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw e;
  }
}

function kindOf(st: BigIntStats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isSymbolicLink()) return 'a symbolic link';
  if (st.isFile()) return 'a file';
  return 'a special file';
}

export function planWrite(input: PlanInput): Plan {
  const { outAbs, outDisplay, files, old, cache, force } = input;
  const show = (p: string) => join(outDisplay, p);
  const added: string[] = [];
  const changed: string[] = [];
  const removed: string[] = [];
  const unchanged: string[] = [];
  const conflicts: string[] = [];
  const blocked: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const removes: Op[] = [];
  const changes: Op[] = [];
  const adds: Op[] = [];
  const dirsToCreate = new Set<string>();
  const verified = new Map<string, StatEntry>();

  const newPaths = new Set(files.map((f) => f.path));
  const removing = new Set([...old.files.keys()].filter((p) => !newPaths.has(p)));

  const dirMemo = new Map<string, DirState>();
  // Only real folders are written into: a link could point outside the output
  // folder, and a file there belongs to someone (unless it is ours and leaving).
  const dirState = (dir: string): DirState => {
    const known = dirMemo.get(dir);
    if (known !== undefined) return known;
    let state: DirState;
    const slash = dir.lastIndexOf('/');
    const parent = slash < 0 ? undefined : dir.slice(0, slash);
    const parentState: DirState = parent === undefined ? { ok: true, create: !input.outExists } : dirState(parent);
    if (!parentState.ok || parentState.create) {
      state = parentState;
    } else {
      const st = lstatOrUndefined(under(outAbs, dir));
      if (st === undefined) state = { ok: true, create: true };
      else if (st.isDirectory()) state = { ok: true, create: false };
      else if (st.isFile() && removing.has(dir)) state = { ok: true, create: true };
      else state = { ok: false, at: dir, what: kindOf(st) };
    }
    dirMemo.set(dir, state);
    return state;
  };

  const block = (p: string, at: string, what: string) => {
    blocked.push(p);
    const message =
      at === p
        ? `${show(p)} already exists (${what}) and was not written by provider-docs, so it is never overwritten, not even with --force. Move or delete it, or change what generates "${p}".`
        : `Cannot write ${show(p)}: ${show(at)} is ${what} that provider-docs did not create, and it never writes through or replaces what it did not create, not even with --force. Move or delete it.`;
    diagnostics.push({ severity: 'error', code: 'unmanaged-file', message, file: show(at), pointer: '' });
  };

  /** True when every parent of `p` is (or will be) a real folder; otherwise reports `p` as blocked. */
  const parentsWritable = (p: string): boolean => {
    const slash = p.lastIndexOf('/');
    if (slash < 0) return true;
    const state = dirState(p.slice(0, slash));
    if (!state.ok) {
      block(p, state.at, state.what);
      return false;
    }
    // Missing folders are the lower part of the chain: list them up to the first that exists or is listed already (with its parents).
    for (let end = slash; end > 0 && state.create; end = p.lastIndexOf('/', end - 1)) {
      const d = p.slice(0, end);
      const s = dirMemo.get(d)!;
      if (!s.ok || !s.create || dirsToCreate.has(d)) break;
      dirsToCreate.add(d);
    }
    return true;
  };

  /** True when a folder above `p` is known to be missing, so `p` is too and needs no lstat (a cold run's common case). */
  const knownMissing = (p: string): boolean => {
    if (dirMemo.size === 0) return false;
    for (let end = p.lastIndexOf('/'); end > 0; end = p.lastIndexOf('/', end - 1)) {
      const s = dirMemo.get(p.slice(0, end));
      if (s !== undefined) return s.ok && s.create;
    }
    return false;
  };

  const conflict = (p: string, action: 'overwrite' | 'remove', how: string) => {
    conflicts.push(p);
    diagnostics.push({
      severity: force ? 'warning' : 'error',
      code: 'hand-edited',
      message: force
        ? `${show(p)} ${how} since provider-docs generated it; --force lets this run ${action} it.`
        : `${show(p)} ${how} since provider-docs generated it, and this run would ${action} it. Nothing was written; keep your edits elsewhere, or run again with --force to ${action} it.`,
      file: show(p),
      pointer: '',
    });
  };

  // Reading a file is the slow part, so it happens only when the stat cache cannot vouch for it.
  const diskHash = (p: string, abs: string, st: BigIntStats): string => {
    const cached = cachedHash(cache, p, st);
    if (cached !== undefined) {
      verified.set(p, cache.entries.get(p)!);
      return cached;
    }
    const h = sha256Hex(readFileSync(abs));
    verified.set(p, statEntry(h, st));
    return h;
  };

  for (const f of files) {
    const p = f.path;
    const abs = under(outAbs, p);
    const owned = old.files.get(p);
    const st = input.outExists && !knownMissing(p) ? lstatOrUndefined(abs) : undefined;
    const write = { path: p, contents: f.contents, sha256: f.sha256 };
    if (st === undefined) {
      // Deleting generated pages to get them regenerated is normal use, not a conflict.
      if (parentsWritable(p)) {
        added.push(p);
        adds.push({ kind: 'add', ...write });
      }
    } else if (owned === undefined) {
      block(p, p, kindOf(st));
    } else if (st.isDirectory()) {
      block(p, p, 'a folder');
    } else if (st.isFile()) {
      const onDisk = diskHash(p, abs, st);
      if (onDisk === f.sha256) {
        // Also when a hand edit happens to equal the new output: nothing to write, the manifest just catches up.
        unchanged.push(p);
      } else if (parentsWritable(p)) {
        changed.push(p);
        changes.push({ kind: 'change', ...write });
        if (onDisk !== owned.sha256) conflict(p, 'overwrite', 'was edited by hand');
      }
    } else if (parentsWritable(p)) {
      changed.push(p);
      changes.push({ kind: 'change', ...write });
      conflict(p, 'overwrite', `was replaced by ${kindOf(st)}`);
    }
  }

  for (const p of sortPaths(removing)) {
    const abs = under(outAbs, p);
    const st = input.outExists ? lstatOrUndefined(abs) : undefined;
    if (st === undefined) continue; // already gone; the manifest just forgets it
    const realParents = parentDirs(p).every((d) => {
      const s = dirState(d);
      return s.ok && !s.create;
    });
    if (!realParents || st.isDirectory()) {
      diagnostics.push({
        severity: 'warning',
        code: 'left-in-place',
        message: `${show(p)} is no longer generated, but it (or a folder above it) was replaced by something provider-docs did not create; it is left in place and no longer tracked.`,
        file: show(p),
        pointer: '',
      });
      continue;
    }
    removed.push(p);
    removes.push({ kind: 'remove', path: p });
    if (!st.isFile()) conflict(p, 'remove', `was replaced by ${kindOf(st)}`);
    else if (diskHash(p, abs, st) !== old.files.get(p)!.sha256) conflict(p, 'remove', 'was edited by hand');
  }

  if (blocked.length > 0 && input.manifestAbsent) {
    diagnostics.push({
      severity: 'warning',
      code: 'manifest-missing',
      message: `${show(MANIFEST_NAME)} does not exist, so provider-docs owns no file in ${outDisplay}. If the blocking files came from an earlier run, delete them (or the whole folder) and run again.`,
      file: show(MANIFEST_NAME),
      pointer: '',
    });
  }

  return {
    added,
    changed,
    removed,
    unchanged,
    conflicts: sortPaths(conflicts),
    blocked: sortPaths(blocked),
    diagnostics: sortDiagnostics(diagnostics),
    ops: [...removes, ...changes, ...adds],
    dirsToCreate: sortPaths(dirsToCreate),
    verified,
  };
}
