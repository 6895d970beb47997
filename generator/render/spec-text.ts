/**
 * Spec descriptions rendered as MDX-safe markdown.
 *
 * Descriptions are markdown-like with RST habits (``literal``, `text <url>`__,
 * :class:`Foo`, :param lines). They are rewritten to markdown, parsed with
 * remark (CommonMark + GFM), cleaned as an mdast tree (raw HTML becomes text,
 * only http(s)/mailto links survive), then serialized by remark-stringify with
 * the MDX serializer extensions, so every `{` and `<` in text is escaped by the
 * serializer, which knows where each character lands.
 */
import type {
  Definition,
  Link,
  Nodes,
  PhrasingContent,
  Root,
  RootContent,
  Text,
} from 'mdast';
import { mdxToMarkdown } from 'mdast-util-mdx';
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import type { Options as StringifyOptions } from 'remark-stringify';
import { escapeTableCell, inlineCode } from './escape.js';
import { rstToMarkdown, rstInlineToMarkdown } from './rst.js';
import { timed } from '../trace.js';

/**
 * One line of MDX-safe markdown for a table cell: the first paragraph of the
 * description, whitespace folded, `|` escaped.
 */
export function specInline(description: string): string {
  let out = inlineCache.get(description);
  if (out === undefined) {
    out = timed('spec text, inline', () => renderInline(description));
    remember(inlineCache, description, out);
  }
  return out;
}

/** The whole description as MDX-safe markdown block content (no trailing newline). */
export function specBlock(description: string): string {
  let out = blockCache.get(description);
  if (out === undefined) {
    out = timed('spec text, block', () => renderBlock(description));
    remember(blockCache, description, out);
  }
  return out;
}

/**
 * Prose we write ourselves (a provider settings file's body) as MDX-safe
 * markdown: cleaned like a description, but its headings stay headings (at
 * level 2 or deeper, under the page title), since they structure the page.
 */
export function proseBlock(markdown: string): string {
  let out = proseCache.get(markdown);
  if (out === undefined) {
    const tree = blockProcessor.parse(markdown.replace(/\r\n?/g, '\n').trim());
    out = blockProcessor.stringify(cleanProse(tree)).trimEnd();
    remember(proseCache, markdown, out);
  }
  return out;
}

const inlineCache = new Map<string, string>();
const blockCache = new Map<string, string>();
const proseCache = new Map<string, string>();
const CACHE_LIMIT = 50_000;

function remember(cache: Map<string, string>, key: string, value: string): void {
  // Descriptions repeat a lot within a spec; the limit only guards a long
  // running process against unbounded growth.
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
}

// Shared serializer settings. `resourceLink` because MDX has no `<url>`
// autolinks; `*` for emphasis because `_` cannot emphasize inside a word.
const settings: StringifyOptions = {
  bullet: '-',
  emphasis: '*',
  strong: '*',
  fences: true,
  resourceLink: true,
  rule: '-',
  listItemIndent: 'one',
};

/**
 * Escapes the serializer extensions do not know about. `}` and `>` are inert
 * in MDX text, but escaping them like `{` and `<` keeps a description's
 * braces and angle brackets visibly paired in the source, as `escapeText`
 * does. MDX ESM starts at any
 * line beginning with `import ` or `export ` (and must then parse as
 * JavaScript), and Docusaurus's remark-directive reads `::name` / `:::name` at
 * a line start as leaf and container directives, and `:name` right before a
 * link as a text directive with that link as its label. (A bare `:name` is
 * harmless: Docusaurus turns an unused one back into its text.)
 */
const extraUnsafe: NonNullable<StringifyOptions['unsafe']> = [
  { character: '}', inConstruct: 'phrasing' },
  { character: '>', inConstruct: 'phrasing' },
  { atBreak: true, character: 'i', after: 'mport ' },
  { atBreak: true, character: 'e', after: 'xport ' },
  { atBreak: true, character: ':', after: ':' },
  { character: ':', after: '[A-Za-z][\\w-]*[\\[{]', inConstruct: 'phrasing' },
];

const blockProcessor = remark()
  .use(remarkGfm)
  .data('settings', settings)
  .use(function mdxSerializer() {
    const data = this.data();
    (data.toMarkdownExtensions ??= []).push(mdxToMarkdown(), { unsafe: extraUnsafe });
  })
  .freeze();

type Handlers = NonNullable<StringifyOptions['handlers']>;

/** In a table cell GFM splits on every `|`, code spans included. */
const tableCellInlineCode: Handlers['inlineCode'] = (node) =>
  inlineCode(node.value, { tableCell: true });

