/**
 * Spec descriptions rendered as MDX-safe markdown.
 *
 * Descriptions are markdown-like with RST habits (``literal``, `text <url>`__,
 * :class:`Foo`, :param lines). They are rewritten to markdown, parsed with
 * remark (CommonMark + GFM), cleaned as an mdast tree (raw HTML becomes text,
 * only http(s)/mailto links survive), then serialized by remark-stringify with
 * the MDX serializer extensions, so every `{` and `<` in text is escaped by the
 * serializer, which knows where each character lands (spec-text-remark.ts).
 *
 * Remark costs milliseconds per description, so cheaper paths come first:
 * plain text (with code spans) is written as is, and the markdown most other
 * descriptions use goes through spec-text-fast.ts, which writes what remark
 * would write, byte for byte, or declines. (Tracing counts the fast attempts
 * and the remark fallbacks.)
 */
import { escapeTableCell, inlineCode } from './escape.js';
import { hasRole, rstToMarkdown, rstInlineToMarkdown, type RstOptions } from './rst.js';
import { fastBlock, fastInline } from './spec-text-fast.js';
import { markdownLineToHtml } from './spec-html.js';
import { remarkBlock, remarkInline, remarkProse } from './spec-text-remark.js';
import { timed } from '../trace.js';

/**
 * One line of MDX-safe markdown for a table cell: the first paragraph of the
 * description, whitespace folded, `|` escaped.
 */
export function specInline(description: string, cache?: SpecTextCache): string {
  let out = cache?.inline.get(description);
  if (out === undefined) {
    out = timed('spec text, inline', () => renderInline(description, optionsOf(cache)));
    if (cache) remember(cache.inline, description, out);
  }
  return out;
}

/** `specInline` as HTML, for an HTML region (spec-html.ts). */
export function specInlineHtml(description: string, cache?: SpecTextCache): string {
  return asHtml(cache?.html, description, () => specInline(description, cache));
}

/** `specSummary` as HTML, for a table row in an HTML region. */
export function specSummaryHtml(description: string, cache?: SpecTextCache): string {
  return asHtml(cache?.htmlSummary, description, () => specSummary(description, cache));
}

/** The HTML of a description's MDX-safe markdown line, remembered by the description. */
function asHtml(memo: Map<string, string> | undefined, description: string, line: () => string): string {
  let out = memo?.get(description);
  if (out === undefined) {
    const markdown = line();
    out = timed('spec text, html', () => markdownLineToHtml(markdown));
    if (memo) remember(memo, description, out);
  }
  return out;
}

/**
 * `specInline` of the description's first sentence: a table row's one-line
 * summary (the whole description is shown with the method's example).
 */
export function specSummary(description: string, cache?: SpecTextCache): string {
  let out = cache?.summary.get(description);
  if (out === undefined) {
    out = timed('spec text, inline', () => renderLine(firstSentence(foldedFirstParagraph(description)), optionsOf(cache)));
    if (cache) remember(cache.summary, description, out);
  }
  return out;
}

/**
 * The first sentence of one folded line: up to the first `.`, `!` or `?`
 * followed by a space and a capital, a digit or a quote, outside code spans,
 * brackets and parentheses, and not after `e.g.`, `i.e.`, `etc.` or `vs.`.
 * (The whole line when it holds one sentence or the cut would leave a stub.)
 */
export function firstSentence(line: string): string {
  let ticks = 0;
  let depth = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '`') {
      let n = 1;
      while (line[i + n] === '`') n++;
      ticks = ticks === 0 ? n : ticks === n ? 0 : ticks;
      i += n - 1;
      continue;
    }
    if (ticks > 0) continue;
    if (c === '(' || c === '[') depth++;
    else if ((c === ')' || c === ']') && depth > 0) depth--;
    else if (depth === 0 && (c === '.' || c === '!' || c === '?') && /^\s+[A-Z0-9"'`*]/.test(line.slice(i + 1, i + 3))) {
      if (c === '.' && /(?:^|[\s(])(?:e\.g|i\.e|etc|vs|cf|approx|incl|No)$/i.test(line.slice(Math.max(0, i - 7), i))) continue;
      if (i >= 10) return line.slice(0, i + 1);
    }
  }
  return line;
}

/**
 * `specInline` for the classic format, which keeps a description's whitespace
 * as the spec has it: only line breaks become spaces (`periods,  and` keeps
 * its two spaces).
 */
export function specLine(description: string, cache?: SpecTextCache): string {
  let out = cache?.line.get(description);
  if (out === undefined) {
    out = timed('spec text, inline', () => renderLine(firstParagraph(description).replace(/\r\n?|\n/g, ' ').trim(), optionsOf(cache)));
    if (cache) remember(cache.line, description, out);
  }
  return out;
}

/** The whole description as MDX-safe markdown block content (no trailing newline). */
export function specBlock(description: string, cache?: SpecTextCache): string {
  let out = cache?.block.get(description);
  if (out === undefined) {
    out = timed('spec text, block', () => renderBlock(description, optionsOf(cache)));
    if (cache) remember(cache.block, description, out);
  }
  return out;
}

