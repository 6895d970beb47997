/**
 * A parser for the phrasing (inline) markdown that spec descriptions mostly
 * use: text, backslash escapes, code spans, `*emphasis*`, `**strong**` (or
 * with `_`), `[label](destination)` links and `[label]` references. It
 * returns the tree remark would build and `spec-text-remark.ts` would clean
 * (unsafe links reduced to their label, neighbouring texts merged), or
 * undefined as soon as the input holds anything else or anything whose
 * reading it is not sure of: nested emphasis, HTML that is not plain text,
 * character references, images, autolinks, strikethrough, hard breaks, tabs.
 */
import { cleanUrl, SAFE_URL } from './spec-text-remark.js';

export type Phrase =
  | { readonly type: 'text'; value: string }
  | { readonly type: 'inlineCode'; readonly value: string }
  | { readonly type: 'strong'; readonly children: Phrase[] }
  | { readonly type: 'emphasis'; readonly children: Phrase[] }
  | { readonly type: 'link'; readonly url: string; readonly children: Phrase[] };

/** A delimiter run of `*` or `_`, as CommonMark classifies it. */
interface Run {
  readonly type: 'run';
  readonly marker: string;
  readonly size: number;
  readonly open: boolean;
  readonly close: boolean;
}

/** A `[` not yet closed; its token's place marks where its label starts. */
interface Bracket {
  readonly type: 'bracket';
  /** Where the label starts in the source. */
  readonly from: number;
  active: boolean;
}

type Token = Phrase | Run | Bracket;

