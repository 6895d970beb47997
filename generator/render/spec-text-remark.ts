/**
 * The reference rendering of spec descriptions: markdown (RST already
 * rewritten by `rst.ts`) parsed with remark (CommonMark + GFM), cleaned as an
 * mdast tree (raw HTML becomes text, only http(s)/mailto links survive), then
 * serialized by remark-stringify with the MDX serializer extensions, so every
 * `{` and `<` in text is escaped by the serializer, which knows where each
 * character lands. `spec-text-fast.ts` must agree with it byte for byte.
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
import { inlineCode } from './escape.js';

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

/** One line of phrasing for a table cell, from one line of markdown. */
export function remarkInline(markdown: string): string {
  const tree = clean(blockProcessor.parse(markdown));
  const phrasing = toPhrasing(tree.children, markdown);
  const root: Root = { type: 'root', children: [{ type: 'paragraph', children: phrasing }] };
  mergeTexts(root);
  return inlineProcessor.stringify(root).replace(/[ \t]*[\r\n]+[ \t]*/g, ' ').trim();
}

/** Block content (no trailing newline), from a description's markdown. */
export function remarkBlock(markdown: string): string {
  const tree = clean(blockProcessor.parse(markdown));
  mergeTexts(tree);
  return blockProcessor.stringify(tree).trimEnd();
}

/** Like `remarkBlock`, but headings stay headings (at level 2 or deeper). */
export function remarkProse(markdown: string): string {
  const tree = blockProcessor.parse(markdown);
  return blockProcessor.stringify(cleanProse(tree)).trimEnd();
}

export const SAFE_URL = /^(?:https?:\/\/|mailto:)/i;

/**
 * Percent-encodes what could end a destination or a table cell, or start an
 * expression; the serializer escapes the rest.
 */
export function cleanUrl(url: string): string {
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
