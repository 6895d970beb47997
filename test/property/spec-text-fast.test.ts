/**
 * The fast path of spec-text.ts against its reference: whenever
 * `fastInline` / `fastBlock` return a string, it must be byte for byte what
 * the remark path returns for the same markdown. Inputs are random mixes of
 * the constructs where the two could disagree; real descriptions are checked
 * in test/spec-runs/spec-text-fast-real.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { __internal } from '../../generator/render/spec-text.js';
import { fastBlock, fastInline } from '../../generator/render/spec-text-fast.js';
import { remarkBlock, remarkInline } from '../../generator/render/spec-text-remark.js';

const { inlineMarkdown, blockMarkdown } = __internal;

/** Compares both paths on one description, counting where the fast path applied. */
function agree(description: string, hits: { inline: number; block: number }): void {
  const line = inlineMarkdown(description);
  const inline = fastInline(line);
  if (inline !== undefined) {
    hits.inline++;
    expect(inline, `inline ${JSON.stringify(line)}`).toBe(remarkInline(line));
  }
  const block = blockMarkdown(description);
  const fast = fastBlock(block);
  if (fast !== undefined) {
    hits.block++;
    expect(fast, `block ${JSON.stringify(block)}`).toBe(remarkBlock(block));
  }
}

// Pieces that start, end or change a construct for remark or the serializer,
// weighted towards what descriptions use.
const tricky = fc.constantFrom(
  '*', '**', '***', '_', '__', '`', '``', '```', '[', ']', '](', '](http://x.y/z)', '](<https://x.y/a b>)',
  '](:method:svc/get)', '](javascript:alert(1))', '](mailto:a@b.c)', '](http://x.y/a_(b)', '](https://x.y/?a=1&b=2)',
  '(', ')', '!', '![', '|', '{', '}', '<', '>', '<b>', '</b>', '<x@y.z>', '&', '&amp;', '&#123;', '&x', '\\', '\\*',
  '\\[', '\\_', '\\\\', '#', '## ', '"', "'", '“', '’', '—', '-', '+', '=', '~', ':', '::', ':-', '.', '..', ',',
  ';', '?', '@', '%', '^', '$', '/', '0', '1.', '2)', '1. ', 'w.', 'W.w.x', 'www.', 'www.x.com', 'http://', 'https://x.y/p_q',
  'a@b.co', 'e.g.', 'i.e.', 'snake_case', '_x_', '__x__', '**x**', '**"**', '**MANAGE ALLOWLIST**', '(as **Info**)',
  '`code`', '``co`de``', '` x `', '`a|b`', '`\\|`', ':class:`Foo`', ':method:svc/op', '`Text <https://x.y/a_b>`__',
  '`bad <javascript:x>`__', '`<https://x.y>`__', '.. note:: ', ':param name: str (optional)\n  The {name}.',
  ':returns: :class:`X`', '\n', '\n\n', '\n  ', '\n    ', '\n- ', '\n* ', '\n+ ', '\n1. ', '\n2) ', '\n10. ', '\n  - ',
  '\n   - ', '\n    - ', '\n  1. ', '\n> ', '\n# ', '\n---\n',
  '\n===\n', '\n[r]: http://r.example\n', '\n```\nx\n```\n', ' ', '  ', '   ', '\t', '\u00a0', 'é', '日本', '🙂',
  'Ω_β', '\nimport x from "y"', '\nexport const a = 1', 'import ', 'export ', '\u200b', '\r\n', '<Databricks>',
  '<name_of_pool>', '</b>', '<a b=c>', '<x:y>', '<a\nb>', '`a\nb`', '``x \n y``', '[*Reset*\nendpoint](:method:jobs/reset)',
  '[**b** c](https://x.y)', '\n1000. x', '\n-photon-', '\n#tag', '\n=', '\n+x', '[r]', '[R]', '[ r ]', '[r][]', '[r][x]',
  '\n[r]: javascript:x\n', '\n[R]: http://a.b/c?d=1\n', '\n  [r]: https://r.example/a_b', '\n[x]:http://x.y',
);
const word = fc.constantFrom('foo', 'Bar9', 'cluster_id', 'The', 'a', 'x1', 'ALL CAPS', 'w', 's', 'import', 'export', 'see', 'p');
const description = fc
  .array(fc.oneof({ arbitrary: tricky, weight: 5 }, { arbitrary: word, weight: 4 }, { arbitrary: fc.constant(' '), weight: 3 }), {
    maxLength: 24,
  })
  .map((parts) => parts.join(''));

// Shaped like real descriptions: sentences with a few constructs, field lists.
const sentence = fc
  .array(fc.oneof({ arbitrary: word, weight: 6 }, { arbitrary: tricky, weight: 1 }), { minLength: 1, maxLength: 10 })
  .map((w) => w.join(' '));
