// Reads the SQL examples of a generated page and reports what StackQL could
// not parse: names that are neither plain identifiers nor double-quoted, and
// INSERTs without a column list. Also reads the values of every <Tabs>.
// The view DDL shown under "SQL definition" is the spec's own SQL and is not
// checked.

const NAME = String.raw`("(?:[^"]|"")*"|[^\s=,()]+)`;
const PLAIN = /^[A-Za-z_][A-Za-z0-9_]*$/;
const QUOTED = /^"(?:[^"]|"")*"$/;

export interface SqlProblem {
  readonly where: string;
  readonly name: string;
  readonly line: string;
}

/** Values of every `<Tabs>` on a page, one list per Tabs. */
export function tabValues(page: string): string[][] {
  return [...page.matchAll(/<Tabs[\s\S]*?values=\{\[([\s\S]*?)\]\s*\}/g)].map((m) => [...m[1]!.matchAll(/value: '([^']*)'/g)].map((x) => x[1]!));
}

/** The SQL code blocks of a page, outside its `SQL definition` section. */
export function sqlBlocks(page: string): string[] {
  const out: string[] = [];
  for (const section of page.split(/\n(?=## )/)) {
    if (section.startsWith('## SQL definition')) continue;
    for (const m of section.matchAll(/^(`{3,})sql\n([\s\S]*?)\n\1$/gm)) out.push(m[2]!);
  }
  return out;
}

const ok = (name: string) => PLAIN.test(name) || QUOTED.test(name);

/** Every name in a SELECT list, WHERE/AND/SET left-hand side, INSERT column list, RETURNING list or EXEC argument that is not an identifier. */
export function badNames(sql: string): SqlProblem[] {
  const problems: SqlProblem[] = [];
  const check = (where: string, name: string, line: string) => {
    if (!ok(name)) problems.push({ where, name, line });
  };
  const lines = sql.split('\n');
  let list: 'select' | 'insert' | 'returning' | undefined;
  const isInsert = lines.some((l) => l.startsWith('INSERT INTO '));
  for (const raw of lines) {
    const line = raw.trim();
    if (list === 'select') {
      if (line.startsWith('FROM ')) list = undefined;
      else if (line !== '*') check('SELECT list', line.replace(/,$/, ''), raw);
      continue;
    }
    if (list === 'insert') {
      if (line === ')') list = undefined;
      else check('INSERT column list', line.replace(/,$/, ''), raw);
      continue;
    }
    if (list === 'returning') {
      if (line === ';') list = undefined;
      else check('RETURNING list', line.replace(/,$/, ''), raw);
      continue;
    }
    if (line === 'SELECT' && !isInsert) {
      list = 'select';
      continue;
    }
    if (/^INSERT INTO \S+ \($/.test(line)) {
      list = 'insert';
      continue;
    }
    if (line === 'RETURNING') {
      list = 'returning';
      continue;
    }
    const exec = new RegExp(String.raw`^(?:--\s*)?(?:,\s*)?@(?!@)${NAME}\s*=`).exec(line);
    if (exec) {
      check('EXEC argument', exec[1]!, raw);
      continue;
    }
    const lhs = new RegExp(String.raw`^(?:--\s*)?(?:(?:WHERE|AND|SET)\s+)?${NAME}\s*=\s*('|\{\{|\d|true|false)`).exec(line);
    if (lhs && !/^(?:--\s*)?@@/.test(line)) check('WHERE/SET left-hand side', lhs[1]!, raw);
  }
  return problems;
}

/** INSERT statements without a column list (`INSERT INTO x (\n)` or no parenthesis at all). */
export function emptyInserts(sql: string): string[] {
  const lines = sql.split('\n');
  return lines.flatMap((line, i) => {
    if (!line.startsWith('INSERT INTO ')) return [];
    if (!/ \($/.test(line) || lines[i + 1]?.trim() === ')') return [line];
    return [];
  });
}
