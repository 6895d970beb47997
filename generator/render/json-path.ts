import { sqlIdent } from './sql-ident.js';

// How a reader reaches a nested field in StackQL SQL. StackQL returns an object
// or array field as JSON text and evaluates a query in its embedded SQLite
// (the default backend), whose JSON_EXTRACT(json, path) takes a path written
// `$.key`, `$."odd.key"` for keys that are not plain, and `$[0]` for an array
// element. The registries' own views read fields the same way
// (`JSON_EXTRACT(Properties, '$.BucketName')` in awscc).

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `path` extended by an object key: `.key`, or `."key"` (inner `"` and `\` backslash-escaped). */
export function jsonPathKey(path: string, key: string): string {
  return PLAIN_KEY.test(key) ? `${path}.${key}` : `${path}."${key.replace(/["\\]/g, '\\$&')}"`;
}

/** The path of an element of the array at `path`: its first. */
export function jsonPathItem(path: string): string {
  return `${path}[0]`;
}

/** `JSON_EXTRACT(column, 'path')`, the column quoted as StackQL reads names and the path as a SQL string. */
export function jsonExtract(column: string, path: string): string {
  return `JSON_EXTRACT(${sqlIdent(column)}, '${path.replace(/'/g, "''")}')`;
}
