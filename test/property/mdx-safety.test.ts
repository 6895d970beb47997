/**
 * Untrusted spec strings through every escaping function, into one page,
 * parsed and compiled the way Docusaurus does (MDX + GFM + directives). The
 * checks read the parsed tree: what matters is what MDX builds, not what the
 * source looks like.
 */
import { createProcessor } from '@mdx-js/mdx';
import fc from 'fast-check';
import remarkComment from '@slorber/remark-comment';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import { describe, expect, it } from 'vitest';
import {
  codeFence,
  escapeAttr,
  escapeTableCell,
  escapeText,
  inlineCode,
} from '../../generator/render/escape.js';
import { specBlock, specInline } from '../../generator/render/spec-text.js';

// The syntax Docusaurus 3 adds to MDX: directives (admonitions), GFM and
// HTML comments (`mdx1Compat.comments`).
const processor = createProcessor({ format: 'mdx', remarkPlugins: [remarkDirective, remarkGfm, remarkComment] });

interface AnyNode {
  type: string;
  value?: string;
  name?: string | null;
  url?: string;
  title?: string | null;
  lang?: string | null;
  meta?: string | null;
  attributes?: unknown;
  children?: AnyNode[];
}

// Markers no escaping function can produce as a heading of their own.
const SECTIONS = ['zqxtext', 'zqxprose', 'zqxhead', 'zqxblock', 'zqxfence', 'zqxcode'] as const;
type Section = (typeof SECTIONS)[number];

function page(s: string): string {
  const t = escapeText(s);
  return [
    `<CopyableCode code="${escapeAttr(s)}" />`,
    '## zqxtext',
    t,
    '## zqxprose',
    `Prefix ${t} suffix`,
    `## zqxhead ${t}`,
    '| Name | Cell | Inline |\n|:-----|:-----|:-------|\n' +
      `| <CopyableCode code="${escapeAttr(s)}" /> | ${escapeTableCell(s)} | ${specInline(s)} |`,
    `<table><tbody><tr><td>${t}</td><td><code>${t}</code></td></tr></tbody></table>`,
    '## zqxblock',
    specBlock(s),
    '## zqxfence',
    codeFence(s, 'text'),
    '## zqxcode',
    `Code ${inlineCode(s)} here.`,
    `| Code |\n|:-----|\n| ${inlineCode(s, { tableCell: true })} |`,
  ].join('\n\n');
}

/** What a reader sees: Docusaurus turns unused `:name` text directives back into text. */
function textOf(node: AnyNode): string {
  if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') return node.value ?? '';
  if (node.type === 'textDirective') return ':' + (node.name ?? '');
  if (node.type === 'break') return '\n';
  return (node.children ?? []).map(textOf).join('');
}

/** Text plus the parts of links and code blocks that stay in the page without being text. */
function wordsOf(node: AnyNode): string {
  const own = [node.url, node.title, node.lang, node.meta].filter(Boolean).join(' ');
  if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code' || node.type === 'textDirective') {
    return `${textOf(node)} ${own}`;
  }
  return `${own} ${(node.children ?? []).map(wordsOf).join(' ')}`;
}

function walk(node: AnyNode, visit: (n: AnyNode) => void): void {
  visit(node);
  for (const child of node.children ?? []) walk(child, visit);
}

const fold = (s: string) => s.replace(/[ \t]*(?:\r\n?|\n)[ \t]*/g, ' ');
const trimSpace = (s: string) => s.replace(/^[ \t]+|[ \t]+$/g, '');
const alnumWords = (s: string) => s.split(/\s+/).filter((w) => /^[\p{L}\p{N}]+$/u.test(w));
const firstParagraph = (s: string) => s.replace(/^(?:[ \t]*\r?\n)+/, '').split(/\r?\n[ \t]*\r?\n/)[0]!;

const FORBIDDEN = new Set([
  'mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression', 'html', 'image', 'imageReference',
  'definition', 'footnoteDefinition', 'containerDirective', 'leafDirective',
]);

