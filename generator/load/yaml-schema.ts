import yaml from 'js-yaml';

/**
 * js-yaml's CORE_SCHEMA, resolved faster. CORE: a spec's `2024-12-19` or
 * `2023-01-01T00:00:00Z` stays a string (the default schema would turn it into
 * a Date and change what examples show), while `true`, `null`, `3` and `1.5`
 * are typed.
 *
 * js-yaml tries each implicit type (null, bool, int, float) on every plain
 * scalar, keys included: four calls and a regular expression per word, most
 * of which start with a letter no number or keyword can start with. One
 * resolver does the same work behind a first-character check: ~10% of parsing
 * the 10 MB registry. It calls js-yaml's own four types, in their order, so
 * what a scalar becomes is unchanged (test/unit/yaml-schema.test.ts compares
 * the two schemas on generated scalars and on the real specs).
 */
// js-yaml 4 exports its types at run time; @types/js-yaml does not declare them.
const { types } = yaml as unknown as { types: Record<'null' | 'bool' | 'int' | 'float', yaml.Type> };
const IMPLICIT = [types.null, types.bool, types.int, types.float] as const;

/** What a null (`~`, `null`), bool (`true`, `False`), int (`-0x1F`, `1_000`) or float (`.5`, `.inf`, `-1e3`) can start with. */
const MAY_BE_TYPED = /^[-+.0-9~nNtTfF]/;

// js-yaml calls construct right after a successful resolve of the same
// scalar, so the type found by resolve can wait in between.
let resolved: yaml.Type | undefined;

const coreScalar = new yaml.Type('tag:provider-docs,2026:core-implicit', {
  kind: 'scalar',
  resolve(data: string | null): boolean {
    resolved = undefined;
    if (data !== null && !MAY_BE_TYPED.test(data)) return false;
    for (const type of IMPLICIT) {
      if (type.resolve(data)) {
        resolved = type;
        return true;
      }
    }
    return false;
  },
  construct(data: string | null): unknown {
    return resolved!.construct(data);
  },
});

/** CORE_SCHEMA's meaning: the four types stay available as explicit tags (`!!int 3`). */
export const CORE_SCHEMA = yaml.FAILSAFE_SCHEMA.extend({ implicit: [coreScalar], explicit: [...IMPLICIT] });
