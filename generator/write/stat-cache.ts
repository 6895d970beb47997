// Why a stat cache: telling "unchanged" from "edited by hand" needs the hash of
// what is on disk, and reading + hashing every page costs ~30-50 ms per 1000
// files where an lstat costs ~5. So we remember, per file, the stat we saw next
// to the hash we know it had, and re-hash only when the stat moved.
//
// It lives in its own file, not in the manifest, because stats are
// machine-local and change on every checkout; the manifest must stay
// deterministic. Losing or corrupting the cache only costs speed.
//
// Staleness rule (the "racy git" rule): an entry is trusted only when size,
// inode, mtime and ctime (ns) all match AND its mtime/ctime are strictly older
// than the cache file's own mtime. An edit made after the cache was written
// gets a timestamp >= the cache's, so it can only look identical to an entry
// that is itself not older than the cache, and those are always re-hashed.
// ctime is included because editors and `touch -d`/`cp -p` can restore mtime
// but nothing but the kernel sets ctime. Edits racing with a run in progress
// are not detected. saveStatCache keeps the racy set empty after a write run.
import type { BigIntStats } from 'node:fs';
import { lstatSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256Hex } from '../sha256.js';
import type { StatEntry } from '../file-stat.js';

export { statEntry, type StatEntry } from '../file-stat.js';
import { STAT_CACHE_NAME, sortPaths } from './paths.js';

const CACHE_VERSION = 1;

export interface StatCache {
  readonly entries: ReadonlyMap<string, StatEntry>;
  /** mtime of the cache file itself; 0 when there is none (nothing is trusted). */
  readonly mtimeNs: bigint;
  /** Exact text read, to skip rewriting an unchanged cache. */
  readonly text?: string;
}

export const EMPTY_STAT_CACHE: StatCache = { entries: new Map(), mtimeNs: 0n };

/** The hash the cache vouches for when `st` is the file it recorded, else undefined. */
export function cachedHash(cache: StatCache, path: string, st: BigIntStats): string | undefined {
  const e = cache.entries.get(path);
  if (e === undefined) return undefined;
  if (!sameStat(e, st)) return undefined;
  if (e.mtimeNs >= cache.mtimeNs || e.ctimeNs >= cache.mtimeNs) return undefined;
  return e.sha256;
}

/** Never throws: any problem just means an empty cache. */
export function readStatCache(outAbs: string): StatCache {
  const file = join(outAbs, STAT_CACHE_NAME);
  try {
    const st = lstatSync(file, { bigint: true });
    if (!st.isFile()) return EMPTY_STAT_CACHE;
    const text = readFileSync(file, 'utf8');
    if (last !== undefined && last.file === file && last.text === text) return { entries: last.entries, mtimeNs: st.mtimeNs, text };
    const data = JSON.parse(text) as unknown;
    if (typeof data !== 'object' || data === null) return EMPTY_STAT_CACHE;
    const { version, files } = data as { version?: unknown; files?: unknown };
    if (version !== CACHE_VERSION || typeof files !== 'object' || files === null) return EMPTY_STAT_CACHE;
    const entries = new Map<string, StatEntry>();
    for (const [p, v] of Object.entries(files)) {
      if (!Array.isArray(v) || v.length !== 5 || !v.every((x) => typeof x === 'string')) continue;
      const [sha256, size, ino, mtimeNs, ctimeNs] = v as [string, string, string, string, string];
      try {
        entries.set(p, { sha256, size: BigInt(size), ino: BigInt(ino), mtimeNs: BigInt(mtimeNs), ctimeNs: BigInt(ctimeNs) });
      } catch {
        // A malformed number only loses this entry.
      }
    }
    last = { file, text, entries };
    return { entries, mtimeNs: st.mtimeNs, text };
  } catch {
    return EMPTY_STAT_CACHE;
  }
}

/**
 * The last cache read or written, by its exact text: a run over many providers
 * reads back, before each provider, the cache it saved after the one before
 * (thousands of entries of five numbers each). The text is still read and
 * compared, and the mtime still comes from the file, so anything another
 * process changed is parsed afresh. Entries are never mutated once here.
 */
let last: { readonly file: string; readonly text: string; readonly entries: ReadonlyMap<string, StatEntry> } | undefined;

/** The line of an entry object, under the path it was formatted for (entries are immutable). */
const lineOf = new WeakMap<StatEntry, { readonly path: string; readonly line: string }>();

