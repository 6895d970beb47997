import { describe, expect, it } from 'vitest';
import {
  codeFence,
  escapeAttr,
  escapeTableCell,
  escapeText,
  inlineCode,
} from '../../generator/render/escape.js';
import { specBlock, specInline } from '../../generator/render/spec-text.js';

type Row = [input: string, expected: string];

function table(fn: (s: string) => string, rows: Row[]): void {
  it.each(rows)('%j', (input, expected) => {
    expect(fn(input)).toBe(expected);
  });
}

// Real descriptions from the Databricks specs: golden pages depend on them
// coming back byte for byte.
const REAL = [
  "Creates and returns a token for a user. If this call is made through token authentication, it creates a token with the same client ID as the authenticated token. If the user's token quota is exceeded, this call returns an error",
  'Bulk delete runs in an experiment that were created prior to or at the specified timestamp. Deletes at most max_runs per request. To call this API from a Databricks Notebook in Python, you can use the client code snippet on',
  'Logs a batch of metrics, params, and tags for a run. If any data failed to be persisted, the server will respond with an error (non-200 status code).',
  'Experimental: This API may change or be removed in a future release without warning.',
];

describe('escapeAttr', () => {
  table(escapeAttr, [
    ['databricks_workspace.compute.clusters', 'databricks_workspace.compute.clusters'],
    ['cluster_id, deployment_name', 'cluster_id, deployment_name'],
    ['', ''],
    ['say "hi"', 'say &quot;hi&quot;'],
    ['a & b', 'a &amp; b'],
    ['&amp;', '&amp;amp;'],
    ['a|b', 'a&#124;b'],
    ['line1\nline2\r\n', 'line1&#10;line2&#13;&#10;'],
    // Raw inside quoted attribute values in MDX.
    ["{x} <Y /> `z` \\ 'q'", "{x} <Y /> `z` \\ 'q'"],
  ]);
});

describe('escapeText', () => {
  table(escapeText, [
    ...REAL.map((s): Row => [s, s]),
    ['databricks_workspace.compute.clusters', 'databricks_workspace.compute.clusters'],
    ['cluster_id, deployment_name', 'cluster_id, deployment_name'],
    ['user_tokens', 'user_tokens'],
    ['é_é a:b C# x | y $x$ 100% AT&T !', 'é_é a:b C# x | y $x$ 100% AT&T !'],
    ['https://example.com/a_b and a@b.co', 'https://example.com/a_b and a@b.co'],
    ['', ''],
    ['a {b} <C/> c', 'a \\{b\\} \\<C/\\> c'],
    ['{alert(1)}', '\\{alert(1)\\}'],
    ['<img src=x onerror=alert(1)>', '\\<img src=x onerror=alert(1)\\>'],
    ['<script>alert(1)</script>', '\\<script\\>alert(1)\\</script\\>'],
    ['[a](javascript:alert(1))', '\\[a\\](javascript:alert(1))'],
    ['*bold* _it_ __x__ snake_case _lead trail_', '\\*bold\\* \\_it\\_ \\_\\_x\\_\\_ snake_case \\_lead trail\\_'],
    ['_', '\\_'],
    ['a\\b `c`', 'a\\\\b \\`c\\`'],
    ['~~strike~~', '\\~\\~strike\\~\\~'],
    ['AT&T &amp; &#123;', 'AT&T \\&amp; \\&#123;'],
    // Line-start constructs: the text may begin a line.
    ['import x from "y"', '&#x69;mport x from "y"'],
    ['export const a = 1', '&#x65;xport const a = 1'],
    ['# Title', '\\# Title'],
    ['foo #', 'foo \\#'],
    ['- item', '\\- item'],
    [' - lead', ' \\- lead'],
    ['1. first', '1\\. first'],
    ['2024) x', '2024\\) x'],
    ['---', '\\---'],
    ['==', '\\=='],
    // Found by the MDX-safety property test: a thematic break with spaces inside.
    ['--- -', '\\--- -'],
    ['-- -', '\\-- -'],
    ['  -\t-\t- ', '  \\-\t-\t- '],
    ['::: note', '\\::: note'],
    // Escapes inside a literal autolink would show: the link is broken instead.
    ['https://x.y/{a}', 'https\\://x.y/\\{a\\}'],
    ['www.x.y/a*', 'www\\.x.y/a\\*'],
    ['_a@b.co', '\\_a\\@b.co'],
    // Line endings fold, other characters stay.
    ['line1\n  line2\r\nline3', 'line1 line2 line3'],
    ['x | y', 'x | y'],
  ]);
});

describe('escapeTableCell', () => {
  table(escapeTableCell, [
    ...REAL.map((s): Row => [s, s]),
    ['x | y', 'x \\| y'],
    ['a\\|b', 'a\\\\\\|b'],
    ['one\ntwo', 'one two'],
    ['{x} <y>', '\\{x\\} \\<y\\>'],
  ]);
});

describe('inlineCode', () => {
  table((s) => inlineCode(s), [
    ['string', '`string`'],
    ['a`b', '``a`b``'],
    ['`a`', '`` `a` ``'],
    ['``', '``` `` ```'],
    ['x ``` y', '````x ``` y````'],
    [' a ', '`  a  `'],
    ['   ', '`   `'],
    [' \u00a0 ', '`  \u00a0  `'],
    ['', ''],
    ['{alert(1)} <b>', '`{alert(1)} <b>`'],
    ['a\nb', '`a b`'],
    ['a|b', '`a|b`'],
  ]);
  describe('in a table cell', () => {
    table((s) => inlineCode(s, { tableCell: true }), [
      ['string', '`string`'],
      ['a|b', '`a\\|b`'],
      // GFM keeps `\\` but unescapes `\|` in code: no code span can show `\|`.
      ['a\\|b', '<code>a\\\\\\|b</code>'],
    ]);
  });
});

