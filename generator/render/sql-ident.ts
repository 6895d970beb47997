// Names in SQL examples (columns, parameters, `data__<field>`, `@arg`) come
// from the spec and are often not SQL identifiers: `x-amz-account-id`,
// `@odata.type`, `$filter`, `spec.cluster`. StackQL's parser (stackql-parser,
// a fork of the vitess MySQL parser) delimits identifiers with double quotes,
// not backticks: its tokenizer sets `literalDelim = '"'`, reads a quoted run
// as an identifier (a doubled `""` stands for one `"`), keeps single quotes
// for strings, and rejects a backtick. So a name is written as it is when it
// is a plain identifier and in double quotes otherwise.

const PLAIN = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** True when `name` can stand unquoted in a StackQL statement. */
export function isPlainIdent(name: string): boolean {
  return PLAIN.test(name);
}

/** `name` as StackQL reads it: unchanged when plain, else `"name"` with inner `"` doubled. */
export function sqlIdent(name: string): string {
  return PLAIN.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}
