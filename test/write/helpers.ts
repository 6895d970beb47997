// Test-only helpers: temp folders and whole-tree snapshots.
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach } from 'vitest';
import { STAT_CACHE_NAME } from '../../generator/write/paths.js';
import type { OutputFile } from '../../generator/write/write-output.js';

const made: string[] = [];
afterEach(() => {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A fresh temp folder, removed after the test. */
export function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'provider-docs-write-'));
  made.push(d);
  return d;
}

export interface SnapshotOptions {
  /** Folder mtimes change whenever anything is created inside, even temporarily. */
  readonly dirMtimes?: boolean;
}

/** Every path under `dir` with kind, bytes (hex, for readable diffs) and mtime in ns. */
export function snapshotTree(dir: string, options: SnapshotOptions = {}): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    const abs = rel === '' ? dir : join(dir, rel);
    let st;
    try {
      st = lstatSync(abs, { bigint: true });
    } catch {
      return;
    }
    if (st.isDirectory()) {
      if (rel !== '') out[rel + '/'] = options.dirMtimes ? `dir mtime=${st.mtimeNs}` : 'dir';
      for (const name of readdirSync(abs).sort()) walk(rel === '' ? name : `${rel}/${name}`);
    } else if (st.isSymbolicLink()) {
      out[rel] = 'link';
    } else {
      out[rel] = `file mtime=${st.mtimeNs} ${readFileSync(abs).toString('hex')}`;
    }
  };
  walk('');
  return out;
}

/** The stat cache is machine-local bookkeeping that any later run may refresh. */
export function withoutCache(snapshot: Record<string, string>): Record<string, string> {
  const { [STAT_CACHE_NAME]: _cache, ...rest } = snapshot;
  return rest;
}

/** Paths and bytes only, without the machine-local stat cache: what two equivalent runs must agree on. */
export function contentsOf(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(snapshotTree(dir))) if (k !== STAT_CACHE_NAME) out[k] = v.replace(/ mtime=\d+/, '');
  return out;
}

export function put(dir: string, rel: string, text: string): void {
  const abs = join(dir, rel);
  mkdirSync(dirname(abs), { recursive: true });
  writeFileSync(abs, text);
}

export function read(dir: string, rel: string): string {
  return readFileSync(join(dir, rel), 'utf8');
}

export function mtimeNs(dir: string, rel: string): bigint {
  return lstatSync(join(dir, rel), { bigint: true }).mtimeNs;
}

/** `{ 'a.md': 'x' }` → output file list. */
export function filesOf(spec: Record<string, string>): OutputFile[] {
  return Object.entries(spec).map(([path, contents]) => ({ path, contents }));
}

export const codes = (r: { diagnostics: readonly { code: string; severity: string }[] }, severity?: string) =>
  r.diagnostics.filter((d) => severity === undefined || d.severity === severity).map((d) => d.code);
