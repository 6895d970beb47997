/**
 * Rewrites the RST habits of spec descriptions (they come from Python SDK
 * docstrings) into CommonMark, before remark parses them. The output is only
 * an intermediate: it is parsed and re-serialized, so it must be valid
 * markdown but never needs to be MDX-safe.
 */
import { codeFence, inlineCode } from './escape.js';

/**
 * How Sphinx cross-references are written. Without `methodRefs` (the classic
 * layout) every role becomes code; with it (the detailed layout)
 * `:method:svc/name` becomes a method reference that the pages resolve to a
 * link once the whole provider is known (method-refs.ts).
 */
export interface RstOptions {
  readonly methodRefs?: boolean;
}

/** Inline RST for one folded line (the first paragraph, for table cells). */
export function rstInlineToMarkdown(line: string, options: RstOptions = {}): string {
  return rstInline(line.replace(DIRECTIVE_START, (_m, name: string) => directive(name, '')), options);
}

/** A whole description: directives, doctests and `:param:` field lists, then inline RST. */
export function rstToMarkdown(description: string, options: RstOptions = {}): string {
  const lines = description
    .replace(DIRECTIVE_LINE, (_m, indent: string, name: string, rest: string) => indent + directive(name, rest))
    .split('\n');
  // Code blocks (written in the description or made from doctests) are
  // literal: inline RST is only rewritten between them.
  const text = fieldLists(doctests(lines)).join('\n');
  let out = '';
  let last = 0;
  for (const m of text.matchAll(FENCED_BLOCK)) {
    out += rstInline(text.slice(last, m.index), options) + m[0];
    last = m.index + m[0].length;
  }
  return out + rstInline(text.slice(last), options);
}

