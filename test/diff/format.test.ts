import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import { diffRegistries } from '../../generator/diff/diff-registries.js';
import { code, formatMarkdown, REPORT_TITLE } from '../../generator/diff/format-markdown.js';
import { formatJson } from '../../generator/diff/format-json.js';
import { field, one, prov, reg, res, svc } from './model.js';

const labels = { base: 'base/specs', head: 'specs' };

interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
}

function parse(md: string): MdNode {
  return remark().use(remarkGfm).parse(md) as unknown as MdNode;
}

function nodes(tree: MdNode, type: string): MdNode[] {
  const out: MdNode[] = [];
  const walk = (n: MdNode) => {
    if (n.type === type) out.push(n);
    n.children?.forEach(walk);
  };
  walk(tree);
  return out;
}

describe('code spans', () => {
  it.each([
    ['plain', 'users', '`users`'],
    ['one backtick inside', 'a`b', '``a`b``'],
    ['a run of two', 'a``b', '```a``b```'],
    ['starts with a backtick', '`a', '`` `a ``'],
    ['ends with a backtick', 'a`', '`` a` ``'],
    ['surrounded by spaces', ' a ', '`  a  `'],
    ['newline becomes a space', 'a\nb', '`a b`'],
    ['HTML stays text', '<img src=x onerror=alert(1)>', '`<img src=x onerror=alert(1)>`'],
    ['bidi override removed', 'a\u202eb', '`a b`'],
    ['empty', '', '_(empty)_'],
  ])('%s', (_label, input, expected) => {
    expect(code(input)).toBe(expected);
  });

  it('any text parses back to one inline code node with that text', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 20, unit: fc.constantFrom('a', '`', ' ', '<', '>', '|', '*', '_', '\\', '[', ']', '\n', '&', 'é') }), (s) => {
        const spanned = code(s);
        const tree = parse(`- x ${spanned} y\n`);
        const codes = nodes(tree, 'inlineCode');
        expect(codes).toHaveLength(1);
        expect(codes[0]!.value).toBe(s.replace(/\n/g, ' '));
        expect(nodes(tree, 'html')).toHaveLength(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('markdown report', () => {
  const evil = '<script>alert(1)</script>`x`|y';
  const base = one(res('p.s.old', { list: { op: 'get /old' } }, [field('a')]), res('p.s.kept', { m: {} }, [field('t', 'string')]));
  const head = one(res('p.s.new', { list: { op: 'get /old' } }), res('p.s.kept', { m: { verbs: ['exec'] }, [evil]: {} }, [field('t', 'integer'), field(evil, evil)]));
  const md = formatMarkdown(diffRegistries(base, head), labels);

  it('starts with the title, the two sides and the counts table', () => {
    const lines = md.split('\n');
    expect(lines[0]).toBe(REPORT_TITLE);
    expect(lines[2]).toBe('Base `base/specs` → head `specs`.');
    expect(lines.slice(4, 11)).toEqual([
      '| | added | removed | changed |',
      '| --- | ---: | ---: | ---: |',
      '| providers | 0 | 0 | 1 |',
      '| services | 0 | 0 | 1 |',
      '| resources | 1 | 1 | 1 |',
      '| methods | 2 | 1 | 1 |',
      '| fields | 1 | 1 | 1 |',
    ]);
  });

  it('notes likely moves beside the counts', () => {
    expect(md).toContain('- likely move: `p.s.old` -> `p.s.new` (1 of 1 operation)');
    expect(md.indexOf('likely move:')).toBeLessThan(md.indexOf('### Provider'));
  });

  it('says which fields it compares', () => {
    expect(md).toMatch(/Fields are the top-level fields of each resource's Fields table/);
  });

  it('lists the changes per provider, service and resource', () => {
    expect(md).toContain('### Provider `p` (changed)');
    expect(md).toContain('#### Service `s` (changed)');
    expect(md).toContain('- Resources added (1):\n  - `p.s.new`: 1 method (`list`), 0 fields');
    expect(md).toContain('- Resources removed (1):\n  - `p.s.old`: 1 method (`list`), 1 field');
    expect(md).toContain('- Resource `p.s.kept` changed:');
    expect(md).toContain('  - method changed: `m`: verbs SELECT → EXEC');
    expect(md).toContain('  - field retyped: `t` `string` → `integer`');
  });

  it('spec text appears only inside code spans: no HTML, no tables, no emphasis from it', () => {
    const tree = parse(md);
    expect(nodes(tree, 'html')).toEqual([]);
    expect(nodes(tree, 'table')).toHaveLength(1);
    const codes = nodes(tree, 'inlineCode').map((n) => n.value);
    expect(codes).toContain(evil);
    const text = nodes(tree, 'text').map((n) => n.value).join(' ');
    expect(text).not.toContain('script');
  });

  it('reports no differences', () => {
    const same = formatMarkdown(diffRegistries(one(res('p.s.r', { a: {} })), one(res('p.s.r', { a: {} }))), labels);
    expect(same).toContain('\nNo differences.\n');
    expect(same).not.toContain('### Provider');
  });

  it('cuts a long report at whole lines, within the limit, and says so', () => {
    const many = one(...Array.from({ length: 300 }, (_, i) => res(`p.s.r${i}`, { a: {} }, [field('f')])));
    const full = formatMarkdown(diffRegistries(one(), many), labels);
    expect(full.length).toBeGreaterThan(5000);
    const cut = formatMarkdown(diffRegistries(one(), many), { ...labels, maxChars: 5000 });
    expect(cut.length).toBeLessThanOrEqual(5000);
    expect(cut).toMatch(/_Report truncated: \d+ more lines not shown\./);
    const kept = cut.split('\n_Report truncated')[0]!;
    expect(full.startsWith(kept)).toBe(true);
    expect(formatMarkdown(diffRegistries(one(), many), { ...labels, maxChars: full.length })).toBe(full);
  });
});

describe('json report', () => {
  const base = reg(prov('p', [svc('s', [res('p.s.old', { b: { op: 'get /1' }, a: { op: 'get /2' } })])]));
  const head = reg(prov('p', [svc('s', [res('p.s.new', { a: { op: 'get /2' }, b: { op: 'get /1' } }, [field('z'), field('y')])])]));

  it('is the diff as data, keys sorted at every level', () => {
    const text = formatJson(diffRegistries(base, head), labels);
    const data = JSON.parse(text);
    expect(Object.keys(data)).toEqual(['base', 'counts', 'head', 'moves', 'providers']);
    expect(data.counts.resources).toEqual({ added: 1, changed: 0, removed: 1 });
    expect(data.moves).toEqual([{ from: 'p.s.old', of: 2, operations: ['GET /1', 'GET /2'], provider: 'p', to: 'p.s.new' }]);
    const sortedEverywhere = (v: unknown): boolean =>
      Array.isArray(v)
        ? v.every(sortedEverywhere)
        : v !== null && typeof v === 'object'
          ? Object.keys(v).join() === Object.keys(v).sort().join() && Object.values(v).every(sortedEverywhere)
          : true;
    expect(sortedEverywhere(data)).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('does not depend on the order of the model', () => {
    const head2 = reg(prov('p', [svc('s', [res('p.s.new', { b: { op: 'get /1' }, a: { op: 'get /2' } }, [field('y'), field('z')])])]));
    expect(formatJson(diffRegistries(base, head2), labels)).toBe(formatJson(diffRegistries(base, head), labels));
  });
});