/**
 * Prose we write ourselves (a provider settings file's body) as MDX-safe
 * markdown: cleaned like a description, but its headings stay headings (at
 * level 2 or deeper, under the page title), since they structure the page.
 */
export function proseBlock(markdown: string, cache?: SpecTextCache): string {
  let out = cache?.prose.get(markdown);
  if (out === undefined) {
    out = remarkProse(markdown.replace(/\r\n?/g, '\n').trim());
    if (cache) remember(cache.prose, markdown, out);
  }
  return out;
}

/**
 * Rendered descriptions by their text: they repeat a lot within a spec. One
 * per run (compileTemplates makes one with the templates), not module-level.
 */
export class SpecTextCache {
  /** How this run's layout writes Sphinx roles (rst.ts); the cached texts depend on it. */
  readonly rst: RstOptions;
  constructor(rst: RstOptions = {}) {
    this.rst = rst;
  }
  readonly inline = new Map<string, string>();
  readonly summary = new Map<string, string>();
  readonly line = new Map<string, string>();
  readonly block = new Map<string, string>();
  readonly prose = new Map<string, string>();
  readonly html = new Map<string, string>();
  readonly htmlSummary = new Map<string, string>();
}

const CACHE_LIMIT = 50_000;

function remember(cache: Map<string, string>, key: string, value: string): void {
  // The limit only guards a huge registry against unbounded growth.
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
}

const optionsOf = (cache: SpecTextCache | undefined): RstOptions => cache?.rst ?? {};

function renderInline(description: string, options: RstOptions): string {
  return renderLine(foldedFirstParagraph(description), options);
}

function renderLine(line: string, options: RstOptions): string {
  const direct = plainWithCode(line);
  if (direct !== undefined) return direct;
  const markdown = rstInlineToMarkdown(line, options);
  return timed('spec text, fast', () => fastInline(markdown)) ?? timed('spec text, remark', () => remarkInline(markdown));
}

function renderBlock(description: string, options: RstOptions): string {
  const normalized = normalize(description);
  const lines = normalized.split('\n').map((l) => l.trim());
  if (lines.every((l) => isPlainLine(l))) {
    // Plain prose: keep the paragraphs, drop indentation and trailing spaces
    // (two of them would make a hard break).
    return lines.join('\n').replace(/\n{3,}/g, '\n\n');
  }
  const markdown = rstToMarkdown(normalized, options);
  return timed('spec text, fast', () => fastBlock(markdown)) ?? timed('spec text, remark', () => remarkBlock(markdown));
}

/**
 * The markdown each path renders, for tests comparing the fast path with
 * remark. (The plain-text paths above come first and are not remark's
 * output: bare URLs, for one, stay text there.)
 */
export const __internal = {
  inlineMarkdown: (description: string) => rstInlineToMarkdown(foldedFirstParagraph(description)),
  blockMarkdown: (description: string) => rstToMarkdown(normalize(description)),
};

function normalize(description: string): string {
  return description.replace(/\r\n?/g, '\n').trim();
}

/** The first paragraph on one line: every run of whitespace becomes one space. */
export function foldedFirstParagraph(description: string): string {
  return firstParagraph(description).replace(/[ \t\r\n]+/g, ' ').trim();
}

/** The first paragraph of a description as written (leading blank lines dropped). */
export function firstParagraph(s: string): string {
  const trimmed = s.replace(/^(?:[ \t]*\r?\n)+/, '');
  const m = /\r?\n[ \t]*\r?\n/.exec(trimmed);
  return m ? trimmed.slice(0, m.index) : trimmed;
}

/**
 * A line that means the same as markdown and as plain text, in a table cell
 * or at a line start: `escapeTableCell` leaves it alone, and it has no RST
 * (`::` directives, `:field:` lists) to rewrite.
 */
function isPlainLine(line: string): boolean {
  return escapeTableCell(line) === line && !/::|(?:^|\s):[A-Za-z]/.test(line) && !hasRole(line);
}

const CODE_SPAN = /(``[^`]+``|`[^`]+`)/;

/**
 * Fast path for the commonest descriptions: plain text with code spans
 * (``RST literals`` are code spans in markdown too) and nothing else. With no
 * other backtick in the line and no autolink, those spans are exactly what
 * the page's parser will see, so remark can be skipped.
 */
function plainWithCode(line: string): string | undefined {
  if (!line.includes('`')) return isPlainLine(line) ? line : undefined;
  if (hasRole(line)) return undefined;
  // A GFM literal autolink runs on over backticks (`www.x.com`{a b}`` would
  // lose its code span and run `{a b}`): remark and the serializer know.
  if (/www\.|:\/\/|@/i.test(line)) return undefined;
  const parts = line.split(CODE_SPAN);
  let out = '';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (i % 2 === 0) {
      if (!isPlainLine(part)) return undefined;
      out += part;
    } else {
      const ticks = part.startsWith('``') ? 2 : 1;
      let code = part.slice(ticks, -ticks);
      // CommonMark strips one space from both ends when both have one.
      if (code.startsWith(' ') && code.endsWith(' ') && /[^ ]/.test(code)) code = code.slice(1, -1);
      out += inlineCode(code, { tableCell: true });
    }
  }
  return out;
}
