/**
 * The one escaping layer between untrusted spec strings and MDX source.
 *
 * Pages are compiled by MDX (CommonMark + GFM + JSX + `{expressions}` +
 * `import`/`export`) inside Docusaurus, which adds directives and HTML
 * comments. Every function here returns text that, at its documented place in
 * a page, shows its input literally and can never turn into JSX, an
 * expression, ESM or markup. The rules were checked against `@mdx-js/mdx` 3 +
 * `remark-gfm` + `remark-directive` + `@slorber/remark-comment` by
 * `test/unit/escape.test.ts` and `test/property/mdx-safety.test.ts`.
 *
 * Known limits (no MDX source can express them): U+0000 always reads back as
 * U+FFFD, lone surrogates cannot be written as UTF-8, and Docusaurus's emoji
 * plugin turns text such as `:x:` into an emoji after parsing. One rule when
 * composing: put whitespace between text that may end in a URL and a code
 * span, since a GFM literal autolink runs on over a backtick.
 */

/**
 * Value for a double-quoted JSX attribute: `<X code="${escapeAttr(s)}" />`.
 *
 * MDX keeps everything between the quotes raw except character references,
 * which it decodes (`&quot;` -> `"`), so only the characters that would end or
 * change the value are encoded: the quote, `&` (it could start a reference),
 * line endings (they would break the one-line table row or paragraph the tag
 * sits in) and `|` (GFM splits table rows on it before JSX is parsed, even
 * inside attribute values). `{`, `<`, `` ` `` and `\` are literal there.
 */
export function escapeAttr(s: string): string {
  if (!ATTR_UNSAFE.test(s)) return s;
  return s.replace(ATTR_UNSAFE_G, (c) => ATTR_REFS[c] ?? c);
}

