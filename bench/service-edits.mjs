// The benches' one spec change: a word put in front of an operation's description in a service
// file of a registry copy. The first operation's description is a folded block scalar whose first
// paragraph is a Methods-table row on every layout, so the YAML stays valid and a page changes.
import fs from 'node:fs';
import path from 'node:path';

const DESCRIPTION = /^( {6}description: >-?\n {8})(?=\S)/m;

/** The service files of a registry (`<provider>/<version>/services/*`), largest first. */
export function serviceFiles(root) {
  const files = [];
  for (const p of fs.readdirSync(root)) {
    for (const v of fs.readdirSync(path.join(root, p))) {
      const dir = path.join(root, p, v, 'services');
      if (fs.existsSync(dir)) for (const f of fs.readdirSync(dir)) files.push(path.join(dir, f));
    }
  }
  return files.sort((a, b) => fs.statSync(b).size - fs.statSync(a).size || (a < b ? -1 : 1));
}

/** Whether `text` has an operation description to edit. */
export function hasDescription(text) {
  return DESCRIPTION.test(text);
}

/** `text` with `word` in front of its first operation description; throws when it has none. */
export function editDescription(text, word, file = 'the file') {
  const next = text.replace(DESCRIPTION, `$1${word} `);
  if (next === text) throw new Error(`no operation description to edit in ${file}`);
  return next;
}