const FENCED_BLOCK = /^[ \t]*(`{3,}|~{3,}).*\n[\s\S]*?^[ \t]*\1[ \t]*$/gm;

// `.. note:: text`: admonitions keep a bold label, other directives
// (`.. code::`) lose their marker since their body is no longer indented in
// the specs.
const DIRECTIVE_START = /^\.\. ([A-Za-z][\w-]*)::[ \t]*/;
const DIRECTIVE_LINE = /^([ \t]*)\.\. ([A-Za-z][\w-]*)::[ \t]*(.*)$/gm;
const ADMONITIONS = new Set(['note', 'warning', 'important', 'tip', 'caution', 'danger', 'attention', 'hint']);

function directive(name: string, rest: string): string {
  const lower = name.toLowerCase();
  if (!ADMONITIONS.has(lower)) return rest;
  return `**${lower[0]!.toUpperCase()}${lower.slice(1)}:** ${rest}`;
}

// `text <url>`__ (anonymous) or `text <url>`_ (named) hyperlinks.
const RST_LINK = /(?<!`)`([^`<]*?)\s*<([^<>`\s]+)>`__?(?!\w)/g;
// :role:`content` or :domain:role:`~content`: keep the content as code
// (`title <target>`: the title).
const RST_ROLE = /(^|[^\w`:])((?::[A-Za-z][\w+.-]*)+):`~?([^`]+)`/g;
// The SDK docstrings also write `:method:svc/name` without backticks. Only
// Sphinx's own role names are read so, never `urn:ietf:...` or `HH:mm:ss`
// (a word character before the colon), and a trailing `.` ends the sentence.
const BARE_ROLE = /(^|[^\w`:]):(method|meth|func|class|attr|obj|ref|mod|data|exc|const):([A-Za-z_][\w-]*(?:[./][\w-]+)*)/g;
// Whitespace before `<` is required (Sphinx also reads `Foo<bar>`): text that only looks like a
// target, such as `Foo<script>`, stays visible as it is written.
const TITLED = /^(.*?\S)\s+<([^<>]+)>$/s;

/**
 * A method reference that survives the markdown layers unchanged (a code span
 * starting with this private-use character) until the provider's pages are
 * known; method-refs.ts turns every one into a link or plain code.
 */
export const METHOD_REF = '\uE000';

function role(name: string, content: string, options: RstOptions): string {
  const titled = TITLED.exec(content);
  const shown = titled ? titled[1]! : content;
  const last = name.slice(name.lastIndexOf(':') + 1).toLowerCase();
  if (last === 'ref' || last === 'doc') return escapeLabel(shown);
  if (options.methodRefs && last === 'method' && !titled && /^[\w./-]+$/.test(content)) return inlineCode(METHOD_REF + content);
  return inlineCode(shown);
}

function rstInline(s: string, options: RstOptions): string {
  return s
    .replace(RST_LINK, (_m, label: string, url: string) => {
      const shown = escapeLabel(label.replace(/\s+/g, ' ').trim() || url);
      // Unsafe schemes (`javascript:`) keep only their label, as text.
      if (!/^https?:\/\//i.test(url)) return shown;
      return `[${shown}](<${url.replace(/\\/g, '%5C')}>)`;
    })
    .replace(RST_ROLE, (_m, before: string, name: string, content: string) => before + role(name, content, options))
    .replace(BARE_ROLE, (_m, before: string, name: string, content: string) => before + role(name, content, options))
    // Field markers that are not at a line start (a folded first paragraph, a
    // parameter description cut from a docstring): `name`: and **Returns:**.
    .replace(INLINE_PARAM, (_m, before: string, name: string) => `${before}${inlineCode(name)}:`)
    .replace(INLINE_RETURNS, (_m, before: string) => `${before}**Returns:**`);
}

const INLINE_PARAM = /(^|[ \t(]):(?:param|parameter|arg|argument|key|keyword)[ \t]+([A-Za-z_][\w.]*)[ \t]*:(?=\s|$)/gm;
const INLINE_RETURNS = /(^|[ \t(]):returns?:(?=\s|$)/gm;

/** Whether the text holds a Sphinx role that `rstInline` rewrites. */
export function hasRole(s: string): boolean {
  for (const re of [RST_ROLE, BARE_ROLE, INLINE_PARAM, INLINE_RETURNS]) re.lastIndex = 0;
  return RST_ROLE.test(s) || BARE_ROLE.test(s) || INLINE_PARAM.test(s) || INLINE_RETURNS.test(s);
}

/** Roles as plain text, for text that is no markdown (a manifest's YAML): `:class:`Foo`` is `Foo`. */
export function rolesAsText(s: string): string {
  const plain = (content: string) => TITLED.exec(content)?.[1] ?? content;
  return s
    .replace(RST_ROLE, (_m, before: string, _name: string, content: string) => before + plain(content))
    .replace(BARE_ROLE, (_m, before: string, _name: string, content: string) => before + content)
    .replace(INLINE_PARAM, (_m, before: string, name: string) => `${before}${name}:`)
    .replace(INLINE_RETURNS, (_m, before: string) => `${before}Returns:`);
}

/** Backslash-escapes all ASCII punctuation: always valid, always literal in CommonMark. */
function escapeLabel(s: string): string {
  return s.replace(/[!-/:-@[-`{-~]/g, '\\$&');
}

/** `>>>` doctest blocks become fenced Python code (markdown would nest block quotes). */
function doctests(lines: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const start = /^([ \t]*)>>>/.exec(lines[i]!);
    if (!start) {
      out.push(lines[i]!);
      continue;
    }
    const indent = start[1]!;
    let j = i;
    while (j < lines.length && lines[j]!.trim() !== '') j++;
    const body = lines.slice(i, j).map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l.trimStart()));
    out.push(...codeFence(body.join('\n'), 'python').split('\n').map((l) => indent + l));
    i = j - 1;
  }
  return out;
}

const PARAM_FIELD = /^:(?:param|parameter|arg|argument|key|keyword)[ \t]+([^:]+?)[ \t]*:(?:[ \t]+(.*))?$/;
const RETURNS_FIELD = /^:returns?:(?:[ \t]+(.*))?$/;
const INDENTED = /^[ \t]+\S/;

/**
 * `:param name: type` lines (with their indented descriptions) become a bullet
 * list, `:returns: X` a bold-labelled paragraph.
 */
function fieldLists(lines: string[]): string[] {
  const out: string[] = [];
  let inList = false;
  const separate = () => {
    if (out.length > 0 && out[out.length - 1]!.trim() !== '') out.push('');
  };
  for (let i = 0; i < lines.length; ) {
    const line = lines[i]!;
    const param = PARAM_FIELD.exec(line);
    const returns = param ? null : RETURNS_FIELD.exec(line);
    if (!param && !returns) {
      if (inList && line.trim() !== '') separate();
      inList = false;
      out.push(line);
      i++;
      continue;
    }
    const end = fieldBodyEnd(lines, i + 1);
    const body = dedent(lines.slice(i + 1, end));
    if (param) {
      if (!inList) separate();
      inList = true;
      out.push(...paramItem(param[1]!, param[2] ?? '', body));
    } else {
      separate();
      inList = false;
      const head = `**Returns:**${returns![1] ? ' ' + returns![1] : ''}`;
      out.push(head, ...body);
    }
    i = end;
  }
  return out;
}

/**
 * Takes the `:param name:` entries that `take` accepts out of a description
 * (a docstring restating what the page shows elsewhere), each with its body
 * (dedented, as written); the rest of the description is returned as written.
 */
export function splitParamFields(description: string, take: (name: string) => boolean): { rest: string; fields: Map<string, string> } {
  const fields = new Map<string, string>();
  if (!description.includes(':param') && !description.includes(':arg') && !description.includes(':key')) return { rest: description, fields };
  const lines = description.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; ) {
    const param = PARAM_FIELD.exec(lines[i]!);
    const name = param?.[1]!.trim();
    if (!param || !name || !take(name)) {
      kept.push(lines[i]!);
      i++;
      continue;
    }
    const end = fieldBodyEnd(lines, i + 1);
    if (!fields.has(name)) fields.set(name, dedent(lines.slice(i + 1, end)).join('\n').trim());
    i = end;
  }
  if (fields.size === 0) return { rest: description, fields };
  return { rest: kept.join('\n').replace(/\n[ \t]*(?:\n[ \t]*)+\n/g, '\n\n').trim(), fields };
}

/** A field's body: the following indented lines, blank lines included when more indented text follows. */
function fieldBodyEnd(lines: string[], from: number): number {
  let j = from;
  while (j < lines.length) {
    if (INDENTED.test(lines[j]!)) {
      j++;
      continue;
    }
    let k = j;
    while (k < lines.length && lines[k]!.trim() === '') k++;
    if (k > j && k < lines.length && INDENTED.test(lines[k]!)) {
      j = k;
      continue;
    }
    break;
  }
  return j;
}

function dedent(lines: string[]): string[] {
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)![0].length);
  const cut = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((l) => (l.trim() === '' ? '' : l.slice(cut)));
}

function paramItem(name: string, type: string, body: string[]): string[] {
  const optional = /^(.*?)[ \t]*\(optional\)$/.exec(type.trim());
  const base = (optional ? optional[1]! : type).trim();
  const parts = [base, optional ? 'optional' : ''].filter((p) => p !== '');
  let head = `- ${inlineCode(name.trim())}${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`;
  const rest = [...body];
  // The first description line joins the item line unless it starts a block of its own.
  if (rest.length > 0 && rest[0] !== '' && !/^(?:[-*+]|\d+[.)])[ \t]/.test(rest[0]!)) {
    head += `: ${rest.shift()}`;
  }
  return [head, ...rest.map((l) => (l === '' ? '' : '  ' + l))];
}
