import { describe, expect, it } from 'vitest';
import { badNames, emptyInserts, sqlBlocks, tabValues } from '../helpers/sql-check.js';

// The checker the registry-wide SQL test relies on: it must find what it looks for.

describe('sql-check finds bad names in every position', () => {
  it.each([
    ['SELECT\nid,\nx-y\nFROM p.s.r;', ['SELECT list: x-y']],
    ["SELECT\n\"x-y\",\n\"a\"\"b\"\nFROM p.s.r\nWHERE a.b = '{{ a.b }}';", ['WHERE/SET left-hand side: a.b']],
    ["DELETE FROM p.s.r\nWHERE id = '{{ id }}' AND\n$filter = '{{ $filter }}';", ['WHERE/SET left-hand side: $filter']],
    ["SELECT\nid\nFROM p.s.r\n-- AND @odata.type = '{{ t }}'\n;", ['WHERE/SET left-hand side: @odata.type']],
    ["UPDATE p.s.r\nSET\ndata__spec.cluster = '{{ c }}'\nWHERE id = 1;", ['WHERE/SET left-hand side: data__spec.cluster']],
    ["INSERT INTO p.s.r (\nid,\ndata__x-y\n)\nSELECT\n'{{ id }}',\n'{{ x-y }}'\nRETURNING\nok,\nx.y\n;", ['INSERT column list: data__x-y', 'RETURNING list: x.y']],
    ["EXEC p.s.r.run\n@x-run = '{{ x }}',\n-- , @\"ok\" = 1\n@@json =\n'{\n\"a-b\": \"{{ a-b }}\"\n}'\n;", ['EXEC argument: x-run']],
    ["SELECT\n\"@odata.type\"\nFROM p.s.r\nWHERE \"x-amz-account-id\" = '{{ x-amz-account-id }}';", []],
  ])('%j', (sql, expected) => {
    expect(badNames(sql).map((p) => `${p.where}: ${p.name}`)).toEqual(expected);
  });
});

describe('sql-check finds INSERTs without columns', () => {
  it.each([
    ['INSERT INTO p.s.r (\n)\nSELECT\n;', 1],
    ['INSERT INTO p.s.r\nSELECT\n;', 1],
    ["INSERT INTO p.s.r (\na\n)\nSELECT\n'{{ a }}';", 0],
  ])('%j', (sql, count) => {
    expect(emptyInserts(sql)).toHaveLength(count);
  });
});

it('reads sql blocks outside the SQL definition section, and tab values', () => {
  const page = "## `SELECT` examples\n\n```sql\nSELECT\nx-y\nFROM t\n```\n\n## SQL definition\n\n```sql\nSELECT JSON_EXTRACT(a, '$.b') as c\n```\n";
  expect(sqlBlocks(page)).toEqual(['SELECT\nx-y\nFROM t']);
  expect(tabValues("<Tabs\n    values={[\n { label: 'a', value: 'create' },\n { label: 'b', value: 'create' }\n    ]}\n>")).toEqual([['create', 'create']]);
});
