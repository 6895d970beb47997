import yaml from 'js-yaml';
import type { DiagnosticBag } from '../diagnostics.js';
import { CORE_SCHEMA } from './yaml-schema.js';

const STRICT = { schema: CORE_SCHEMA } as const;
const LENIENT = { schema: CORE_SCHEMA, json: true } as const;

/**
 * Parses one YAML document. Syntax errors become an error diagnostic (undefined
 * is returned); a duplicated key is an oddity we survive (the last one wins, as
 * in JSON) and becomes a warning.
 */
export function parseYaml(text: string, file: string, bag: DiagnosticBag): unknown {
  try {
    return yaml.load(text, { ...STRICT, filename: file });
  } catch (e) {
    if (!(e instanceof yaml.YAMLException)) throw e;
    const where = e.mark ? { line: e.mark.line + 1, column: e.mark.column + 1 } : undefined;
    if (/duplicated mapping key/.test(e.reason ?? '')) {
      try {
        const doc = yaml.load(text, { ...LENIENT, filename: file });
        bag.warning('yaml-duplicate-key', `duplicated mapping key; the last value is used`, file, '', where?.line, where?.column);
        return doc;
      } catch (e2) {
        if (!(e2 instanceof yaml.YAMLException)) throw e2;
        e = e2;
      }
    }
    const err = e as InstanceType<typeof yaml.YAMLException>;
    const mark = err.mark;
    bag.error(
      'yaml-syntax',
      `malformed YAML: ${err.reason ?? err.message}`,
      file,
      '',
      mark ? mark.line + 1 : where?.line,
      mark ? mark.column + 1 : where?.column,
    );
    return undefined;
  }
}
