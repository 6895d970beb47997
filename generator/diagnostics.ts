import path from 'node:path';
import { compareStrings } from './compare.js';

// Problems are data: every stage reports them here, and only the reporter
// (report.ts) prints them and turns them into an exit code. Its own module, so
// that load/, model/ and write/ share it without importing one another.

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  readonly severity: Severity;
  /** Stable machine-readable code, e.g. `yaml-syntax`, `ref-unresolved`. */
  readonly code: string;
  readonly message: string;
  readonly file: string;
  readonly pointer: string;
  readonly line?: number;
  readonly column?: number;
}

/**
 * Collects problems as data. Stages never print or exit: the CLI decides what a
 * diagnostic means for the exit code (`--strict` turns warnings into errors).
 */
export class DiagnosticBag {
  private readonly items: Diagnostic[] = [];
  private readonly seen = new Set<string>();

  add(d: Diagnostic): void {
    // The same oddity reached through shared $refs would otherwise print once per use.
    const key = `${d.severity}\0${d.code}\0${d.file}\0${d.pointer}\0${d.message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.items.push(d);
  }

  error(code: string, message: string, file: string, pointer: string, line?: number, column?: number): void {
    this.add(make('error', code, message, file, pointer, line, column));
  }

  warning(code: string, message: string, file: string, pointer: string, line?: number, column?: number): void {
    this.add(make('warning', code, message, file, pointer, line, column));
  }

  get all(): readonly Diagnostic[] {
    return this.items;
  }

  get hasErrors(): boolean {
    return this.items.some((d) => d.severity === 'error');
  }
}

function make(
  severity: Severity,
  code: string,
  message: string,
  file: string,
  pointer: string,
  line?: number,
  column?: number,
): Diagnostic {
  const d: { -readonly [K in keyof Diagnostic]: Diagnostic[K] } = { severity, code, message, file, pointer };
  if (line !== undefined) d.line = line;
  if (column !== undefined) d.column = column;
  return d;
}

/** Sorted for deterministic output: by file, then line and column, then pointer, code and message. A new array. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      compareStrings(a.file, b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      compareStrings(a.pointer, b.pointer) ||
      compareStrings(a.code, b.code) ||
      compareStrings(a.message, b.message),
  );
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line !== undefined ? `${d.file}:${d.line}${d.column !== undefined ? `:${d.column}` : ''}` : d.file;
  const ptr = d.pointer ? ` (at ${d.pointer || '/'})` : '';
  return `${where}: ${d.severity} ${d.code}: ${d.message}${ptr}`;
}

/**
 * Names each diagnostic's file from the current folder, so that a terminal or an
 * editor opens it as printed. Stages name registry files relative to the registry
 * root, and other files (settings, the root itself) absolutely.
 */
export function fromCurrentFolder(list: readonly Diagnostic[], root: string, cwd = process.cwd()): Diagnostic[] {
  return list.map((d) => (d.file === '' ? d : { ...d, file: path.relative(cwd, path.resolve(root, d.file)).split(path.sep).join('/') || '.' }));
}
