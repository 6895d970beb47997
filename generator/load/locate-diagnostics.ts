import type { Diagnostic } from '../diagnostics.js';
import fs from 'node:fs';
import path from 'node:path';
import type { LoadedFile } from './load-registry.js';
import { locatePointer, pointerAtLine } from './locate.js';

/** Fills in line and column for diagnostics that carry only a file and a pointer. */
export function locateDiagnostics(list: readonly Diagnostic[], files: ReadonlyMap<string, LoadedFile>, root?: string): Diagnostic[] {
  return list.map((d) => {
    // Located already (e.g. a service's warnings replayed from the cache): no file to read.
    if (d.line !== undefined && d.pointer !== '') return d;
    const file = files.get(d.file) ?? (root ? readForLocating(root, d.file) : undefined);
    if (!file) return d;
    // A syntax error knows its line but not where in the document it is.
    if (d.line !== undefined) return d.pointer === '' ? { ...d, pointer: pointerAtLine(file.path, file.text, d.line) } : d;
    const pos = locatePointer(file.path, file.text, d.pointer);
    return pos ? { ...d, line: pos.line, column: pos.column } : d;
  });
}

/** A file this thread did not parse (another thread did): its text is enough to locate a pointer. */
function readForLocating(root: string, rel: string): Pick<LoadedFile, 'path' | 'text'> | undefined {
  try {
    return { path: rel, text: fs.readFileSync(path.join(root, rel), 'utf8') };
  } catch {
    return undefined;
  }
}
