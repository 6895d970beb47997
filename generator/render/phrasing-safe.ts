/**
 * The escaping that `mdast-util-to-markdown` (`state.safe`) applies to a text
 * node and to a link destination, redone without its regular expressions for
 * the contexts the fast path writes: text in a paragraph, in `**strong**` or
 * in a link label, with our serializer settings (GFM, MDX and the extra
 * patterns of `spec-text-remark.ts`). Each rule below is one of the
 * serializer's `unsafe` patterns that can match there, applied with
 * safe()'s own rules for overlapping and neighbouring matches. What is not
 * redone (tabs, backslashes, control characters, a list marker ending its
 * line, non-ASCII next to an underscore) returns undefined, and the caller
 * falls back to remark.
 *
 * `before` and `after` are the serializer's context strings: what was written
 * just before the text and the first character of what follows it.
 */

export interface TextPlace {
  /** Inside a link label, where `]` is escaped and GFM autolink patterns are off. */
  readonly label: boolean;
  /** The inline (table cell) serializer, which also escapes every `|`. */
  readonly cell: boolean;
}

const UNSAFE = 1;
const BEFORE = 2;
const AFTER = 4;

/** Escaped wherever they are in phrasing, whatever surrounds them. */
const ALWAYS = '*`[_~{}<>';
/** The characters with a pattern outside line starts (the dot has its own scan). */
const SPECIAL = new Uint8Array(128);
for (const c of ALWAYS + ']|!&(:@\n') SPECIAL[c.charCodeAt(0)] = 1;
const ASCII_PUNCT = /[!-/:-@[-`{-~]/;
// `:name[` or `:name{`: a text directive (our extra pattern).
const DIRECTIVE_NAME = /[A-Za-z][\w-]*[[{]/y;
// Anything safe() would treat in ways not redone here.
const UNSUPPORTED = /[\\\t\r\0-\x08\v\f\x0e-\x1f\x7f]/;

type Mark = (p: number, before: boolean, after: boolean) => void;

/** `value` escaped as safe() escapes a text node between `before` and `after`, or undefined. */
export function safeText(value: string, before: string, after: string, place: TextPlace): string | undefined {
  if (UNSUPPORTED.test(value)) return undefined;
  const full = before + value + after;
  const offset = before.length;
  const end = offset + value.length;
  const flags = new Uint8Array(full.length);
  const mark: Mark = (p, hasBefore, hasAfter) => {
    const bits = UNSAFE | (hasBefore ? BEFORE : 0) | (hasAfter ? AFTER : 0);
    // A position matched by several patterns keeps a condition only if all have it.
    flags[p] = flags[p] ? flags[p]! & bits : bits;
  };

  // Only the text and one character either side can change what is written.
  const hi = Math.min(full.length - 1, end);
  let p = Math.max(0, offset - 1);
  let lineStart = atBreak(full, p);
  for (; p <= hi; p++) {
    const code = full.charCodeAt(p);
    if (lineStart && code !== 32 && code !== 9) {
      if (!breakPatterns(full, p, end, mark)) return undefined;
      lineStart = false;
    }
    if (code >= 128 || !SPECIAL[code]) continue;
    const c = full[p]!;
    const next = full[p + 1] ?? '';
    if (ALWAYS.includes(c) || (c === ']' && place.label) || (c === '|' && place.cell)) mark(p, false, false);
    else if (c === '!' && next === '[') mark(p, false, true);
    else if (c === '&' && /[#A-Za-z]/.test(next)) mark(p, false, true);
    else if (c === '(' && full[p - 1] === ']') mark(p, true, false);
    else if (c === ':') {
      if (!place.label && /[ps]/.test(full[p - 1] ?? '') && next === '/') mark(p, true, true);
      DIRECTIVE_NAME.lastIndex = p + 1;
      if (DIRECTIVE_NAME.test(full)) mark(p, false, true);
    } else if (c === '@') {
      if (!place.label && /[+\-.\w]/.test(full[p - 1] ?? '') && /[-.\w]/.test(next)) mark(p, true, true);
    } else if (c === '\n') {
      // Spaces and line endings next to a line ending.
      if (full[p - 1] === '\n') mark(p, true, false);
      if (next === '\n') mark(p, false, true);
      if (full[p - 1] === ' ') mark(p - 1, false, true);
      if (next === ' ') mark(p + 1, true, false);
      lineStart = true;
    }
  }
  if (!place.label) wwwDots(full, mark);

  let out = '';
  let start = offset;
  for (let p = offset; p < end; p++) {
    const bits = flags[p]!;
    if (!bits) continue;
    const c = full[p]!;
    if (c === '_') {
      const run = intrawordRun(full, flags, p, offset, end);
      if (run === undefined) return undefined;
      if (run > 0) {
        p += run - 1;
        continue;
      }
    }
    // A conditional escape is dropped when its condition is a neighbour that
    // is escaped unconditionally anyway.
    if (
      (bits & AFTER && p + 1 < end && flags[p + 1]! === UNSAFE) ||
      (bits & BEFORE && p - 1 >= offset && flags[p - 1]! === UNSAFE)
    ) {
      continue;
    }
    out += full.slice(start, p);
    start = p + 1;
    out += ASCII_PUNCT.test(c) ? '\\' + c : `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`;
  }
  return start === offset ? value : out + full.slice(start, end);
}

/**
 * A link destination (cleaned by spec-text-remark.ts's `cleanUrl`) as the
 * serializer writes it unenclosed (`destinationRaw`): undefined when it would
 * enclose it in `<>` or when it holds what cleaning encodes.
 */
export function safeUrl(url: string): string | undefined {
  if (url === '' || /[\0- \x7f\\{}|<>`]/.test(url)) return undefined;
  return url.replace(/[()[]|&(?=[#A-Za-z])|:(?=[A-Za-z][\w-]*[[{])/g, '\\$&');
}

/**
 * The patterns of a line start (`p` follows a line ending and spaces): what
 * could start a block or ESM there. The characters escaped everywhere have
 * some too, which change nothing. False when not redone here: a list marker
 * that ends a line of the text, whose pattern uses up the line ending and so
 * changes what the next line start matches.
 */
function breakPatterns(full: string, p: number, end: number, mark: Mark): boolean {
  const c = full[p]!;
  const next = full[p + 1] ?? '';
  if (c === '#' || c === '=') mark(p, true, false);
  else if (c === '+' || c === '-') {
    if (next === '\n' && p + 1 < end) return false;
    if (/[ \t\r\n]/.test(next) || (c === '-' && /[-:|]/.test(next))) mark(p, true, true);
  } else if (c >= '0' && c <= '9') {
    let q = p;
    while (full[q]! >= '0' && full[q]! <= '9') q++;
    const after = full[q + 1];
    if (full[q] === ')') mark(q, true, false);
    else if (full[q] === '.') {
      if (after === '\n' && q + 1 < end) return false;
      if (after === undefined || /[ \t\r\n]/.test(after)) mark(q, true, true);
    }
  } else if (
    (c === '|' && /[\t :-]/.test(next)) ||
    (c === ':' && (next === ':' || next === '-')) ||
    (c === 'i' && full.startsWith('mport ', p + 1)) ||
    (c === 'e' && full.startsWith('xport ', p + 1))
  ) {
    mark(p, true, true);
  }
  return true;
}

/** Whether `p` starts a line: a line ending then only spaces or tabs before it. */
function atBreak(full: string, p: number): boolean {
  let k = p - 1;
  while (k >= 0 && (full[k] === ' ' || full[k] === '\t')) k--;
  return k >= 0 && (full[k] === '\n' || full[k] === '\r');
}

/**
 * GFM's `www.` pattern (`[Ww]` `.` `[-.\w]`) scanned as its regular
 * expression does: a match uses up the character after the dot, so `w.w.x`
 * escapes only the first dot.
 */
function wwwDots(full: string, mark: Mark): void {
  let from = 0;
  for (let p = full.indexOf('.', 1); p !== -1; p = full.indexOf('.', p + 1)) {
    if (p - 1 >= from && (full[p - 1] === 'w' || full[p - 1] === 'W') && /[-.\w]/.test(full[p + 1] ?? '')) {
      mark(p, true, true);
      from = p + 2;
    }
  }
}

/** The edge of the text counts as whitespace. */
function kind(c: string | undefined): 0 | 1 | 2 | undefined {
  return c === undefined || c === '' ? 1 : asciiKind(c.charCodeAt(0));
}

/**
 * micromark's character classes, ASCII only: 1 whitespace, 2 punctuation,
 * 0 other; undefined when deciding takes Unicode tables (or there is no
 * character: NaN).
 */
export function asciiKind(code: number): 0 | 1 | 2 | undefined {
  if (Number.isNaN(code) || code > 127) return undefined;
  if (code === 32 || (code >= 9 && code <= 13)) return 1;
  return ASCII_PUNCT.test(String.fromCharCode(code)) ? 2 : 0;
}

/**
 * safe()'s intraword underscores (`snake_case` stays as is): the length of the
 * run at `p` left unescaped, 0 when it is escaped, undefined when deciding
 * takes Unicode tables.
 */
function intrawordRun(full: string, flags: Uint8Array, p: number, offset: number, end: number): number | undefined {
  if (p === 0) return 0;
  const left = kind(full[p - 1]);
  if (left === undefined) return undefined;
  if (left !== 0 || flags[p - 1] || (p - 1 === offset && /[*_]/.test(full.charAt(offset - 1)))) return 0;
  let stop = p + 1;
  while (stop < end && full[stop] === '_') stop++;
  if (stop >= full.length) return 0;
  const right = kind(full[stop]);
  if (right === undefined) return undefined;
  if (right !== 0 || flags[stop] || (stop === end - 1 && /[*_]/.test(full.charAt(end)))) return 0;
  return stop - p;
}
