/**
 * The HTML regions of the detailed layout (generator/render/spec-html.ts): spec text as HTML,
 * names, and the JavaScript string that carries a region through MDX.
 */
import { createProcessor } from '@mdx-js/mdx';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breakableHtml, copyableHtml, escapeHtml, htmlJsString, htmlRegion, markdownLineToHtml } from '../../generator/render/spec-html.js';
import { specInline } from '../../generator/render/spec-text.js';

const processor = createProcessor({ format: 'mdx' });

describe('markdownLineToHtml: the inline helper\'s MDX-safe markdown as HTML', () => {
  it.each([
    ['plain text', 'Plain text.', 'Plain text.'],
    ['code', 'Set `a_b` first', 'Set <code>a_b</code> first'],
    ['emphasis and strong', '*one* and **two**', '<em>one</em> and <strong>two</strong>'],
    ['an external link opens a new tab', '[docs](https://example.com/a?b=1&c=2)', "<a href='https://example.com/a?b=1&amp;c=2' target='_blank' rel='noopener noreferrer'>docs</a>"],
    ['mailto', '[mail](mailto:a@example.com)', "<a href='mailto:a@example.com'>mail</a>"],
    ['a link that is neither http(s) nor mailto keeps its label only', '[get](#method-get)', 'get'],
    ['an unsafe link keeps its label only', '[x](javascript:void)', 'x'],
    ['MDX escapes are markdown escapes', '\\<script>alert(1)\\</script> \\{x\\}', '&lt;script&gt;alert(1)&lt;/script&gt; {x}'],
    ['quotes in text', 'say "hi" it\'s', 'say &quot;hi&quot; it&#39;s'],
    ['an escaped table pipe', 'a \\| b', 'a | b'],
    ['empty', '', ''],
  ])('%s', (_name, markdown, html) => {
    expect(markdownLineToHtml(markdown)).toBe(html);
  });

  it.each([
    ['a character reference', '&#x3C;b> tag', '&#x3C;b> tag'],
    ['a GFM autolink', 'see https://example.com now', "see <a href='https://example.com' target='_blank' rel='noopener noreferrer'>https://example.com</a> now"],
    ['strikethrough', '~~old~~ new', '<del>old</del> new'],
    ['an image becomes its alt text', '![diagram](https://example.com/x.png)', 'diagram'],
    ['raw HTML is dropped, its text kept', 'a <b onclick="x()">b</b>', 'a b'],
    ['an unsafe link keeps its label only', '[x](javascript:alert(1))', '<span>x</span>'],
  ])('beyond the fast path, %s', (_name, markdown, expected) => {
    const html = markdownLineToHtml(markdown);
    // hast-util-to-html picks its own quoting; compare what a browser would read.
    const normal = html.replace(/"/g, "'").replace(/&#x3C;/g, '&lt;');
    expect(normal).toBe(expected.replace(/&#x3C;/g, '&lt;'));
  });

  it('every spec string comes out as text inside the tags this module writes', () => {
    const allowed = new Set(['code', 'em', 'strong', 'a', 'del', 'br', 'span']);
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('<', '>', '"', "'", '&', '{', '}', '`', '*', '_', '[', ']', '(', ')', ':', '/', 'a', 'j', ' ', 'script', 'onerror=', 'javascript:', 'https://x.y', '\\', '|', '!') }), (s) => {
        const html = markdownLineToHtml(specInline(s));
        for (const m of html.matchAll(/<\/?([a-zA-Z][\w-]*)([^>]*)>/g)) {
          expect(allowed.has(m[1]!), `tag ${m[0]} in ${html}`).toBe(true);
          expect(m[2]!, `attributes of ${m[0]}`).toMatch(/^(?:\s+(?:href|target|rel)=(?:'[^']*'|"[^"]*"))*\s*$/);
          const href = /href=['"]([^'"]*)/.exec(m[2]!);
          if (href) expect(href[1]).toMatch(/^(?:https?:\/\/|mailto:)/i);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('names', () => {
  it('break after _ and . only, and copy as written', () => {
    expect(breakableHtml('cluster_policy.id')).toBe('cluster_<wbr>policy.<wbr>id');
    expect(breakableHtml('trailing_')).toBe('trailing_');
    expect(copyableHtml("x' onmouseover='alert(1)")).toBe("<code class='pd-copyable'>x&#39; onmouseover=&#39;alert(1)</code>");
    expect(copyableHtml('a_b', "method-a' x='")).toBe("<code class='pd-copyable' id='method-a&#39; x=&#39;'>a_<wbr>b</code>");
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe('htmlJsString: a region through MDX', () => {
  /** The `__html` string MDX reads back from a region. */
  function readBack(html: string): unknown {
    const mdx = `Before\n\n<div className="pd-html" dangerouslySetInnerHTML={{__html: ${htmlJsString(html)}}} />\n\nAfter\n`;
    const tree = processor.parse(mdx) as unknown as { children: { type: string; attributes?: { name: string; value: { value: string } }[] }[] };
    const regions = tree.children.filter((c) => c.type === 'mdxJsxFlowElement');
    expect(regions).toHaveLength(1);
    const attr = regions[0]!.attributes!.find((a) => a.name === 'dangerouslySetInnerHTML')!;
    // The attribute's expression, evaluated as the compiled page would.
    return (new Function(`return (${attr.value.value});`) as () => { __html: unknown })().__html;
  }

  it.each([
    ['quotes and braces', `"}} /><script>alert(1)</script>{x}`],
    ['backslashes and line ends', 'a\\b\\u0041\nc\r\n\u2028\u2029'],
    ['MDX syntax', '<Tabs>{props.x}</Tabs> import x from "y"\nexport const a = 1'],
    ['a method reference marker', '<code>\uE000jobs/get</code>'],
  ])('%s', (_name, html) => {
    expect(readBack(html)).toBe(html);
  });

  it('any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(readBack(s)).toBe(s);
        expect(htmlJsString(s)).not.toMatch(/[{}\u2028\u2029]/);
      }),
      { numRuns: 300 },
    );
  });
});

describe('htmlRegion: a region with anchors through MDX', () => {
  type Attr = { name: string; value: string | { value: string } };
  /** The region element MDX reads, its attributes evaluated as the compiled page would. */
  function readBack(html: string, anchors: readonly string[]): { name: string; props: Record<string, unknown> } {
    const tree = processor.parse(`Before\n\n${htmlRegion(html, anchors)}\nAfter\n`) as unknown as { children: { type: string; name: string; attributes: Attr[] }[] };
    const regions = tree.children.filter((c) => c.type === 'mdxJsxFlowElement');
    expect(regions).toHaveLength(1);
    const props = Object.fromEntries(
      regions[0]!.attributes.map((a) => [a.name, typeof a.value === 'string' ? a.value : (new Function(`return (${a.value.value});`) as () => unknown)()]),
    );
    return { name: regions[0]!.name, props };
  }

  it('a plain div without anchors, HtmlRegion with them', () => {
    expect(readBack('<p>x</p>', [])).toEqual({ name: 'div', props: { className: 'pd-html', dangerouslySetInnerHTML: { __html: '<p>x</p>' } } });
    expect(readBack('<p>x</p>', ['method-get', 'parameter-a.b'])).toEqual({ name: 'HtmlRegion', props: { anchors: ['method-get', 'parameter-a.b'], html: '<p>x</p>' } });
  });

  it('any anchors and markup', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 4 }), (html, anchors) => {
        expect(readBack(html, anchors)).toEqual({ name: 'HtmlRegion', props: { anchors, html } });
      }),
      { numRuns: 200 },
    );
  });
});
