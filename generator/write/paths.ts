// Output-path rules. Paths come from templates and spec names, so they are
// untrusted: a bad one must never let the writer escape or alias the output folder.
import { join, sep } from 'node:path';
import { sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { compareStrings } from '../compare.js';

/** Every name the writer keeps for itself starts with this, at the top of the output folder. */
export const RESERVED_PREFIX = '.provider-docs-';
/** Deterministic record of what the generator owns (meant to be committed with the docs). */
export const MANIFEST_NAME = `${RESERVED_PREFIX}manifest.json`;
/** Machine-local stat cache (not deterministic; safe to delete or ignore in git). */
export const STAT_CACHE_NAME = `${RESERVED_PREFIX}cache.json`;
/** Staging folder of a run in progress; its existence is also the lock. */
export const STAGING_NAME = `${RESERVED_PREFIX}staging`;

/** Why `p` is not an acceptable output path, or undefined when it is. */
export function outputPathProblem(p: string): string | undefined {
  if (p.length === 0) return 'is empty';
  if (p.includes('\\')) return 'contains a backslash (output paths are POSIX paths relative to the output folder)';
  if (p.includes('\0')) return 'contains a NUL character';
  if (p.startsWith('/') || /^[A-Za-z]:/.test(p)) return 'is absolute (output paths are relative to the output folder)';
  const segments = p.split('/');
  if (segments.includes('..')) return 'contains a ".." segment';
  // Un-normalized spellings would let two inputs name one file, or name a folder.
  if (segments.some((s) => s === '' || s === '.')) return 'is not normalized (empty or "." segment, or a trailing slash)';
  if (segments[0]!.startsWith(RESERVED_PREFIX)) return `uses the name prefix "${RESERVED_PREFIX}", which is reserved for the writer's own files`;
  return undefined;
}

/**
 * `join(root, rel)` for an absolute, normalized `root` and a validated `rel`:
 * there is nothing to normalize, and join's normalizing pass is a measurable
 * share of writing a few hundred pages.
 */
export function under(root: string, rel: string): string {
  if (sep !== '/') return join(root, rel);
  return root.endsWith('/') ? root + rel : `${root}/${rel}`;
}

/** Folders that must exist for `p` (shallowest first), e.g. `a/b/c.md` → `a`, `a/b`. */
export function parentDirs(p: string): string[] {
  const segments = p.split('/');
  const dirs: string[] = [];
  for (let i = 1; i < segments.length; i++) dirs.push(segments.slice(0, i).join('/'));
  return dirs;
}

function inputDiagnostic(code: string, file: string, message: string): Diagnostic {
  return { severity: 'error', code, message, file, pointer: '' };
}

/**
 * Checks the whole input list: each path on its own, duplicates, and one path
 * being a folder of another (`a.md` and `a.md/x`), which no file system can hold.
 */
export function validateOutputPaths(paths: readonly string[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  const reportedDuplicates = new Set<string>();
  for (const p of paths) {
    if (typeof p !== 'string') {
      diagnostics.push(inputDiagnostic('bad-output-path', String(p), `Output path ${JSON.stringify(p)} is not a string.`));
      continue;
    }
    const problem = outputPathProblem(p);
    if (problem !== undefined) {
      diagnostics.push(inputDiagnostic('bad-output-path', p, `Output path ${JSON.stringify(p)} ${problem}.`));
      continue;
    }
    if (seen.has(p)) {
      if (!reportedDuplicates.has(p)) {
        reportedDuplicates.add(p);
        diagnostics.push(inputDiagnostic('duplicate-output-path', p, `Output path ${JSON.stringify(p)} is produced more than once.`));
      }
      continue;
    }
    seen.add(p);
  }
  // On macOS and Windows file systems names differ only by case at best; the
  // docs are checked out there, so two spellings of one name are refused everywhere.
  const byFoldedName = new Map<string, string>();
  const reportedCase = new Set<string>();
  const checkCase = (name: string, isFile: boolean) => {
    const folded = name.toLowerCase();
    const first = byFoldedName.get(folded);
    if (first === undefined) byFoldedName.set(folded, name);
    else if (first !== name && !reportedCase.has(folded)) {
      reportedCase.add(folded);
      const what = isFile ? 'Output path' : 'Folder';
      diagnostics.push(
        inputDiagnostic('output-path-case-collision', name, `${what} ${JSON.stringify(name)} differs from ${JSON.stringify(first)} only by case; case-insensitive file systems cannot hold both.`),
      );
    }
  };
  for (const p of seen) {
    checkCase(p, true);
    for (let end = p.lastIndexOf('/'); end > 0; end = p.lastIndexOf('/', end - 1)) {
      const dir = p.slice(0, end);
      checkCase(dir, false);
      if (seen.has(dir)) {
        diagnostics.push(
          inputDiagnostic('output-path-collision', dir, `Output path ${JSON.stringify(dir)} is a file, but ${JSON.stringify(p)} needs it to be a folder.`),
        );
      }
    }
  }
  return sortDiagnostics(diagnostics);
}

/** Code-unit order: locale-independent, so every machine sorts alike. */
export function sortPaths(paths: Iterable<string>): string[] {
  return [...paths].sort(compareStrings);
}
