import { LineCounter, parseDocument, isMap, isSeq, isScalar, isPair, type Node } from 'yaml';
import { splitPointer } from './json-pointer.js';

// js-yaml is fast but keeps no positions. Positions only matter when something
// is wrong, so they are recovered here, lazily, with the position-aware `yaml`
// parser, and only for files that have a diagnostic.

interface Located {
  line: number;
  column: number;
}

const cache = new Map<string, { doc: ReturnType<typeof parseDocument>; lc: LineCounter }>();

/**
 * Line and column (1-based) of the deepest node on `pointer` that exists in `text`.
 * A pointer to something missing lands on its nearest existing parent, which is
 * where a reader has to look anyway.
 */
export function locatePointer(cacheKey: string, text: string, pointer: string): Located | undefined {
  let entry = cache.get(cacheKey);
  if (!entry) {
    const lc = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: false, strict: false });
    entry = { doc, lc };
    cache.set(cacheKey, entry);
  }
  let node: Node | null = entry.doc.contents as Node | null;
  let offset = node?.range?.[0] ?? 0;
  let segments: string[];
  try {
    segments = splitPointer(pointer);
  } catch {
    segments = [];
  }
  for (const seg of segments) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === seg);
      if (!pair) break;
      offset = (pair.key as Node).range?.[0] ?? offset;
      node = pair.value as Node | null;
    } else if (isSeq(node)) {
      const item = node.items[Number(seg)] as Node | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      break;
    }
  }
  const pos = entry.lc.linePos(offset);
  return { line: pos.line, column: pos.col };
}

export function clearLocateCache(): void {
  cache.clear();
}

/**
 * JSON pointer of the deepest node that starts at or before `line` (1-based):
 * for a syntax error, the key a reader should look at. The tolerant `yaml`
 * parser still builds the part of the document before the error.
 */
export function pointerAtLine(cacheKey: string, text: string, line: number): string {
  let entry = cache.get(cacheKey);
  if (!entry) {
    const lc = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: false, strict: false });
    entry = { doc, lc };
    cache.set(cacheKey, entry);
  }
  const lineOf = (n: Node | null | undefined): number => (n?.range ? entry!.lc.linePos(n.range[0]).line : Infinity);
  const parts: string[] = [];
  let node: Node | null = entry.doc.contents as Node | null;
  for (;;) {
    let next: { seg: string; node: Node | null } | undefined;
    // Flow collections around an error are where the parser went astray: stop at them.
    if (isMap(node) && !node.flow) {
      for (const p of node.items) {
        if (isPair(p) && isScalar(p.key) && lineOf(p.key as Node) < line) next = { seg: String(p.key.value), node: p.value as Node | null };
      }
    } else if (isSeq(node) && !node.flow) {
      node.items.forEach((it, i) => {
        if (lineOf(it as Node) < line) next = { seg: String(i), node: it as Node };
      });
    }
    if (!next) break;
    parts.push(next.seg.replace(/~/g, '~0').replace(/\//g, '~1'));
    node = next.node;
  }
  return parts.length ? '/' + parts.join('/') : '';
}