const ATTR_UNSAFE = /["&|\r\n]/;
const ATTR_UNSAFE_G = /["&|\r\n]/g;
const ATTR_REFS: Record<string, string> = {
  '"': '&quot;',
  '&': '&amp;',
  '|': '&#124;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/**
 * Literal text for a phrasing context: a paragraph, a heading, or the
 * markdown children of an inline JSX element such as `<td>` or `<code>`.
 * Line endings (with the spaces around them) fold into one space, since a line
 * break could end the paragraph or start a block. The result is also safe at
 * the start of a line.
 *
 * Plain prose and identifiers come back unchanged: only characters that can
 * start a construct at their position are escaped, with a backslash (valid
 * before any ASCII punctuation) or, for letters, a character reference. URLs
 * and e-mail addresses still become GFM links, showing the same text.
 */
export function escapeText(s: string): string {
  return escapePhrasing(foldLines(s), false);
}

/**
 * Literal text for a GFM table cell: `escapeText` plus `\|`, since GFM splits
 * cells on `|` before inline parsing. Leading and trailing spaces are trimmed
 * by the table itself.
 */
export function escapeTableCell(s: string): string {
  return escapePhrasing(foldLines(s), true);
}

/**
 * A fenced code block showing `content` exactly: code blocks are literal in
 * MDX, so only the fence must outgrow every backtick run inside (a shorter or
 * equal run on its own line would close the block early). Line endings are
 * written as LF: a trailing CR would otherwise merge with the LF before the
 * closing fence and lose a line.
 */
export function codeFence(content: string, lang: string): string {
  if (/[`\r\n]/.test(lang)) {
    throw new Error(`codeFence: invalid info string ${JSON.stringify(lang)}`);
  }
  const body = content.includes('\r') ? content.replace(/\r\n?/g, '\n') : content;
  const fence = '`'.repeat(Math.max(3, longestRun(body, '`') + 1));
  return `${fence}${lang}\n${body}\n${fence}`;
}

export interface InlineCodeOptions {
  /** The span sits in a GFM table cell, where `|` must be written `\|`. */
  tableCell?: boolean;
}

/**
 * An inline code span showing `s` literally (MDX does not look for `{` or `<`
 * inside code spans). Line endings fold into spaces as they would anyway.
 */
export function inlineCode(s: string, options?: InlineCodeOptions): string {
  const value = foldLines(s);
  if (value === '') return '';
  let body = value;
  if (options?.tableCell && value.includes('|')) {
    // GFM un-escapes `\|` inside code in tables but keeps `\\`, so a
    // backslash right before a pipe cannot be written in a code span there.
    if (/\\\|/.test(value)) return `<code>${escapePhrasing(value, true)}</code>`;
    body = value.replace(/\|/g, '\\|');
  }
  const ticks = '`'.repeat(longestRun(body, '`') + 1);
  // CommonMark strips one space from each end when both ends have one, and a
  // backtick at an end would merge with the fence: pad in both cases.
  const pad =
    body.startsWith('`') ||
    body.endsWith('`') ||
    (body.startsWith(' ') && body.endsWith(' ') && /[^ ]/.test(body))
      ? ' '
      : '';
  return `${ticks}${pad}${body}${pad}${ticks}`;
}

function foldLines(s: string): string {
  return s.includes('\n') || s.includes('\r') ? s.replace(/[ \t]*(?:\r\n?|\n)[ \t]*/g, ' ') : s;
}

function longestRun(s: string, ch: string): number {
  let best = 0;
  let run = 0;
  for (const c of s) {
    run = c === ch ? run + 1 : 0;
    if (run > best) best = run;
  }
  return best;
}

/** No character the escaping pass below could change: the string is returned as is. */
const PLAIN = /^[^\\`*~[\]<>{}|&#_]*$/;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const CHAR_REF = /&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{0,31});/y;

/**
 * Characters escaped wherever they appear: `\` (escapes, hard breaks),
 * `` ` `` (code), `*` and `~` (emphasis, strikethrough), `[` `]` (links,
 * footnotes, directive labels), `<` `>` (JSX, autolinks, block quotes),
 * `{` `}` (expressions, directive attributes, heading ids).
 */
const ALWAYS = new Set(['\\', '`', '*', '~', '[', ']', '<', '>', '{', '}']);

function escapePhrasing(s: string, tableCell: boolean): string {
  if (PLAIN.test(s) && !startsBlock(s)) return s;
  // One output piece per input character, so that autolinks can be broken
  // below once it is known which characters were escaped.
  const out: string[] = [];
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s[i]!;
    if (ALWAYS.has(c) || (tableCell && c === '|')) {
      out.push('\\' + c);
    } else if (c === '_') {
      // An underscore run flanked by word characters on both sides can neither
      // open nor close emphasis, so `cluster_id` stays as it is.
      let j = i;
      while (j < n && s[j] === '_') j++;
      const intraword = i > 0 && j < n && WORD_CHAR.test(s[i - 1]!) && WORD_CHAR.test(s[j]!);
      for (; i < j; i++) out.push(intraword ? '_' : '\\_');
      i--;
    } else if (c === '&') {
      CHAR_REF.lastIndex = i;
      out.push(CHAR_REF.test(s) ? '\\&' : '&');
    } else if (c === '#') {
      // `#` opens a heading at line start and closes one at its end.
      const atStart = /^[ \t]*$/.test(s.slice(0, i));
      let j = i;
      while (j < n && s[j] === '#') j++;
      const closing = i > 0 && /[ \t]/.test(s[i - 1]!) && s.slice(j).trim() === '';
      out.push(atStart || closing ? '\\#' : '#');
      for (i++; i < j; i++) out.push('#');
      i--;
    } else {
      out.push(c);
    }
  }
  breakAutolinks(s, out);
  escapeLineStart(s, out);
  return out.join('');
}

/**
 * GFM literal autolinks (`https://…`, `www.…`, `a@b.c`) take their text raw
 * from the source, backslashes included, and run to the next space: an escape
 * inside one would show, and the characters it protected would act again once
 * the link ends. Such a link is broken at its trigger (`https\://`, `www\.`,
 * `\@`) so that it stays plain, fully escaped text; links without escapes keep
 * working.
 */
function breakAutolinks(s: string, out: string[]): void {
  if (!/[:.@]/.test(s)) return;
  for (const m of s.matchAll(AUTOLINK_TRIGGER)) {
    let from = m.index;
    let to = from + m[0].length;
    let trigger: number;
    if (m[0] === '@') {
      trigger = from;
      while (from > 0 && /[A-Za-z0-9.+_-]/.test(s[from - 1]!)) from--;
      while (to < s.length && /[A-Za-z0-9._-]/.test(s[to]!)) to++;
    } else {
      trigger = m[1] ? from + m[1].length - 3 : from + 3;
      while (to < s.length && !/\s/.test(s[to]!)) to++;
    }
    let escaped = false;
    for (let i = from; i < to && !escaped; i++) escaped = out[i] !== s[i];
    if (escaped && out[trigger] === s[trigger]) out[trigger] = '\\' + s[trigger];
  }
}

// Every place a GFM literal autolink can start; each is checked up to the next
// whitespace, which over-approximates where GFM ends it.
const AUTOLINK_TRIGGER = /(https?:\/\/)|www\.|@/gi;

/** Whether the text, put at the start of a line, could begin a block or ESM. */
function startsBlock(s: string): boolean {
  return LINE_START.test(s) || SETEXT_OR_BREAK.test(s);
}

// A setext underline (`===`, `--`) or a dash thematic break, whose dashes may
// be spread out by spaces and tabs (`--- -`, `-\t-\t-`).
const SETEXT_OR_BREAK = /^[ \t]*(?:=+[ \t]*|-[- \t]*)$/;

// List markers, ordered list markers, setext underlines / thematic breaks,
// Docusaurus directives (`::name`, `:::note`) and MDX ESM (`import `/`export `
// at column 1 starts JavaScript that must parse, or the page fails).
const LINE_START = /^(?:[ \t]*(?:[-+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|::)|(?:import|export) )/;

/** Escapes the first character of a construct that `s` would begin at a line start. */
function escapeLineStart(s: string, out: string[]): void {
  if (!startsBlock(s)) return;
  if (/^(?:import|export) /.test(s)) {
    // A letter cannot be backslash-escaped; a character reference reads back
    // as the same letter but is not the keyword MDX looks for.
    out[0] = `&#x${s.charCodeAt(0).toString(16)};`;
    return;
  }
  const lead = /^[ \t]*/.exec(s)![0].length;
  const ordered = /^\d{1,9}/.exec(s.slice(lead));
  const at = ordered ? lead + ordered[0].length : lead;
  if (out[at] === s[at]) out[at] = '\\' + s[at];
}
