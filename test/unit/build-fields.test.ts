import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../generator/diagnostics.js';
import { FieldBuilder } from '../../generator/model/build-fields.js';
import type { Field } from '../../generator/model/types.js';

// A schema's fields must not depend on where it was first met: specs share
// schemas by $ref, and the memo that makes that cheap once kept a schema first
// reached deep inside another one cut short everywhere (databricks-2026-07,
// detailed layout: sql/queries_legacy lost a whole sub-field tree).

/** `{ l1: { l2: { ... { ln: string } } } }` */
function nested(levels: number): Record<string, unknown> {
  let s: Record<string, unknown> = { type: 'string' };
  for (let i = levels; i >= 1; i--) s = { type: 'object', properties: { [`l${i}`]: s } };
  return s;
}

function depthOf(fields: readonly Field[]): number {
  return fields.length === 0 ? 0 : 1 + Math.max(...fields.map((f) => depthOf(f.fields)));
}

function builder(schemas: Record<string, unknown>) {
  const doc = { components: { schemas } };
  return new FieldBuilder({ file: 'mini.yaml', doc, bag: new DiagnosticBag() });
}

describe('FieldBuilder', () => {
  it('a shared schema met deep first is still whole where it is met at the top', () => {
    const schemas = {
      Shared: nested(4),
      // Shared sits five levels down in Outer.
      Outer: { type: 'object', properties: { a: { type: 'object', properties: { b: { type: 'object', properties: { c: { type: 'object', properties: { d: { type: 'object', properties: { e: { $ref: '#/components/schemas/Shared' } } } } } } } } } } },
    };
    const fresh = depthOf(builder(schemas).propertiesOf({ $ref: '#/components/schemas/Shared' }, '/x'));
    expect(fresh).toBe(4);
    const b = builder(schemas);
    b.propertiesOf({ $ref: '#/components/schemas/Outer' }, '/outer');
    expect(depthOf(b.propertiesOf({ $ref: '#/components/schemas/Shared' }, '/y'))).toBe(fresh);
  });

  it('a schema met at the top first is still cut where it is met deep', () => {
    const schemas = {
      Deep: nested(7),
      Outer: { type: 'object', properties: { a: { type: 'object', properties: { b: { $ref: '#/components/schemas/Deep' } } } } },
    };
    const alone = depthOf(builder(schemas).propertiesOf({ $ref: '#/components/schemas/Outer' }, '/o'));
    const b = builder(schemas);
    b.propertiesOf({ $ref: '#/components/schemas/Deep' }, '/d');
    expect(depthOf(b.propertiesOf({ $ref: '#/components/schemas/Outer' }, '/o'))).toBe(alone);
  });

  it('a cycle is cut where it closes, whichever schema of it is met first', () => {
    const schemas = {
      A: { type: 'object', properties: { name: { type: 'string' }, b: { $ref: '#/components/schemas/B' } } },
      B: { type: 'object', properties: { a: { $ref: '#/components/schemas/A' } } },
    };
    const bAlone = builder(schemas).propertiesOf({ $ref: '#/components/schemas/B' }, '/b');
    const b = builder(schemas);
    b.propertiesOf({ $ref: '#/components/schemas/A' }, '/a');
    expect(depthOf(b.propertiesOf({ $ref: '#/components/schemas/B' }, '/b'))).toBe(depthOf(bAlone));
  });
});