export function serializeStatCache(entries: ReadonlyMap<string, StatEntry>): string {
  const lines = sortPaths(entries.keys()).map((p) => {
    const e = entries.get(p)!;
    // Saved once per provider with every entry so far: each entry object is formatted once.
    const known = lineOf.get(e);
    if (known !== undefined && known.path === p) return known.line;
    // Numbers need no escaping; the hash may come from a hand-edited cache file, so it does.
    const line = `    ${JSON.stringify(p)}: [${JSON.stringify(e.sha256)}, "${e.size}", "${e.ino}", "${e.mtimeNs}", "${e.ctimeNs}"]`;
    lineOf.set(e, { path: p, line });
    return line;
  });
  const files = lines.length === 0 ? '{}' : `{\n${lines.join(',\n')}\n  }`;
  return `{\n  "files": ${files},\n  "version": ${CACHE_VERSION}\n}\n`;
}

/**
 * A run's stat cache while it writes provider after provider. Each save formats every entry and
 * waits for the file-system clock (saveStatCache), so saving after each provider, with every
 * entry written so far, grew with the square of the number of providers. A run hands one of
 * these to each of its writes instead: the entries stay in memory between the writes and are
 * saved once, when the run ends (`flush`). A run that dies before that only loses speed: the
 * file still holds the stats of the run before, and a page whose stat no longer matches is
 * hashed again.
 */
export class DeferredStatCache {
  private state: StatCache | undefined;
  private dirty = false;

  constructor(readonly outAbs: string) {}

  /** The file's cache the first time, then what the run's writes left. */
  read(outExists: boolean): StatCache {
    this.state ??= outExists ? readStatCache(this.outAbs) : EMPTY_STAT_CACHE;
    return this.state;
  }

  /**
   * What a write leaves. The cache file's mtime stays the one read: entries written since are
   * newer, so this run never trusts them (cachedHash), as it would not trust them from the file.
   */
  update(entries: Map<string, StatEntry>): void {
    this.state = { entries, mtimeNs: this.state?.mtimeNs ?? 0n };
    this.dirty = true;
  }

  /** Saves what the writes left, if they changed anything; true when it saved. */
  flush(): boolean {
    if (!this.dirty || this.state === undefined) return false;
    saveStatCache(this.outAbs, new Map(this.state.entries));
    this.dirty = false;
    this.state = undefined;
    return true;
  }
}

function sameStat(e: StatEntry, st: BigIntStats): boolean {
  return e.size === st.size && e.ino === st.ino && e.mtimeNs === st.mtimeNs && e.ctimeNs === st.ctimeNs;
}

function sleepMs(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Writes the cache so that none of its entries is racy. Pages written just now
 * share the cache's clock tick and would be re-hashed on every later run; so
 * when there are such entries, wait until the file-system clock has moved on
 * (a few ms), re-check those pages by content (dropping any that changed
 * meanwhile) and write the cache again, now strictly newer than every entry.
 */
export function saveStatCache(outAbs: string, entries: Map<string, StatEntry>): void {
  const target = join(outAbs, STAT_CACHE_NAME);
  const temp = `${target}.${process.pid}.tmp`;
  let saved = '';
  const save = (text: string): bigint => {
    writeFileSync(temp, text);
    renameSync(temp, target);
    saved = text;
    last = { file: target, text, entries: new Map(entries) };
    return lstatSync(target, { bigint: true }).mtimeNs;
  };
  const savedAt = save(serializeStatCache(entries));
  const racy = [...entries].filter(([, e]) => e.mtimeNs >= savedAt || e.ctimeNs >= savedAt);
  if (racy.length === 0) return;
  const deadline = Date.now() + 200;
  let now = savedAt;
  while (now <= savedAt && Date.now() < deadline) {
    sleepMs(2);
    writeFileSync(temp, '');
    now = lstatSync(temp, { bigint: true }).mtimeNs;
  }
  // Otherwise the probe file stays, to be the second save's temp: creating a file costs more than rewriting one.
  if (now <= savedAt) {
    rmSync(temp, { force: true });
    return; // a clock that does not move: leave those entries racy
  }
  let dropped = false;
  for (const [p, e] of racy) {
    const abs = join(outAbs, p);
    const st = lstatSync(abs, { bigint: true, throwIfNoEntry: false });
    if (st === undefined || !st.isFile() || !sameStat(e, st) || sha256Hex(readFileSync(abs)) !== e.sha256) dropped = entries.delete(p) || dropped;
  }
  // Written again to be newer than its entries; the same text unless an entry was dropped.
  save(dropped ? serializeStatCache(entries) : saved);
}