/** Parses and compiles the page for `s`, asserting every safety property. */
function check(s: string): void {
  const source = page(s);
  const fail = (msg: string): never => {
    throw new Error(`${msg}\n--- input ${JSON.stringify(s)} ${[...s].map((c) => c.codePointAt(0)!.toString(16)).join(' ')}\n--- page\n${source}`);
  };
  let root: ReturnType<typeof processor.parse>;
  try {
    root = processor.parse(source);
  } catch (error) {
    return fail(`does not parse: ${String(error)}`);
  }
  const tree = root as unknown as AnyNode;

  const jsx = new Map<string, number>();
  walk(tree, (n) => {
    if (FORBIDDEN.has(n.type)) fail(`forbidden node ${n.type}`);
    if (n.type === 'textDirective' && ((n.children?.length ?? 0) > 0 || Object.keys(n.attributes ?? {}).length > 0)) {
      fail('text directive with label or attributes');
    }
    if (n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement') {
      jsx.set(n.name ?? '', (jsx.get(n.name ?? '') ?? 0) + 1);
      const attrs = n.attributes as { name: string; value: unknown }[];
      if (n.name === 'CopyableCode') {
        // Once on its own line, once inside a table cell.
        if (attrs.length !== 1 || attrs[0]!.name !== 'code' || attrs[0]!.value !== s) {
          fail(`CopyableCode attributes ${JSON.stringify(attrs.map((a) => [a.name, a.value]))}`);
        }
      } else if (attrs.length > 0) fail(`attributes on <${n.name}>`);
    }
    if (n.type === 'link' && !/^(?:https?:|mailto:|xmpp:)/i.test(n.url ?? '')) fail(`link to ${n.url}`);
  });
  const { code: codeCount = 0, ...fixed } = Object.fromEntries(jsx);
  if (JSON.stringify(fixed) !== JSON.stringify({ CopyableCode: 2, table: 1, tbody: 1, tr: 1, td: 2 }) || codeCount < 1) {
    fail(`JSX elements ${JSON.stringify(Object.fromEntries(jsx))}`);
  }

  // Split the page at the marker headings; all of them must still be there.
  const top = tree.children ?? [];
  const sections = new Map<Section, AnyNode[]>();
  const order: Section[] = [];
  let current: AnyNode[] = [];
  for (const node of top.slice(1)) {
    const marker = node.type === 'heading' ? SECTIONS.find((m) => textOf(node).startsWith(m)) : undefined;
    if (marker) {
      current = marker === 'zqxhead' ? [node] : [];
      sections.set(marker, current);
      order.push(marker);
    } else current.push(node);
  }
  if (order.join() !== SECTIONS.join()) fail(`sections ${order.join()}`);
  const section = (m: Section) => sections.get(m)!;
  const eq = (what: string, actual: string, expected: string) => {
    if (actual !== expected) fail(`${what}: ${JSON.stringify(actual)} !== ${JSON.stringify(expected)}`);
  };

  const shown = trimSpace(fold(s));
  eq('escapeText paragraph', section('zqxtext').map(textOf).join(''), shown);
  eq('escapeText in prose', textOf(section('zqxprose')[0]!), trimSpace(`Prefix ${fold(s)} suffix`));
  const [heading, table, html] = section('zqxhead');
  eq('escapeText in heading', textOf(heading!), trimSpace(`zqxhead ${fold(s)}`));

  const row = table?.type === 'table' ? table.children?.[1] : undefined;
  if (row?.children?.length !== 3) fail('table row lost its cells');
  eq('escapeTableCell', textOf(row!.children![1]!), shown);
  const cellText = wordsOf(row!.children![2]!);
  for (const w of alnumWords(firstParagraph(s))) if (!cellText.includes(w)) fail(`specInline lost "${w}"`);

  const tds: AnyNode[] = [];
  walk(html!, (n) => (n.name === 'td' ? tds.push(n) : undefined));
  eq('escapeText in <td>', trimSpace(textOf(tds[0]!)), shown);
  eq('escapeText in <code>', trimSpace(textOf(tds[1]!)), shown);

  const blockText = section('zqxblock').map(wordsOf).join(' ');
  for (const w of alnumWords(s)) if (!blockText.includes(w)) fail(`specBlock lost "${w}"`);

  const fence = section('zqxfence');
  if (fence.length !== 1 || fence[0]!.type !== 'code' || fence[0]!.lang !== 'text') fail('code fence broken');
  eq('codeFence', fence[0]!.value!, s.replace(/\r\n?/g, '\n'));

  const [para, codeTable] = section('zqxcode');
  const spans: AnyNode[] = [];
  walk(para!, (n) => (n.type === 'inlineCode' ? spans.push(n) : undefined));
  const spanValue = fold(s);
  if (spanValue === '') {
    if (spans.length !== 0) fail('empty inlineCode produced a span');
  } else {
    if (spans.length !== 1) fail(`inlineCode spans: ${spans.length}`);
    eq('inlineCode', spans[0]!.value!, spanValue);
    const cell = codeTable?.children?.[1]?.children;
    if (cell?.length !== 1) fail('code table row lost its cell');
    eq('inlineCode in table', textOf(cell![0]!), spanValue);
  }

  // Compiling to JavaScript must succeed too (MDX's own later checks). This
  // reuses the parsed tree, which is no longer needed.
  const file = processor.stringify(processor.runSync(root as unknown as Parameters<typeof processor.runSync>[0]));
  if (typeof file !== 'string' || file.length === 0) fail('compile produced nothing');
}

