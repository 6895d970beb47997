import type { Method, Resource, SqlVerb, View } from './types.js';
import { VERB_ORDER } from './types.js';
import { joinPointer, splitPointer } from '../json-pointer.js';
import { asRecord, asString, deref, type SpecContext } from './spec-context.js';
import { compareStrings } from '../compare.js';
import { buildMethod } from './build-method.js';
import type { FieldBuilder } from './build-fields.js';

const SQL_VERBS: readonly SqlVerb[] = ['select', 'insert', 'update', 'replace', 'delete', 'exec'];

export interface ResourceInput {
  readonly ctx: SpecContext;
  readonly fields: FieldBuilder;
  readonly id: string;
  readonly name: string;
  readonly node: Record<string, unknown>;
  readonly pointer: string;
}

/**
 * Builds a resource from its `x-stackQL-resources` entry. A method listed under
 * a sqlVerb takes that verb (once per verb that lists it); a method listed under
 * none is EXEC.
 */
export function buildResource(input: ResourceInput): Resource {
  const { ctx, node, pointer } = input;
  const methodsNode = asRecord(node['methods']) ?? {};
  const methodNames = Object.keys(methodsNode);
  if (methodNames.length === 0) {
    ctx.bag.error('resource-empty', `resource "${input.name}" has no methods`, ctx.file, joinPointer(pointer, 'methods'));
  }

  const listed = verbListing(input);
  const methods: Method[] = [];
  for (const name of methodNames) {
    const verbs = listed.verbsOf.get(name) ?? ['exec'];
    for (const verb of verbs) {
      const mNode = asRecord(methodsNode[name]);
      if (!mNode) {
        ctx.bag.error('method-invalid', `method "${name}" is not a mapping`, ctx.file, joinPointer(pointer, 'methods', name));
        break;
      }
      const m = buildMethod({ ctx, fields: input.fields, name, verb, node: mNode, pointer: joinPointer(pointer, 'methods', name) });
      if (!m) break;
      methods.push(m);
    }
  }
  methods.sort((a, b) => VERB_ORDER.indexOf(a.verb) - VERB_ORDER.indexOf(b.verb) || compareStrings(a.name, b.name));

  const selectMethods = methods.filter((m) => m.verb === 'select').sort(bySelectTabOrder);
  // The Fields table shows the first method the spec lists under SELECT, not the first tab.
  const firstSelect = listed.firstSelect && methods.find((m) => m.verb === 'select' && m.name === listed.firstSelect);
  return {
    id: input.id,
    name: input.name,
    title: asString(node['title']) ?? input.name,
    kind: 'resource',
    description: asString(node['description']) ?? '',
    methods,
    selectMethods,
    fields: firstSelect ? firstSelect.responseFields : [],
    views: [],
    source: { file: ctx.file, pointer },
  };
}

/** A standalone view: a page of its own with the view's columns and its SELECT. */
export function viewAsResource(view: View, title: string): Resource {
  return {
    id: view.id,
    name: view.name,
    title,
    kind: 'view',
    description: view.description,
    methods: [],
    selectMethods: [],
    fields: view.fields,
    views: [view],
    source: view.source,
  };
}

export function withViews(resource: Resource, views: readonly View[]): Resource {
  return { ...resource, views: [...resource.views.filter((v) => v.own), ...[...views].sort((a, b) => compareStrings(a.name, b.name))] };
}

/** A resource whose SELECT is its own view: the view first among its views; its fields when it has no SELECT method. */
export function withOwnView(resource: Resource, view: View): Resource {
  return { ...resource, fields: resource.selectMethods.length > 0 ? resource.fields : view.fields, views: [view, ...resource.views] };
}

function bySelectTabOrder(a: Method, b: Method): number {
  return a.requiredParams.length - b.requiredParams.length || compareStrings(a.name, b.name);
}

function verbListing(input: ResourceInput): { verbsOf: Map<string, SqlVerb[]>; firstSelect?: string } {
  const { ctx, node, pointer } = input;
  const verbsOf = new Map<string, SqlVerb[]>();
  let firstSelect: string | undefined;
  const sqlVerbs = asRecord(node['sqlVerbs']);
  if (!sqlVerbs) return { verbsOf };
  for (const key of Object.keys(sqlVerbs)) {
    const verb = key.toLowerCase() as SqlVerb;
    const listPointer = joinPointer(pointer, 'sqlVerbs', key);
    if (!SQL_VERBS.includes(verb)) {
      ctx.bag.warning('sqlverb-unknown', `unknown sqlVerb "${key}"; its methods are shown as EXEC`, ctx.file, listPointer);
      continue;
    }
    const list = sqlVerbs[key];
    if (list === null || list === undefined) continue;
    if (!Array.isArray(list)) {
      ctx.bag.warning('sqlverb-not-list', `sqlVerbs.${key} is not a list`, ctx.file, listPointer);
      continue;
    }
    list.forEach((entry, i) => {
      const at = joinPointer(listPointer, i);
      const r = deref(ctx, entry, at);
      if (!r) return;
      const segs = splitPointer(r.pointer);
      const name = segs[segs.length - 1];
      if (segs[segs.length - 2] !== 'methods' || !name || !asRecord(r.node)) {
        ctx.bag.error('method-missing', `sqlVerbs.${key} entry does not point at a method`, ctx.file, at);
        return;
      }
      const verbs = verbsOf.get(name) ?? [];
      if (!verbs.includes(verb)) verbs.push(verb);
      verbsOf.set(name, verbs);
      if (verb === 'select' && firstSelect === undefined) firstSelect = name;
    });
  }
  return firstSelect === undefined ? { verbsOf } : { verbsOf, firstSelect };
}
