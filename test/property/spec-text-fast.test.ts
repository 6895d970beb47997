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
  ':returns: :class:`X`', '\n', '\n\n', '\n  ', '\n    ', '\n- ', '\n* ', '\n1. ', '\n> ', '\n# ', '\n---\n',
  '\n===\n', '\n[r]: http://r.example\n', '\n```\nx\n```\n', ' ', '  ', '   ', '\t', '\u00a0', 'é', '日本', '🙂',
  'Ω_β', '\nimport x from "y"', '\nexport const a = 1', 'import ', 'export ', '\u200b', '\r\n',
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
      sentence.map((s) => `\n  ${s}`),
      fc.constant('\n\n'),
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map((parts) => parts.join(' '));

const runs = Number(process.env.SPEC_TEXT_RUNS ?? 3000);

describe('fast spec text == remark spec text', () => {
  it('on random mixes of markdown, RST and unicode', () => {
    const hits = { inline: 0, block: 0 };
    fc.assert(fc.property(description, (s) => agree(s, hits)), { numRuns: runs });
    // The comparison only means something if the fast path is taken often.
    expect(hits.inline).toBeGreaterThan(runs / 10);
    expect(hits.block).toBeGreaterThan(runs / 10);
  });

  it('on description-shaped text', () => {
    const hits = { inline: 0, block: 0 };
    fc.assert(fc.property(realistic, (s) => agree(s, hits)), { numRuns: runs });
    expect(hits.inline).toBeGreaterThan(runs / 3);
    expect(hits.block).toBeGreaterThan(runs / 3);
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
      'import this\nexport that',
    ]) {
      agree(s, hits);
    }
    expect(hits.inline).toBeGreaterThan(5);
    expect(hits.block).toBeGreaterThan(5);
  });
});