describe('codeFence', () => {
  table((s) => codeFence(s, 'sql'), [
    ['SELECT 1;', '```sql\nSELECT 1;\n```'],
    ['a\n```\nb', '````sql\na\n```\nb\n````'],
    ['````', '`````sql\n````\n`````'],
    ['x\r\ny', '```sql\nx\ny\n```'],
    ["WHERE id = '{{ id }}' <x>", "```sql\nWHERE id = '{{ id }}' <x>\n```"],
  ]);
  it('rejects an info string that would break the fence', () => {
    expect(() => codeFence('x', 'a`b')).toThrow();
    expect(() => codeFence('x', 'a\nb')).toThrow();
  });
});

describe('specInline', () => {
  table(specInline, [
    ...REAL.map((s): Row => [s, s]),
    // YAML-folded lines and runs of spaces fold into single spaces.
    [
      'Creates and returns a token for a user. If this call is made through token\nauthentication, it creates a token with the same client ID as the authenticated token.',
      'Creates and returns a token for a user. If this call is made through token authentication, it creates a token with the same client ID as the authenticated token.',
    ],
    ['  spaced\n  out   text  ', 'spaced out text'],
    ['Lists all the valid tokens.\n\n:param x: str', 'Lists all the valid tokens.'],
    ['Use ``policy_id`` and :class:`BudgetPolicy`.', 'Use `policy_id` and `BudgetPolicy`.'],
    [
      'See `CSV file schema\n  <https://docs.databricks.com/x.html#schema>`__.',
      'See [CSV file schema](https://docs.databricks.com/x.html#schema).',
    ],
    ['Click `here <javascript:alert(1)>`__ now', 'Click here now'],
    ['[link](http://x.y) and [bad](javascript:alert(1))', '[link](http://x.y) and bad'],
    ['![img](http://x.y/a.png)', '[img](http://x.y/a.png)'],
    ['A <img src=x onerror=alert(1)> tag', 'A \\<img src=x onerror=alert(1)\\> tag'],
    ['<script>alert(1)</script>', '\\<script\\>alert(1)\\</script\\>'],
    ['Use <ACCOUNT_ID> here', 'Use \\<ACCOUNT_ID\\> here'],
    ['Run {alert(1)} now', 'Run \\{alert(1)\\} now'],
    ['Format ``/subscriptions/{guid}/x``', 'Format `/subscriptions/{guid}/x`'],
    ['Values: A | B | C', 'Values: A \\| B \\| C'],
    ['Code `a|b`', 'Code `a\\|b`'],
    ['A *bold* claim', 'A *bold* claim'],
    ['.. note:: Experimental: may change', '**Note:** Experimental: may change'],
    ['import x from "y"', '&#x69;mport x from "y"'],
    ['- a list\n- of two', '\\- a list - of two'],
    ['2) second', '2\\) second'],
    [':foo[x](http://x.y)', '\\:foo[x](http://x.y)'],
    ['see https://x.com/a_b.', 'see https://x.com/a_b.'],
    // The autolink would run over the backtick and free the braces.
    ['www.x.com``code {x}``', '[www.x.com\\`\\`code](http://www.x.com%60%60code) \\{x\\}\\`\\`'],
  ]);
});

describe('specBlock', () => {
  table(specBlock, [
    ...REAL.map((s): Row => [s, s]),
    ['Line one\nline two.\n\n\n\nSecond paragraph.', 'Line one\nline two.\n\nSecond paragraph.'],
    [
      'Creates a new policy.\n\n:param policy: :class:`BudgetPolicy` (optional)\n  The policy to create. ``policy_id`` needs to be empty.\n:param request_id: str (optional)\n  A unique identifier.\n\n:returns: :class:`BudgetPolicy`',
      'Creates a new policy.\n\n- `policy` (`BudgetPolicy`, optional): The policy to create. `policy_id` needs to be empty.\n- `request_id` (str, optional): A unique identifier.\n\n**Returns:** `BudgetPolicy`',
    ],
    ['Deletes a policy\n\n:param policy_id: str\n  The Id of the policy.', 'Deletes a policy\n\n- `policy_id` (str): The Id of the policy.'],
    ['# Heading\n\ntext {x} <y>', '**Heading**\n\ntext \\{x\\} \\<y\\>'],
    ['export the data\n\nimport it', '&#x65;xport the data\n\n&#x69;mport it'],
    ['>>> x = 1\n>>> x\n1', '```python\n>>> x = 1\n>>> x\n1\n```'],
    ['- a\n- b {c}', '- a\n- b \\{c\\}'],
    ['<script>alert(1)</script>\n\ntext', '\\<script\\>alert(1)\\</script\\>\n\ntext'],
    // RST is rewritten in prose only, never inside code blocks.
    [
      'And :class:`C` and `d <http://e.f>`_\n\n```\n:class:`D`\n```',
      'And `C` and [d](http://e.f)\n\n```\n:class:`D`\n```',
    ],
  ]);
});

describe('caching', () => {
  it('returns the same string for a repeated description', () => {
    const d = 'Cached {once} <twice>';
    expect(specInline(d)).toBe(specInline(d));
    expect(specBlock(d)).toBe(specBlock(d));
  });
});
