import type { Field, Method, Provider, Registry, Resource, Service, SqlVerb } from '../model/types.js';
import { VERB_ORDER } from '../model/types.js';
import { compareStrings } from '../compare.js';

// Compares two registries at the model level. Identity: a provider and a service
// by name, a resource by its id (`P.S.R`), a method by its name within its
// resource, a field by its name within Resource.fields. A resource whose id
// changed is removed and added; operations (HTTP method + path) shared by a
// removed and an added resource are reported as likely moves, never names.

export interface Tally {
  readonly added: number;
  readonly removed: number;
  readonly changed: number;
}

export interface DiffCounts {
  readonly providers: Tally;
  readonly services: Tally;
  readonly resources: Tally;
  readonly methods: Tally;
  readonly fields: Tally;
}

export interface MethodSummary {
  readonly name: string;
  /** SQL verbs that list the method, in verb order (a method listed under none is `exec`). */
  readonly verbs: readonly SqlVerb[];
  readonly requiredParams: readonly string[];
  /** `GET /api/2.0/...` (upper-case HTTP method, then the path). */
  readonly operation: string;
}

export interface Change<T> {
  readonly before: T;
  readonly after: T;
}

export interface MethodChange {
  readonly name: string;
  readonly verbs?: Change<readonly SqlVerb[]>;
  readonly requiredParams?: Change<readonly string[]>;
  readonly operation?: Change<string>;
}

export interface FieldSummary {
  readonly name: string;
  /** `type`, with `(format)` and `<item type>` when the spec gives them. */
  readonly type: string;
}

export interface FieldRetype {
  readonly name: string;
  readonly before: string;
  readonly after: string;
}

/** A resource present on one side only. */
export interface ResourceSummary {
  readonly id: string;
  readonly name: string;
  readonly kind: Resource['kind'];
  readonly methods: readonly string[];
  readonly fields: number;
}

/** A resource present on both sides (same id) that differs. */
export interface ResourceDiff {
  readonly id: string;
  readonly name: string;
  readonly methodsAdded: readonly MethodSummary[];
  readonly methodsRemoved: readonly MethodSummary[];
  readonly methodsChanged: readonly MethodChange[];
  readonly fieldsAdded: readonly FieldSummary[];
  readonly fieldsRemoved: readonly FieldSummary[];
  readonly fieldsRetyped: readonly FieldRetype[];
}

export type Status = 'added' | 'removed' | 'changed';

export interface ServiceDiff {
  readonly name: string;
  readonly status: Status;
  readonly resourcesAdded: readonly ResourceSummary[];
  readonly resourcesRemoved: readonly ResourceSummary[];
  readonly resourcesChanged: readonly ResourceDiff[];
}

export interface ProviderDiff {
  readonly name: string;
  readonly status: Status;
  /** Only services that differ, sorted by name. */
  readonly services: readonly ServiceDiff[];
}

/** Operations of a removed resource that now belong to an added resource of the same provider. */
export interface LikelyMove {
  readonly provider: string;
  readonly from: string;
  readonly to: string;
  /** Operations the two share, sorted. */
  readonly operations: readonly string[];
  /** Distinct operations of the removed resource. */
  readonly of: number;
}

export interface RegistryDiff {
  readonly counts: DiffCounts;
  readonly moves: readonly LikelyMove[];
  /** Only providers that differ, sorted by name. */
  readonly providers: readonly ProviderDiff[];
}

export function diffRegistries(base: Registry, head: Registry): RegistryDiff {
  const counts = newCounts();
  const providers: ProviderDiff[] = [];
  const moves: LikelyMove[] = [];
  for (const [name, b, h] of pair(base.providers, head.providers, (p) => p.name)) {
    const d = diffProvider(name, b, h, counts);
    if (d) providers.push(d);
    moves.push(...likelyMoves(name, b, h));
  }
  return { counts, moves, providers };
}

/** True when the two registries differ in anything the diff compares. */
export function hasDifferences(diff: RegistryDiff): boolean {
  return diff.providers.length > 0;
}

type MutableCounts = Record<keyof DiffCounts, { added: number; removed: number; changed: number }>;