const inlineProcessor = blockProcessor()
  .use(function tableCellSerializer() {
    const data = this.data();
    (data.toMarkdownExtensions ??= []).push({
      unsafe: [{ character: '|', inConstruct: 'phrasing' }],
      handlers: { inlineCode: tableCellInlineCode },
    });
  })
  .freeze();

function renderInline(description: string): string {
  const para = firstParagraph(description).replace(/[ \t\r\n]+/g, ' ').trim();
  const direct = plainWithCode(para);
  if (direct !== undefined) return direct;
  const markdown = rstInlineToMarkdown(para);
  const tree = clean(blockProcessor.parse(markdown));
  const phrasing = toPhrasing(tree.children, markdown);
  const root: Root = { type: 'root', children: [{ type: 'paragraph', children: phrasing }] };
  mergeTexts(root);
  return inlineProcessor.stringify(root).replace(/[ \t]*[\r\n]+[ \t]*/g, ' ').trim();
}

function renderBlock(description: string): string {
  const normalized = description.replace(/\r\n?/g, '\n').trim();
  const lines = normalized.split('\n').map((l) => l.trim());
  if (lines.every((l) => isPlainLine(l))) {
    // Plain prose: keep the paragraphs, drop indentation and trailing spaces
    // (two of them would make a hard break).
    return lines.join('\n').replace(/\n{3,}/g, '\n\n');
  }
  const tree = clean(blockProcessor.parse(rstToMarkdown(normalized)));
  mergeTexts(tree);
  return blockProcessor.stringify(tree).trimEnd();
}