const ASCII_PUNCT = /[!-/:-@[-`{-~]/;
// Characters read as text whatever surrounds them, taken in one go.
const PLAIN = /[^\\`*_[\]~!<&\t\n@]*/y;
// GFM turns these into links, in the source and again in text (its autolink
// literal transform): left to remark.
const AUTOLINK = /https?:\/\/|www\.|@|mailto:|xmpp:/i;

/**
 * The phrasing of `source` (a paragraph's lines, joined by `\n`), or
 * undefined. `definitions` maps the identifiers of the document's link
 * definitions to their urls.
 */
export function parsePhrasing(source: string, definitions?: ReadonlyMap<string, string>): Phrase[] | undefined {
  // micromark reads U+0000 as U+FFFD, code spans included.
  if (source.includes('\0')) return undefined;
  const tokens: Token[] = [];
  const brackets: number[] = [];
  const n = source.length;
  let i = 0;
  while (i < n) {
    const c = source[i]!;
    const next = source[i + 1] ?? '';
    if (c === '\\') {
      // An escaped character is literal; a backslash before a line ending is a hard break.
      if (!ASCII_PUNCT.test(next)) return undefined;
      pushText(tokens, next);
      i += 2;
    } else if (c === '`') {
      let j = i;
      while (source[j] === '`') j++;
      const size = j - i;
      const close = closingTicks(source, j, size);
      if (close === -1) {
        pushText(tokens, source.slice(i, j));
      } else {
        let code = source.slice(j, close);
        // A code span keeps its line endings, and the spaces around them,
        // which the lines given here may have lost.
        if (/^\n|\n$| \n|\n /.test(code)) return undefined;
        // CommonMark strips one space from both ends when both have one.
        if (code.startsWith(' ') && code.endsWith(' ') && /[^ ]/.test(code)) code = code.slice(1, -1);
        tokens.push({ type: 'inlineCode', value: code });
        j = close + size;
      }
      i = j;
    } else if (c === '*' || c === '_') {
      let j = i;
      while (source[j] === c) j++;
      const run = delimiterRun(c, j - i, source[i - 1], source[j]);
      if (!run) return undefined;
      tokens.push(run);
      i = j;
    } else if (c === '[') {
      if (next === '^') return undefined;
      brackets.push(tokens.length);
      tokens.push({ type: 'bracket', from: i + 1, active: true });
      i++;
    } else if (c === ']') {
      const at = brackets.pop();
      if (at === undefined) {
        pushText(tokens, ']');
        i++;
        continue;
      }
      const opener = tokens[at] as Bracket;
      let resource = next === '(' && opener.active ? destination(source, i + 2) : undefined;
      if (next === '(' && opener.active && !resource) return undefined;
      if (!resource && definitions?.size) {
        // A shortcut reference, matched on its label as written; full and
        // collapsed ones (`[a][b]`, `[a][]`) are left to remark.
        const label = source.slice(opener.from, i);
        if (next === '[' || /[[\]]/.test(label)) return undefined;
        const url = opener.active ? definitions.get(identifier(label)) : undefined;
        if (url !== undefined) resource = { url, end: i + 1 };
      }
      if (!resource) {
        // Not a link: both brackets stay text.
        tokens[at] = { type: 'text', value: '[' };
        pushText(tokens, ']');
        i++;
        continue;
      }
      // Links cannot contain links: earlier openers can no longer make one.
      for (const b of brackets) (tokens[b] as Bracket).active = false;
      const label = tokens.splice(at);
      const children = resolve(label.slice(1));
      if (!children) return undefined;
      tokens.push({ type: 'link', url: resource.url, children });
      i = resource.end;
    } else if (c === '<' && /[A-Za-z/!?]/.test(next)) {
      const end = literalTag(source, i);
      if (end === -1) return undefined;
      pushText(tokens, source.slice(i, end));
      i = end;
    } else if (c === '\n') {
      // Spaces around a line ending in a paragraph are not part of its text.
      trimEnd(tokens);
      pushText(tokens, '\n');
      while (source[i + 1] === ' ') i++;
      i++;
    } else if (c === '~' || c === '@' || c === '\t' || (c === '!' && next === '[') || (c === '&' && /[#A-Za-z]/.test(next))) {
      return undefined;
    } else {
      PLAIN.lastIndex = i + 1;
      PLAIN.test(source);
      pushText(tokens, source.slice(i, PLAIN.lastIndex));
      i = PLAIN.lastIndex;
    }
  }
  for (const b of brackets) tokens[b] = { type: 'text', value: '[' };
  trimEnd(tokens);
  const phrases = resolve(tokens);
  return phrases && clean(phrases);
}

/** A label's identifier, as micromark's normalizeIdentifier and mdast make it. */
export function identifier(label: string): string {
  return label
    .replace(/[\t\n\r ]+/g, ' ')
    .replace(/^ | $/g, '')
    .toLowerCase()
    .toUpperCase()
    .toLowerCase();
}

function pushText(tokens: Token[], value: string): void {
  const last = tokens[tokens.length - 1];
  if (last?.type === 'text') last.value += value;
  else tokens.push({ type: 'text', value });
}

function trimEnd(tokens: Token[]): void {
  const last = tokens[tokens.length - 1];
  if (last?.type !== 'text') return;
  last.value = last.value.replace(/ +$/, '');
  if (last.value === '') tokens.pop();
}

/**
 * Where text that may be an HTML tag (`<Name>`, `</b>`, `<a b=c>`) ends, when
 * it is the same text whether or not it is one (remark's HTML becomes text):
 * nothing in it that text would read as markup, nor a quote or a colon
 * (autolinks), so that it ends at its first `>`. -1 otherwise.
 */
function literalTag(source: string, from: number): number {
  const close = source.indexOf('>', from);
  if (close === -1) return from + 1;
  const tag = source.slice(from, close + 1);
  if (!/^<\/?[A-Za-z][\w .,;=/-]*>$/.test(tag)) return -1;
  // Underscores inside words neither open nor close emphasis.
  for (const m of tag.matchAll(/_+/g)) {
    if (!/[A-Za-z\d]/.test(tag[m.index - 1]!) || !/[A-Za-z\d]/.test(tag[m.index + m[0].length]!)) return -1;
  }
  return close + 1;
}

/** Where the run of exactly `size` backticks closing a code span starts, or -1. */
function closingTicks(source: string, from: number, size: number): number {
  for (let k = source.indexOf('`', from); k !== -1; k = source.indexOf('`', k)) {
    let e = k;
    while (source[e] === '`') e++;
    if (e - k === size) return k;
    k = e;
  }
  return -1;
}

/** 1: whitespace (or nothing), 2: punctuation, 0: other; undefined for non-ASCII. */
function kind(c: string | undefined): 0 | 1 | 2 | undefined {
  if (c === undefined || c === ' ' || c === '\n') return 1;
  if (c.charCodeAt(0) > 127) return undefined;
  return ASCII_PUNCT.test(c) ? 2 : 0;
}

/**
 * micromark's flanking rules for a run. Undefined when a neighbour needs
 * Unicode tables or is another attention marker (which changes the rules).
 */
function delimiterRun(marker: string, size: number, before: string | undefined, after: string | undefined): Run | undefined {
  const b = kind(before);
  const a = kind(after);
  if (b === undefined || a === undefined || /[*_~]/.test(before ?? '') || /[*_~]/.test(after ?? '')) return undefined;
  const open = a === 0 || (a === 2 && b !== 0);
  const close = b === 0 || (b === 2 && a !== 0);
  return marker === '*'
    ? { type: 'run', marker, size, open, close }
    : { type: 'run', marker, size, open: open && (b !== 0 || !close), close: close && (a !== 0 || !open) };
}

/** `(destination)` right after a label: `<url>` or a raw url, nothing else (no title, no spaces). */
function destination(source: string, from: number): { url: string; end: number } | undefined {
  let url: string;
  let end: number;
  if (source[from] === '<') {
    const close = source.indexOf('>', from);
    if (close === -1) return undefined;
    url = source.slice(from + 1, close);
    if (/[<\n\\]/.test(url)) return undefined;
    end = close + 1;
  } else {
    end = from;
    while (end < source.length && !/[\s()\\]/.test(source[end]!) && source.charCodeAt(end) > 0x1f) end++;
    url = source.slice(from, end);
    if (url === '') return undefined;
  }
  // A character reference in a destination is decoded.
  if (source[end] !== ')' || /&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);/i.test(url)) return undefined;
  return { url, end: end + 1 };
}

/**
 * Emphasis resolution, for the only shape accepted: pairs of runs of one or
 * two markers (emphasis, strong), one after the other, holding text and code.
 * A run that can neither open nor close is text, as is a closer with nothing
 * to close or an opener never closed; anything else (nesting, runs of other
 * sizes, runs that could pair otherwise) is left to remark. A link label is
 * resolved on its own, as CommonMark does.
 */
function resolve(tokens: Token[]): Phrase[] | undefined {
  const out: Phrase[] = [];
  let opener: { at: number; run: Run } | undefined;
  for (const token of tokens) {
    if (token.type === 'bracket') return undefined;
    if (token.type !== 'run') {
      if (opener && token.type === 'link') return undefined;
      out.push(token.type === 'text' ? { type: 'text', value: token.value } : token);
      continue;
    }
    const literal = { type: 'text', value: token.marker.repeat(token.size) } as const;
    if (!token.open && !token.close) {
      out.push(literal);
      continue;
    }
    if (!opener) {
      if (token.open) {
        if (token.size > 2) return undefined;
        opener = { at: out.length, run: token };
      }
      out.push(literal);
      continue;
    }
    if (!token.close || token.marker !== opener.run.marker || token.size !== opener.run.size) return undefined;
    const children = out.splice(opener.at + 1);
    out[opener.at] = token.size === 2 ? { type: 'strong', children } : { type: 'emphasis', children };
    opener = undefined;
  }
  return out;
}

/**
 * What `clean` and `mergeTexts` in spec-text-remark.ts make of it: links keep
 * only http(s)/mailto urls (percent-encoded), others become their label.
 */
function clean(phrases: Phrase[]): Phrase[] | undefined {
  const out: Phrase[] = [];
  const push = (p: Phrase) => {
    const last = out[out.length - 1];
    if (p.type === 'text' && last?.type === 'text') last.value += p.value;
    else out.push(p.type === 'text' ? { type: 'text', value: p.value } : p);
  };
  for (const p of phrases) {
    if (p.type === 'link') {
      const children = clean(p.children);
      if (!children) return undefined;
      if (SAFE_URL.test(p.url)) push({ type: 'link', url: cleanUrl(p.url), children });
      else children.forEach(push);
    } else if (p.type === 'strong' || p.type === 'emphasis') {
      const children = clean(p.children);
      if (!children) return undefined;
      push(p.type === 'strong' ? { type: 'strong', children } : { type: 'emphasis', children });
    } else push(p);
  }
  return out.some((p) => p.type === 'text' && AUTOLINK.test(p.value)) ? undefined : out;
}
