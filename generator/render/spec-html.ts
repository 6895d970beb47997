/**
 * Spec text as HTML, for the parts of a page that are written as one HTML
 * string instead of MDX (the detailed layout's field tables: thousands of
 * names, types and descriptions that need no React element each).
 *
 * The input is what spec-text.ts writes: MDX-safe markdown, which is plain
 * CommonMark + GFM in which every `{`, `<` and `|` of the spec's own text is
 * escaped. Reading it back as markdown therefore gives the tree that
 * spec-text.ts cleaned (only http(s)/mailto links, no raw HTML), and this
 * module only has to write that tree as HTML, escaping every text.
 */
import { toHtml } from 'hast-util-to-html';
import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toHast } from 'mdast-util-to-hast';
import { gfm } from 'micromark-extension-gfm';
import { parsePhrasing, type Phrase } from './phrasing-parse.js';
import { SAFE_URL } from './spec-text-remark.js';
import { count } from '../trace.js';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text or an attribute value in HTML. The regions quote attributes with `'`
 * (a `"` would cost a backslash in the JavaScript string that holds them).
 */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** A link that leaves the site opens in a new tab, as Docusaurus' own links do. */
const EXTERNAL = " target='_blank' rel='noopener noreferrer'";

/**
 * One line of MDX-safe markdown (the `inline` helper's output) as HTML
 * phrasing. The phrasing most descriptions use is written directly; the rest
 * goes through mdast-util-from-markdown, mdast-util-to-hast (which drops raw
 * HTML) and hast-util-to-html.
 */
export function markdownLineToHtml(markdown: string): string {
  if (markdown === '') return '';
  const phrases = markdown.includes('\n') ? undefined : parsePhrasing(markdown);
  if (phrases) return phrasesToHtml(phrases);
  count('spec text, html via mdast');
  return unifiedToHtml(markdown);
}

function phrasesToHtml(phrases: readonly Phrase[]): string {
  let out = '';
  for (const p of phrases) {
    switch (p.type) {
      case 'text':
        out += escapeHtml(p.value);
        break;
      case 'inlineCode':
        out += `<code>${escapeHtml(p.value)}</code>`;
        break;
      case 'strong':
        out += `<strong>${phrasesToHtml(p.children)}</strong>`;
        break;
      case 'emphasis':
        out += `<em>${phrasesToHtml(p.children)}</em>`;
        break;
      case 'link':
        out += link(p.url, phrasesToHtml(p.children));
        break;
    }
  }
  return out;
}

/** spec-text.ts keeps only http(s) and mailto links; anything else is its label. */
function link(url: string, label: string): string {
  if (!SAFE_URL.test(url)) return label;
  return `<a href='${escapeHtml(url)}'${/^mailto:/i.test(url) ? '' : EXTERNAL}>${label}</a>`;
}

function unifiedToHtml(markdown: string): string {
  const mdast = fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const hast = toHast(mdast) as HastRoot;
  // One paragraph is one line of phrasing: its content, without the <p>.
  const only = hast.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  const content: HastContent[] = only.length === 1 && only[0]!.type === 'element' && only[0]!.tagName === 'p' ? only[0]!.children : hast.children;
  return toHtml({ type: 'root', children: content.map(safeLinks) });
}

/** The same rule for links as the fast path, on a hast tree. */
function safeLinks<T extends HastContent | ElementContent>(node: T): T {
  if (node.type !== 'element') return node;
  const children = node.children.map(safeLinks);
  if (node.tagName === 'a') {
    const href = typeof node.properties.href === 'string' ? node.properties.href : '';
    if (!SAFE_URL.test(href)) return { type: 'element', tagName: 'span', properties: {}, children } satisfies Element as T;
    const external = /^mailto:/i.test(href) ? {} : { target: '_blank', rel: ['noopener', 'noreferrer'] };
    return { ...node, properties: { href, ...external }, children } as T;
  }
  if (node.tagName === 'img') return { type: 'text', value: String(node.properties.alt ?? '') } as T;
  return { ...node, children } as T;
}

/**
 * Line-break opportunities after `_` and `.` in a name (`<wbr>` adds no
 * character, so copying or searching sees the name as written), as
 * theme/BreakableName does for names rendered by React.
 */
export function breakableHtml(name: string): string {
  return escapeHtml(name).replace(/([_.])(?=.)/g, '$1<wbr>');
}

/**
 * A name with a copy button. In an HTML region only the name is written, marked
 * with a class: the theme's client module (theme/client/copy-buttons.ts) adds
 * the button in the browser, the same markup that theme/CopyableCode renders,
 * so the page carries a few bytes per name instead of a button's markup.
 * `id`: an anchor on the name (a Methods or Parameters row).
 */
export function copyableHtml(code: string, id?: string): string {
  return `<code class='pd-copyable'${id ? ` id='${escapeHtml(id)}'` : ''}>${breakableHtml(code)}</code>`;
}

/**
 * A region in MDX: a plain div, or, when its markup holds anchors, the theme's
 * HtmlRegion (which the page imports), so that Docusaurus' link check knows them.
 */
export function htmlRegion(html: string, anchors: readonly string[]): string {
  if (anchors.length === 0) return `<div className="pd-html" dangerouslySetInnerHTML={{__html: ${htmlJsString(html)}}} />\n`;
  return `<HtmlRegion anchors={[${anchors.map(htmlJsString).join(', ')}]} html={${htmlJsString(html)}} />\n`;
}

/**
 * HTML as the content of a JavaScript string in an MDX expression
 * (`dangerouslySetInnerHTML={{__html: "..."}}`): JSON escapes quotes,
 * backslashes and line ends; braces are escaped too, so nothing in the string
 * can be read as the end of the expression.
 */
export function htmlJsString(html: string): string {
  return JSON.stringify(html).replace(/[{}\u2028\u2029]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}
