import yaml from 'js-yaml';
import type { DiagnosticBag } from '../diagnostics.js';
import { joinPointer } from '../json-pointer.js';
import { CORE_SCHEMA } from './yaml-schema.js';

/** Tags we stop on after this many different ones: a file this odd is not a spec. */
const MAX_UNKNOWN_TAGS = 20;

/** What a scalar with an unknown tag is read as until it is taken out of the document. */
const ABSENT = Symbol('unknown-tag');

/**
 * Parses one YAML document. Syntax errors and an empty file become an error
 * diagnostic (undefined is returned). Oddities that StackQL reads past become
 * warnings: a duplicated key (the last one wins, as in JSON), and a scalar under a tag no schema knows
 * (`!<tag:yaml.org,2002:js/undefined>`, which old js-yaml wrote for a missing
 * value), which is read as absent. An unknown tag on a mapping or sequence
 * stays an error: dropping a whole subtree would change what pages say.
 */
export function parseYaml(text: string, file: string, bag: DiagnosticBag): unknown {
  const unknownTags: string[] = [];
  let json = false;
  let duplicate: { line: number; column: number } | undefined;
  for (;;) {
    try {
      const schema = unknownTags.length === 0 ? CORE_SCHEMA : withAbsentTags(unknownTags);
      const doc = yaml.load(text, { schema, json, filename: file });
      if (doc === undefined) {
        // An empty file is no spec: most often one caught while it is being written (a dev server
        // sees the truncation before the new text). Read as "no resources", it would remove pages.
        bag.error('yaml-empty', 'the file is empty: a spec file holds one YAML document', file, '');
        return undefined;
      }
      if (json) bag.warning('yaml-duplicate-key', `duplicated mapping key; the last value is used`, file, '', duplicate?.line, duplicate?.column);
      if (unknownTags.length > 0) dropAbsent(doc, '', (pointer) => bag.warning('yaml-unknown-tag', `value under an unknown YAML tag (${unknownTags.join(', ')}) is read as absent`, file, pointer));
      return doc;
    } catch (e) {
      if (!(e instanceof yaml.YAMLException)) throw e;
      const reason = e.reason ?? '';
      const tag = /^unknown tag !<(.*)>$/.exec(reason)?.[1];
      if (tag !== undefined && !unknownTags.includes(tag) && unknownTags.length < MAX_UNKNOWN_TAGS) {
        unknownTags.push(tag);
        continue;
      }
      if (!json && /duplicated mapping key/.test(reason)) {
        json = true;
        if (e.mark) duplicate = { line: e.mark.line + 1, column: e.mark.column + 1 };
        continue;
      }
      const mark = e.mark;
      bag.error('yaml-syntax', `malformed YAML: ${reason || e.message}`, file, '', mark ? mark.line + 1 : undefined, mark ? mark.column + 1 : undefined);
      return undefined;
    }
  }
}

// Keyed by content (the tag names), so nothing outlives a run that differs from one to the next.
const schemas = new Map<string, yaml.Schema>();

function withAbsentTags(tags: readonly string[]): yaml.Schema {
  const key = tags.join('\0');
  let schema = schemas.get(key);
  if (!schema) {
    const types = tags.map((tag) => new yaml.Type(tag, { kind: 'scalar', resolve: () => true, construct: () => ABSENT }));
    schema = CORE_SCHEMA.extend({ explicit: types });
    schemas.set(key, schema);
  }
  return schema;
}

/** Takes every ABSENT value out (a mapping loses the key, a sequence item becomes null), reporting each. */
function dropAbsent(node: unknown, pointer: string, report: (pointer: string) => void): void {
  if (Array.isArray(node)) {
    node.forEach((item, i) => {
      if (item === ABSENT) {
        node[i] = null;
        report(joinPointer(pointer, i));
      } else dropAbsent(item, joinPointer(pointer, i), report);
    });
  } else if (node !== null && typeof node === 'object') {
    const rec = node as Record<string, unknown>;
    for (const key of Object.keys(rec)) {
      if (rec[key] === ABSENT) {
        delete rec[key];
        report(joinPointer(pointer, key));
      } else dropAbsent(rec[key], joinPointer(pointer, key), report);
    }
  }
}