function firstParagraph(s: string): string {
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
  return escapeTableCell(line) === line && !/::|(?:^|\s):[A-Za-z]/.test(line);
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

const SAFE_URL = /^(?:https?:\/\/|mailto:)/i;

/**
 * Percent-encodes what could end a destination or a table cell, or start an
 * expression; the serializer escapes the rest.
 */
function cleanUrl(url: string): string {
  return url.replace(/[\s{}|<>\\^`"]/g, (c) => encodeURIComponent(c));
}

/**
 * Rewrites the parsed tree so that only safe, visible constructs remain: raw
 * HTML becomes text, links keep http(s)/mailto urls, images become links,
 * references are resolved and definitions/footnotes shown as text (their
 * words must stay visible).
 */
function clean(tree: Root): Root {
  const definitions = new Map<string, Definition>();
  collectDefinitions(tree, definitions);
  tree.children = cleanChildren(tree.children, definitions, true) as RootContent[];
  return tree;
}

function cleanProse(tree: Root): Root {
  const definitions = new Map<string, Definition>();
  collectDefinitions(tree, definitions);
  const out: RootContent[] = [];
  for (const node of tree.children) {
    if (node.type === 'heading') {
      const children = cleanPhrasing(node.children, definitions);
      if (children.length > 0) out.push({ type: 'heading', depth: Math.max(2, node.depth) as 2 | 3 | 4 | 5 | 6, children });
    } else {
      out.push(...(cleanChildren([node], definitions, true) as RootContent[]));
    }
  }
  tree.children = out;
  return tree;
}

function collectDefinitions(node: Nodes, out: Map<string, Definition>): void {
  if (node.type === 'definition') {
    if (!out.has(node.identifier)) out.set(node.identifier, node);
    return;
  }
  if ('children' in node) for (const child of node.children) collectDefinitions(child, out);
}

function text(value: string): Text {
  return { type: 'text', value };
}

function linkOrText(url: string, children: PhrasingContent[], title?: string | null): PhrasingContent[] {
  if (!SAFE_URL.test(url)) return children;
  const link: Link = { type: 'link', url: cleanUrl(url), title: title ?? null, children };
  return [link];
}

/** `flow`: the children sit where blocks go, so loose phrasing needs a paragraph. */
function cleanChildren(
  children: Nodes[],
  definitions: Map<string, Definition>,
  flow: boolean,
): Nodes[] {
  const out: Nodes[] = [];
  for (const node of children) {
    const replaced = cleanNode(node, definitions);
    if (flow && replaced.length > 0 && replaced.every(isPhrasing)) {
      out.push({ type: 'paragraph', children: replaced as PhrasingContent[] });
    } else {
      out.push(...replaced);
    }
  }
  return out;
}

/**
 * Joins neighbouring text nodes left by the cleaning: the serializer decides
 * escapes from the characters around each one (`:` + `a` + a link is a
 * directive label, `&` + `amp;` a reference) and cannot see across nodes.
 */
function mergeTexts(node: Nodes): void {
  if (!('children' in node)) return;
  const merged: Nodes[] = [];
  for (const child of node.children as Nodes[]) {
    const last = merged[merged.length - 1];
    if (child.type === 'text' && last?.type === 'text') last.value += child.value;
    else {
      mergeTexts(child);
      merged.push(child);
    }
  }
  (node as { children: Nodes[] }).children = merged;
}

function cleanNode(node: Nodes, definitions: Map<string, Definition>): Nodes[] {
  switch (node.type) {
    case 'html':
      return [text(node.value)];
    case 'heading': {
      // A description is part of a section: its headings must not enter the
      // page outline, so they are kept as bold paragraphs.
      const children = cleanPhrasing(node.children, definitions);
      return children.length > 0 ? [{ type: 'paragraph', children: [{ type: 'strong', children }] }] : [];
    }
    case 'image':
      return linkOrText(node.url, [text(node.alt || node.url)]);
    case 'imageReference': {
      const def = definitions.get(node.identifier);
      return def ? linkOrText(def.url, [text(node.alt || def.url)]) : [text(node.alt ?? '')];
    }
    case 'link':
      return linkOrText(node.url, cleanPhrasing(node.children, definitions), node.title);
    case 'linkReference': {
      const def = definitions.get(node.identifier);
      const children = cleanPhrasing(node.children, definitions);
      return def ? linkOrText(def.url, children, def.title) : children;
    }
    case 'definition': {
      const label: PhrasingContent[] = [text(`[${node.label ?? node.identifier}]: `)];
      return [{ type: 'paragraph', children: [...label, ...linkOrText(node.url, [text(node.url)])] }];
    }
    case 'footnoteReference':
      return [text(`[^${node.label ?? node.identifier}]`)];
    case 'footnoteDefinition': {
      const body = cleanChildren(node.children, definitions, true) as RootContent[];
      const marker = text(`[^${node.label ?? node.identifier}]: `);
      const first = body[0];
      if (first?.type === 'paragraph') first.children.unshift(marker);
      else body.unshift({ type: 'paragraph', children: [marker] });
      return body;
    }
    default:
      if ('children' in node) {
        const flow = node.type === 'blockquote' || node.type === 'listItem';
        (node as { children: Nodes[] }).children = cleanChildren(node.children, definitions, flow);
      }
      return [node];
  }
}

function cleanPhrasing(children: PhrasingContent[], definitions: Map<string, Definition>): PhrasingContent[] {
  return cleanChildren(children, definitions, false) as PhrasingContent[];
}

const PHRASING = new Set([
  'text', 'emphasis', 'strong', 'delete', 'inlineCode', 'break', 'link', 'linkReference',
  'image', 'imageReference', 'footnoteReference', 'html',
]);

function isPhrasing(node: Nodes): boolean {
  return PHRASING.has(node.type);
}

/** Flattens cleaned blocks into one line of phrasing for a table cell. */
function toPhrasing(nodes: Nodes[], source: string): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  const push = (items: PhrasingContent[]) => {
    if (items.length === 0) return;
    if (out.length > 0) out.push(text(' '));
    out.push(...items);
  };
  for (const node of nodes) {
    switch (node.type) {
      case 'paragraph':
      case 'tableCell':
        push(node.children.map(oneLine));
        break;
      case 'code': {
        // On one line a fence can only be an opening one: what follows it is
        // its info string, shown as text.
        const info = [node.lang, node.meta].filter(Boolean).join(' ');
        push([
          ...(info ? [text(info)] : []),
          ...(node.value ? [{ type: 'inlineCode', value: node.value } as const] : []),
        ]);
        break;
      }
      case 'thematicBreak':
        break;
      case 'list':
        for (const item of node.children) {
          // The marker as written (`-`, `2)`) stays visible as text.
          const from = item.position?.start.offset;
          const to = item.children[0]?.position?.start.offset;
          const marker = from !== undefined && to !== undefined ? source.slice(from, to).trim() : '';
          push([...(marker ? [text(marker + ' ')] : []), ...toPhrasing(item.children, source)]);
        }
        break;
      default:
        if (isPhrasing(node)) push([oneLine(node as PhrasingContent)]);
        else if ('children' in node) push(toPhrasing(node.children, source));
    }
  }
  return out;
}

function oneLine(node: PhrasingContent): PhrasingContent {
  if (node.type === 'break') return text(' ');
  if ('children' in node) (node as { children: PhrasingContent[] }).children = node.children.map(oneLine);
  return node;
}