// Pieces that start constructs in MDX, CommonMark, GFM, RST or Docusaurus.
const nasty = fc.constantFrom(
  '{', '}', '<', '>', '|', '\\', '`', '``', '```', '*', '**', '_', '__', '&', '&amp;', '&#123;', '&quot;',
  '&lt;b&gt;', '#', '## ', '$', '$$', '"', "'", '!', '~', '~~', '^', '=', '-', '+', ':', '::', '[', ']', '(', ')',
  '<img src=x onerror=alert(1)>', '<script>alert(1)</script>', '<Foo />', '<Foo>', '</Foo>', '<b>x</b>',
  '<!-- c -->', '<a href="javascript:alert(1)">x</a>', '{alert(1)}', '{/* c */}', '{...props}',
  "import x from 'y'", 'export const a = 1', '\nimport x from "y"\n', '\nexport const a = 1\n',
  '\nexport default function X() {}\n', '[a](javascript:alert(1))', '[a](http://x.com "t")', '[b][r]',
  '\n[r]: javascript:alert(1)\n', '\n[r]: http://r.example\n', '![i](http://x/i.png)', '![j](javascript:x)',
  '<https://x.y>', '<javascript:alert(1)>', '[a](<http://x.y/a b>)', '[a](http://x.y/(p)?q=|)', '[a](x.md)', '<a@b.co>', 'https://ex.com/a_b?x=1&y={2}|z', 'www.x.com',
  'a@b.co', '``code {x}``', '`CSV file\n  <https://x.y/z>`__', '`bad <javascript:alert(1)>`__',
  ':class:`Foo`', '\n:param name: str (optional)\n  The {name}.\n', ':returns: :class:`X`', '.. note:: ',
  '\n.. code::\n', '\n>>> x = {1}\n', '\n\n', '\n', '\r\n', '\r', '  ', '\t', '    ', '- ', '* ', '+ ', '1. ',
  '2) ', '> ', '---', '===', ':::note', '::leaf', ':dir[x]{a=1}', ':x:', '[^1]', '\n[^1]: foot\n', '|---|',
  '\n| a | b |\n|---|---|\n| c | d |\n', '\n```js meta\ncode\n```\n', '\n~~~\nx\n~~~\n', '\\|', '\\\\|',
  '\u00a0', '\u200b', 'é', '日本語', '🙂', 'Ω_β',
);
const word = fc.constantFrom('foo', 'Bar9', 'cluster_id', 'snake_case_x', 'a', 'x1', 'The', 'import', 'export');
const noise = fc.string({ unit: 'binary', maxLength: 4 });
const piece = fc.oneof({ arbitrary: nasty, weight: 5 }, { arbitrary: word, weight: 3 }, { arbitrary: fc.constant(' '), weight: 2 }, { arbitrary: noise, weight: 1 });
const untrusted = fc
  .array(piece, { maxLength: 14 })
  .map((parts) => parts.join(''))
  // Not representable in any MDX source (U+0000 reads back as U+FFFD; lone
  // surrogates cannot be encoded as UTF-8).
  .filter((s) => !s.includes('\u0000') && !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s));

describe('escaped spec strings are inert text in MDX', () => {
  it('hand-picked attacks', () => {
    for (const s of [
      '',
      ' ',
      '   ',
      'plain words',
      '<img src=x onerror=alert(1)>',
      '<script>alert(1)</script>',
      '{alert(1)}',
      "import x from 'y'",
      'export const a = 1',
      'text\nimport x from "y"\n\nexport const b = {}',
      '`a <javascript:alert(1)>`__ and `b <https://ok.example/p?q=1|2>`__',
      ':param x: str\n  <Foo bar={1} />\n:returns: :class:`Y`',
      '| a | b |\n|---|---|\n| {c} | <d> |',
      '\\|`|`\\\\|',
      ':::danger\nboom\n:::',
      'www.x.com``code {x}``',
      ':[a](javascript:alert(1))[a](<http://x.y/a b>)',
      '--- -',
      ' -\t- -',
    ]) {
      check(s);
    }
  });

  it('random mixes of markdown, MDX, RST and unicode', () => {
    // MDX_SAFETY_RUNS=20000 for a deeper search.
    const numRuns = Number(process.env.MDX_SAFETY_RUNS ?? 2000);
    fc.assert(fc.property(untrusted, (s) => check(s)), { numRuns });
  });

  it('real-looking prose survives unchanged', () => {
    const prose = fc
      .array(fc.oneof(word, fc.constantFrom(' ', ', ', '. ', ': ', ' (', ') ', '-', '/', "'", '"', '%', '=', '+', '@', '?', '!', ';')), {
        minLength: 1,
        maxLength: 20,
      })
      .map((p) => p.join('').replace(/ +/g, ' ').trim())
      // At a line start these begin a list, a setext line or ESM: escaped on purpose.
      .filter((s) => !/^(?:[-+=]|\d|(?:import|export) )/.test(s));
    fc.assert(
      fc.property(prose, (s) => {
        expect(escapeText(s)).toBe(s);
        expect(escapeTableCell(s)).toBe(s);
        expect(specInline(s)).toBe(s);
        check(s);
      }),
      { numRuns: 300 },
    );
  });
});
