import type { Document, LineCounter, Node } from 'yaml';
import { yamlPackage } from './yaml-package.js';
import { splitPointer } from '../json-pointer.js';

// js-yaml is fast but keeps no positions. Positions only matter when something
// is wrong, so they are recovered here, lazily, with the position-aware `yaml`
// parser, and only for files that have a diagnostic.

interface Located {
  line: number;
  column: number;
}

// Diagnostics come grouped by file, so a few recent files are enough. An entry
// is used only for the very text it was made from (a later run, or a test, may
// give the same path other contents), and the cache stays small: a parsed
// document is many times the size of its text.
const CACHE_FILES = 4;
const cache = new Map<string, { text: string; doc: Document.Parsed; lc: LineCounter }>();

function remember<V extends { text: string }>(map: Map<string, V>, key: string, value: V): V {
  map.delete(key);
  if (map.size >= CACHE_FILES) map.delete(map.keys().next().value!);
  map.set(key, value);
  return value;
}

/**
 * Line and column (1-based) of the deepest node on `pointer` that exists in `text`.
 * A pointer to something missing lands on its nearest existing parent, which is
 * where a reader has to look anyway.
 */
export function locatePointer(cacheKey: string, text: string, pointer: string): Located | undefined {
  let segments: string[];
  try {
    segments = splitPointer(pointer);
  } catch {
    segments = [];
  }
  const fast = scanBlockYaml(linesOf(cacheKey, text), segments);
  if (fast) return fast;
  const entry = parsedFor(cacheKey, text);
  const { isMap, isSeq, isScalar, isPair } = yamlPackage();
  let node: Node | null = entry.doc.contents as Node | null;
  let offset = node?.range?.[0] ?? 0;
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

function parsedFor(cacheKey: string, text: string): { doc: Document.Parsed; lc: LineCounter } {
  const entry = cache.get(cacheKey);
  if (entry && entry.text === text) return entry;
  const { LineCounter, parseDocument } = yamlPackage();
  const lc = new LineCounter();
  return remember(cache, cacheKey, { text, doc: parseDocument(text, { lineCounter: lc, uniqueKeys: false, strict: false }), lc });
}

// Building a position-aware document of a 1 MB spec costs hundreds of
// milliseconds; the specs are block-style YAML written by a dumper, where a
// key's line can be found by indentation alone. This scan answers when it finds
// every segment, and gives up (falling back to the full parser above) on
// anything unusual: flow collections, missing keys, odd indentation.
const lineCache = new Map<string, { text: string; lines: string[] }>();

function linesOf(key: string, text: string): string[] {
  const entry = lineCache.get(key);
  if (entry && entry.text === text) return entry.lines;
  return remember(lineCache, key, { text, lines: text.split('\n') }).lines;
}

/** Indent of a content line; -1 for blank and comment lines. */
function indentOf(line: string): number {
  let i = 0;
  while (i < line.length && line[i] === ' ') i++;
  if (i === line.length || line[i] === '#' || line[i] === '\r') return -1;
  return i;
}

function keyMatches(rest: string, key: string): boolean {
  for (const q of ['', "'", '"']) {
    const k = q === "'" ? key.replace(/'/g, "''") : q === '"' ? JSON.stringify(key).slice(1, -1) : key;
    const head = `${q}${k}${q}:`;
    if (rest.startsWith(head) && (rest.length === head.length || rest[head.length] === ' ' || rest[head.length] === '\r')) return true;
  }
  return false;
}

export function scanBlockYaml(lines: readonly string[], segments: readonly string[]): Located | undefined {
  // A line whose leading `- ` was consumed by a sequence item reads as if the dash were a space.
  const patched = new Map<number, string>();
  const at = (i: number): string => patched.get(i) ?? lines[i]!;
  let from = 0;
  let to = lines.length;
  let pos: Located = { line: 1, column: 1 };
  for (const seg of segments) {
    let first = -1;
    let ci = -1;
    for (let i = from; i < to; i++) {
      const ind = indentOf(at(i));
      if (ind >= 0) {
        first = i;
        ci = ind;
        break;
      }
    }
    if (first < 0) return undefined;
    const rest = at(first).slice(ci);
    if (rest.startsWith('{') || rest.startsWith('[')) return undefined;
    let hit = -1;
    if (rest === '-' || rest.startsWith('- ')) {
      if (!/^(0|[1-9]\d*)$/.test(seg)) return undefined;
      let k = -1;
      for (let i = first; i < to; i++) {
        const ind = indentOf(at(i));
        if (ind < 0) continue;
        if (ind < ci) break;
        if (ind === ci && at(i)[ci] === '-') {
          k++;
          if (k === Number(seg)) {
            hit = i;
            break;
          }
        }
      }
      if (hit < 0) return undefined;
      pos = { line: hit + 1, column: ci + 1 };
      patched.set(hit, at(hit).slice(0, ci) + ' ' + at(hit).slice(ci + 1));
      from = hit;
      let end = hit + 1;
      while (end < to) {
        const ind = indentOf(at(end));
        if (ind >= 0 && ind <= ci) break;
        end++;
      }
      to = end;
    } else {
      for (let i = first; i < to; i++) {
        const ind = indentOf(at(i));
        if (ind < 0) continue;
        if (ind < ci) break;
        if (ind === ci && keyMatches(at(i).slice(ci), seg)) {
          hit = i;
          break;
        }
      }
      if (hit < 0) return undefined;
      pos = { line: hit + 1, column: ci + 1 };
      from = hit + 1;
      let end = hit + 1;
      // A sequence may sit at its key's own indent (`key:` then `- item`).
      while (end < to) {
        const line = at(end);
        const ind = indentOf(line);
        if (ind >= 0 && (ind < ci || (ind === ci && line[ci] !== '-'))) break;
        end++;
      }
      to = end;
    }
  }
  return pos;
}

/**
 * JSON pointer of the deepest node that starts at or before `line` (1-based):
 * for a syntax error, the key a reader should look at. The tolerant `yaml`
 * parser still builds the part of the document before the error.
 */
export function pointerAtLine(cacheKey: string, text: string, line: number): string {
  const entry = parsedFor(cacheKey, text);
  const { isMap, isSeq, isScalar, isPair } = yamlPackage();
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
