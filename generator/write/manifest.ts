// The manifest is the only proof of ownership: a file not listed in it is
// someone else's and is never touched. It is deterministic (same output, same
// bytes) so it can be committed with the docs without churn.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MANIFEST_NAME, outputPathProblem, sortPaths } from './paths.js';

export const MANIFEST_VERSION = 1;
export const GENERATOR_NAME = 'provider-docs';

export interface ManifestEntry {
  /** sha256 hex of the bytes as written. */
  readonly sha256: string;
  readonly size: number;
}

export interface Manifest {
  readonly generatorVersion?: string;
  readonly files: ReadonlyMap<string, ManifestEntry>;
}

export type ManifestRead =
  | { readonly kind: 'absent' }
  | { readonly kind: 'ok'; readonly manifest: Manifest; readonly text: string }
  | { readonly kind: 'invalid'; readonly reason: string };

/** The line of an entry object, under the path it was formatted for (entries are immutable). */
const lineOf = new WeakMap<ManifestEntry, { readonly path: string; readonly line: string }>();

/**
 * Keys sorted at every level, one file per line so a regeneration diff shows
 * exactly the pages that changed. Hand-built rather than JSON.stringify of an
 * object because object key order puts integer-like names ("404") first.
 */
export function serializeManifest(manifest: Manifest): string {
  const paths = sortPaths(manifest.files.keys());
  const fileLines = paths.map((p) => {
    const e = manifest.files.get(p)!;
    // A run over many providers writes the manifest once per provider, each time with every
    // entry written so far: an entry object keeps its line, so each is formatted once.
    const known = lineOf.get(e);
    if (known !== undefined && known.path === p) return known.line;
    const line = `    ${JSON.stringify(p)}: {"sha256": ${JSON.stringify(e.sha256)}, "size": ${e.size}}`;
    lineOf.set(e, { path: p, line });
    return line;
  });
  const files = fileLines.length === 0 ? '{}' : `{\n${fileLines.join(',\n')}\n  }`;
  const lines = [`  "files": ${files}`, `  "generator": ${JSON.stringify(GENERATOR_NAME)}`];
  if (manifest.generatorVersion !== undefined) {
    lines.push(`  "generatorVersion": ${JSON.stringify(manifest.generatorVersion)}`);
  }
  lines.push(`  "version": ${MANIFEST_VERSION}`);
  return `{\n${lines.join(',\n')}\n}\n`;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Strict: a manifest we cannot fully trust would make us misjudge ownership. */
export function parseManifest(text: string): ManifestRead {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { kind: 'invalid', reason: `it is not valid JSON (${(e as Error).message})` };
  }
  if (!isRecord(data)) return { kind: 'invalid', reason: 'it is not a JSON object' };
  if (data.generator !== GENERATOR_NAME) return { kind: 'invalid', reason: `its "generator" is not "${GENERATOR_NAME}"` };
  if (data.version !== MANIFEST_VERSION) {
    return { kind: 'invalid', reason: `its version ${JSON.stringify(data.version)} is not ${MANIFEST_VERSION} (written by another provider-docs version?)` };
  }
  if (data.generatorVersion !== undefined && typeof data.generatorVersion !== 'string') {
    return { kind: 'invalid', reason: '"generatorVersion" is not a string' };
  }
  if (!isRecord(data.files)) return { kind: 'invalid', reason: '"files" is not an object' };
  const files = new Map<string, ManifestEntry>();
  for (const [p, entry] of Object.entries(data.files)) {
    const problem = outputPathProblem(p);
    if (problem !== undefined) return { kind: 'invalid', reason: `it lists ${JSON.stringify(p)}, which ${problem}` };
    if (
      !isRecord(entry) ||
      typeof entry.sha256 !== 'string' ||
      !/^[0-9a-f]{64}$/.test(entry.sha256) ||
      typeof entry.size !== 'number' ||
      !Number.isSafeInteger(entry.size) ||
      entry.size < 0
    ) {
      return { kind: 'invalid', reason: `its entry for ${JSON.stringify(p)} is not {"sha256": <64 hex>, "size": <bytes>}` };
    }
    files.set(p, { sha256: entry.sha256, size: entry.size });
  }
  const manifest: Manifest =
    data.generatorVersion === undefined ? { files } : { files, generatorVersion: data.generatorVersion };
  return { kind: 'ok', manifest, text };
}

/**
 * The last manifest read or written, by its exact text: a run over many
 * providers reads back, before each provider, the manifest it wrote after the
 * one before, and parsing and checking thousands of entries each time cost
 * more than the writing. The text is read and compared every time, so a
 * manifest changed by anyone else is parsed afresh.
 */
let last: { readonly outAbs: string; readonly text: string; readonly read: ManifestRead & { kind: 'ok' } } | undefined;

/** Remembers a manifest this process wrote to `outAbs` (its exact text), so reading it back does not parse it. */
export function rememberManifest(outAbs: string, manifest: Manifest, text: string): void {
  last = { outAbs, text, read: { kind: 'ok', manifest, text } };
}

export function readManifest(outAbs: string): ManifestRead {
  let text: string;
  try {
    text = readFileSync(join(outAbs, MANIFEST_NAME), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'absent' };
    throw e;
  }
  if (last !== undefined && last.outAbs === outAbs && last.text === text) return last.read;
  const read = parseManifest(text);
  if (read.kind === 'ok') last = { outAbs, text, read };
  return read;
}