const realistic = fc
  .array(
    fc.oneof(
      sentence,
      sentence.map((s) => `**${s}**`),
      sentence.map((s) => `\`${s}\``),
      sentence.map((s) => `[${s}](https://docs.example.com/a_b)`),
      sentence.map((s) => `\`${s} <https://docs.example.com/x>\`__`),
      sentence.map((s) => `\n:param ${s.split(' ')[0]}: str (optional)\n  ${s}\n`),
      sentence.map((s) => `\n\n- ${s}\n- ${s}\n\n`),
      sentence.map((s) => `\n\n1. ${s}\n2. ${s}\n`),
      sentence.map((s) => `\n  Supported values:\n\n  - ${s}\n  - ${s}\n`),
      sentence.map((s) => `\n  - ${s}\n    ${s}\n`),
      word.map((w) => `see [${w}] or [${w.toUpperCase()}]`),
      word.map((w) => `\n\n[${w}]: https://docs.example.com/${w}\n`),
      sentence.map((s) => `\n  ${s}`),
      fc.constant('\n\n'),
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map((parts) => parts.join(' '));

// Paragraphs and (nested, ordered, loose) lists, indented the way
// CommonMark reads them, with lazy and over-indented continuation lines.
const inlineBit = fc.constantFrom(
  '**x**', '`code`', '`co\nde`', '[a](https://x.y/a_b)', '[*a*\nb](http://x.y)', '_x_', '*y*', ',', '.', ':', '(as **Info**)',
  '"q"', '{a}', '<Name>', '\n2. x', '\n-x', '\n#x', '[r]', '[S]',
);
const lineText = fc
  .array(fc.oneof({ arbitrary: word, weight: 6 }, { arbitrary: inlineBit, weight: 1 }), { minLength: 1, maxLength: 8 })
  .map((w) => w.join(' '));
const paragraphLines = fc.oneof(
  {
    arbitrary: fc.constantFrom(['[r]: https://r.example/a_b'], ['[S]: javascript:x', '[r]: http://x.y'], ['[r]: http://x.y', '"t"']),
    weight: 1,
  },
  {
    arbitrary: fc
      .tuple(fc.array(lineText, { minLength: 1, maxLength: 3 }), fc.constantFrom('', '', ' ', '  ', '    '))
      .map(([lines, indent]) => lines.map((l, i) => (i === 0 ? l : indent + l))),
    weight: 6,
  },
);
function container(depth: number): fc.Arbitrary<string[]> {
  return fc
    .tuple(paragraphLines, fc.array(fc.tuple(fc.boolean(), depth > 0 ? fc.oneof(paragraphLines, list(depth)) : paragraphLines), { maxLength: 2 }))
    .map(([first, rest]) => [...first, ...rest.flatMap(([blank, lines]) => (blank ? ['', ...lines] : lines))]);
}
function list(depth: number): fc.Arbitrary<string[]> {
  return fc
    .record({
      marker: fc.constantFrom('-', '-', '*', '+', '1.', '1.', '2.', '1)', '9.'),
      items: fc.array(container(depth - 1), { minLength: 1, maxLength: 3 }),
      loose: fc.boolean(),
    })
    .map(({ marker, items, loose }) =>
      items.flatMap((lines, k) => {
        const bullet = /\d/.test(marker) ? `${Number.parseInt(marker, 10) + k}${marker.slice(-1)}` : marker;
        const indent = ' '.repeat(bullet.length + 1);
        const out = lines.map((l, i) => (i === 0 ? `${bullet} ${l}` : l ? indent + l : ''));
        return loose && k > 0 ? ['', ...out] : out;
      }),
    );
}
const structured = container(2).map((lines) => lines.join('\n'));

const runs = Number(process.env.SPEC_TEXT_RUNS ?? 3000);

describe('fast spec text == remark spec text', () => {
  it('on random mixes of markdown, RST and unicode', () => {
    const hits = { inline: 0, block: 0 };
    fc.assert(fc.property(description, (s) => agree(s, hits)), { numRuns: runs });
    // The comparison only means something if the fast path is taken often
    // (about half the time here).
    expect(hits.inline).toBeGreaterThan(runs / 4);
    expect(hits.block).toBeGreaterThan(runs / 4);
  });

  it('on description-shaped text', () => {
    const hits = { inline: 0, block: 0 };
    fc.assert(fc.property(realistic, (s) => agree(s, hits)), { numRuns: runs });
    expect(hits.inline).toBeGreaterThan(runs / 3);
    expect(hits.block).toBeGreaterThan(runs / 5);
  });

  it('on paragraphs and lists', () => {
    const hits = { inline: 0, block: 0 };
    fc.assert(fc.property(structured, (s) => agree(s, hits)), { numRuns: runs });
    expect(hits.block).toBeGreaterThan(runs / 2);
  });

  it('on hand-picked cases', () => {
    const hits = { inline: 0, block: 0 };
    for (const s of [
      'The caller must have the **MANAGE ALLOWLIST** privilege.',
      'If the __owner__ field is set to the empty string (**""**), it is reset.',
      'Gets an array of credentials (as __CredentialInfo__ objects).',
      'See `CSV file schema <https://docs.databricks.com/x.html#schema>`__ for details.',
      'You can retrieve it via [Get X](:method:genie/getx).',
      'See :method:settingsv2/listaccountsettingsmetadata for the list.',
      'Use `snake_case` names, e.g. "cluster_id" or \'x\'.',
      'Creates a policy.\n\n:param policy: :class:`Policy` (optional)\n  The policy. ``policy_id`` must be empty.\n\n:returns: :class:`Policy`',
      'A list:\n\n- one\n- two\n\n  more about two\n\nThe end.',
      ':param x: str\n  Supported values:\n\n  - Must be > 0\n  - Must be <= 40\n\n  Defaults to 1',
      'Steps:\n\n1. **MANAGE** on the catalog\n2. **USE_SCHEMA** on the\n   schema\n\nDone.',
      'import this\nexport that',
    ]) {
      agree(s, hits);
    }
    expect(hits.inline).toBeGreaterThan(5);
    expect(hits.block).toBeGreaterThan(5);
  });
});