function newCounts(): MutableCounts {
  const t = () => ({ added: 0, removed: 0, changed: 0 });
  return { providers: t(), services: t(), resources: t(), methods: t(), fields: t() };
}

function diffProvider(name: string, b: Provider | undefined, h: Provider | undefined, counts: MutableCounts): ProviderDiff | undefined {
  const services: ServiceDiff[] = [];
  for (const [sname, bs, hs] of pair(b?.services ?? [], h?.services ?? [], (s) => s.name)) {
    const d = diffService(sname, bs, hs, counts);
    if (d) services.push(d);
  }
  const status: Status | undefined = !b ? 'added' : !h ? 'removed' : services.length > 0 ? 'changed' : undefined;
  if (!status) return undefined;
  counts.providers[status]++;
  return { name, status, services };
}

function diffService(name: string, b: Service | undefined, h: Service | undefined, counts: MutableCounts): ServiceDiff | undefined {
  const resourcesAdded: ResourceSummary[] = [];
  const resourcesRemoved: ResourceSummary[] = [];
  const resourcesChanged: ResourceDiff[] = [];
  for (const [, br, hr] of pair(b?.resources ?? [], h?.resources ?? [], (r) => r.id)) {
    if (!br) {
      resourcesAdded.push(summarise(hr!));
      counts.resources.added++;
      counts.methods.added += methodsByName(hr!).size;
      counts.fields.added += uniqueFields(hr!).size;
    } else if (!hr) {
      resourcesRemoved.push(summarise(br));
      counts.resources.removed++;
      counts.methods.removed += methodsByName(br).size;
      counts.fields.removed += uniqueFields(br).size;
    } else {
      const d = diffResource(br, hr, counts);
      if (d) resourcesChanged.push(d);
    }
  }
  const differs = resourcesAdded.length + resourcesRemoved.length + resourcesChanged.length > 0;
  const status: Status | undefined = !b ? 'added' : !h ? 'removed' : differs ? 'changed' : undefined;
  if (!status) return undefined;
  counts.services[status]++;
  return { name, status, resourcesAdded, resourcesRemoved, resourcesChanged };
}

function diffResource(b: Resource, h: Resource, counts: MutableCounts): ResourceDiff | undefined {
  const methodsAdded: MethodSummary[] = [];
  const methodsRemoved: MethodSummary[] = [];
  const methodsChanged: MethodChange[] = [];
  const bm = methodsByName(b);
  const hm = methodsByName(h);
  for (const [name, bs, hs] of pairMaps(bm, hm)) {
    if (!bs) methodsAdded.push(hs!);
    else if (!hs) methodsRemoved.push(bs);
    else {
      const change: { -readonly [K in keyof MethodChange]: MethodChange[K] } = { name };
      if (!sameList(bs.verbs, hs.verbs)) change.verbs = { before: bs.verbs, after: hs.verbs };
      if (!sameList(bs.requiredParams, hs.requiredParams)) change.requiredParams = { before: bs.requiredParams, after: hs.requiredParams };
      if (bs.operation !== hs.operation) change.operation = { before: bs.operation, after: hs.operation };
      if (Object.keys(change).length > 1) methodsChanged.push(change);
    }
  }
  const fieldsAdded: FieldSummary[] = [];
  const fieldsRemoved: FieldSummary[] = [];
  const fieldsRetyped: FieldRetype[] = [];
  for (const [name, bf, hf] of pairMaps(uniqueFields(b), uniqueFields(h))) {
    if (!bf) fieldsAdded.push(hf!);
    else if (!hf) fieldsRemoved.push(bf);
    else if (bf.type !== hf.type) fieldsRetyped.push({ name, before: bf.type, after: hf.type });
  }
  counts.methods.added += methodsAdded.length;
  counts.methods.removed += methodsRemoved.length;
  counts.methods.changed += methodsChanged.length;
  counts.fields.added += fieldsAdded.length;
  counts.fields.removed += fieldsRemoved.length;
  counts.fields.changed += fieldsRetyped.length;
  const n = methodsAdded.length + methodsRemoved.length + methodsChanged.length + fieldsAdded.length + fieldsRemoved.length + fieldsRetyped.length;
  if (n === 0) return undefined;
  counts.resources.changed++;
  return { id: h.id, name: h.name, methodsAdded, methodsRemoved, methodsChanged, fieldsAdded, fieldsRemoved, fieldsRetyped };
}

