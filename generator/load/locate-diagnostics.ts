import type { Diagnostic } from '../model/types.js';
import type { LoadedFile } from './load-registry.js';
import { locatePointer, pointerAtLine } from './locate.js';

/** Fills in line and column for diagnostics that carry only a file and a pointer. */
export function locateDiagnostics(list: readonly Diagnostic[], files: ReadonlyMap<string, LoadedFile>): Diagnostic[] {
  return list.map((d) => {
    const file = files.get(d.file);
    if (!file) return d;
    // A syntax error knows its line but not where in the document it is.
    if (d.line !== undefined) return d.pointer === '' ? { ...d, pointer: pointerAtLine(file.path, file.text, d.line) } : d;
    const pos = locatePointer(file.path, file.text, d.pointer);
    return pos ? { ...d, line: pos.line, column: pos.column } : d;
  });
}