function summarise(r: Resource): ResourceSummary {
  return { id: r.id, name: r.name, kind: r.kind, methods: [...methodsByName(r).keys()], fields: uniqueFields(r).size };
}

/** The model lists a method once per verb; the diff sees one method per name. Sorted by name. */
function methodsByName(r: Resource): Map<string, MethodSummary> {
  const grouped = new Map<string, Method[]>();
  for (const m of r.methods) grouped.set(m.name, [...(grouped.get(m.name) ?? []), m]);
  const out = new Map<string, MethodSummary>();
  for (const name of [...grouped.keys()].sort(compareStrings)) {
    const ms = grouped.get(name)!;
    const first = ms[0]!;
    out.set(name, {
      name,
      verbs: [...new Set(ms.map((m) => m.verb))].sort((a, c) => VERB_ORDER.indexOf(a) - VERB_ORDER.indexOf(c)),
      requiredParams: first.requiredParams,
      operation: operationOf(first),
    });
  }
  return out;
}

/** Resource.fields by name, sorted (first wins if a name repeats). Sub-fields and views are not compared. */
function uniqueFields(r: Resource): Map<string, FieldSummary> {
  const out = new Map<string, FieldSummary>();
  for (const f of [...r.fields].sort((a, c) => compareStrings(a.name, c.name))) {
    if (!out.has(f.name)) out.set(f.name, { name: f.name, type: typeLabel(f) });
  }
  return out;
}

function typeLabel(f: Field): string {
  return `${f.type}${f.format ? `(${f.format})` : ''}${f.itemType ? `<${f.itemType}>` : ''}`;
}

function operationOf(m: Method): string {
  return `${m.httpMethod.toUpperCase()} ${m.path}`;
}

function likelyMoves(provider: string, b: Provider | undefined, h: Provider | undefined): LikelyMove[] {
  if (!b || !h) return [];
  const baseIds = new Set(b.services.flatMap((s) => s.resources.map((r) => r.id)));
  const headIds = new Set(h.services.flatMap((s) => s.resources.map((r) => r.id)));
  const removed = b.services.flatMap((s) => s.resources).filter((r) => !headIds.has(r.id));
  const added = h.services.flatMap((s) => s.resources).filter((r) => !baseIds.has(r.id));
  // operation -> added resources that carry it
  const owners = new Map<string, Set<string>>();
  for (const r of added) {
    for (const op of operationsOf(r)) owners.set(op, new Set([...(owners.get(op) ?? []), r.id]));
  }
  const out: LikelyMove[] = [];
  for (const r of [...removed].sort((x, y) => compareStrings(x.id, y.id))) {
    const ops = operationsOf(r);
    const shared = new Map<string, string[]>();
    for (const op of ops) for (const to of owners.get(op) ?? []) shared.set(to, [...(shared.get(to) ?? []), op]);
    const targets = [...shared.entries()].sort((x, y) => y[1].length - x[1].length || compareStrings(x[0], y[0]));
    for (const [to, list] of targets) out.push({ provider, from: r.id, to, operations: list.sort(compareStrings), of: ops.length });
  }
  return out;
}

function operationsOf(r: Resource): string[] {
  return [...new Set(r.methods.map(operationOf))].sort(compareStrings);
}

/** Pairs two lists by key; yields [key, base, head] sorted by key. */
function pair<T>(base: readonly T[], head: readonly T[], key: (x: T) => string): [string, T | undefined, T | undefined][] {
  return pairMaps(new Map(base.map((x) => [key(x), x])), new Map(head.map((x) => [key(x), x])));
}

function pairMaps<T>(base: ReadonlyMap<string, T>, head: ReadonlyMap<string, T>): [string, T | undefined, T | undefined][] {
  const keys = [...new Set([...base.keys(), ...head.keys()])].sort(compareStrings);
  return keys.map((k) => [k, base.get(k), head.get(k)]);
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Code-unit order, independent of locale. */