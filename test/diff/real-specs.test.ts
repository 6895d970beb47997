import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { loadSide } from '../../generator/diff/diff-command.js';
import { diffRegistries, type RegistryDiff } from '../../generator/diff/diff-registries.js';
import { sharedPath, skipNotice } from '../helpers/shared.js';

// The diff of the real Databricks registries, checked against figures this file
// computes on its own from the YAML with js-yaml: resource ids from
// components.x-stackQL-resources (a view `vw_R` merged into `R` of the same
// service is no resource, as in build-service.ts), method names from the keys
// of `methods`, operations from each method's `operation.$ref`.

type Rec = Record<string, unknown>;
const rec = (v: unknown): Rec | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Rec) : undefined);

interface Plain {
  /** provider -> service names */
  services: Map<string, Set<string>>;
  /** provider -> resource id -> { methods, operations } */
  resources: Map<string, Map<string, { methods: Set<string>; operations: Set<string> }>>;
}

function readPlain(root: string): Plain {
  const services = new Map<string, Set<string>>();
  const resources = new Map<string, Map<string, { methods: Set<string>; operations: Set<string> }>>();
  for (const provider of fs.readdirSync(root).sort()) {
    const versions = fs.readdirSync(path.join(root, provider)).filter((v) => fs.existsSync(path.join(root, provider, v, 'provider.yaml')));
    const version = versions.sort().pop();
    if (!version) continue;
    const pdoc = rec(yaml.load(fs.readFileSync(path.join(root, provider, version, 'provider.yaml'), 'utf8')))!;
    const entries = rec(pdoc['providerServices'])!;
    services.set(provider, new Set(Object.keys(entries)));
    const byId = new Map<string, { methods: Set<string>; operations: Set<string> }>();
    resources.set(provider, byId);
    for (const [service, entry] of Object.entries(entries)) {
      const ref = String(rec(rec(entry)!['service'])!['$ref']).split('#')[0]!;
      const doc = rec(yaml.load(fs.readFileSync(path.join(root, ref), 'utf8')))!;
      const components = rec(doc['components']) ?? {};
      const nodes: [string, Rec][] = [];
      for (const section of ['x-stackQL-resources', 'x-stackQL-views']) {
        for (const [key, node] of Object.entries(rec(components[section]) ?? {})) nodes.push([key, rec(node)!]);
      }
      const isView = (n: Rec) => rec(rec(n['config'])?.['views']) !== undefined;
      const nameOf = ([key, n]: [string, Rec]) => (typeof n['name'] === 'string' ? n['name'] : key);
      const plainNames = new Set(nodes.filter(([, n]) => !isView(n)).map(nameOf));
      for (const item of nodes) {
        const [, node] = item;
        const name = nameOf(item);
        if (isView(node) && name.startsWith('vw_') && plainNames.has(name.slice(3))) continue;
        const id = typeof node['id'] === 'string' ? node['id'] : `${provider}.${service}.${name}`;
        const methods = rec(node['methods']) ?? {};
        const operations = new Set<string>();
        for (const m of Object.values(methods)) {
          const opRef = String(rec(rec(m)!['operation'])!['$ref']);
          const match = /^#\/paths\/([^/]+)\/([a-z]+)$/.exec(opRef);
          if (!match) throw new Error(`${ref}: unexpected operation ref ${opRef}`);
          const p = match[1]!.replace(/~1/g, '/').replace(/~0/g, '~');
          operations.add(`${match[2]!.toUpperCase()} ${p}`);
        }
        byId.set(id, { methods: new Set(Object.keys(methods)), operations });
      }
    }
  }
  return { services, resources };
}

interface Figures {
  services: Record<string, { added: number; removed: number }>;
  resources: Record<string, { added: number; removed: number }>;
  methods: Record<string, { added: number; removed: number }>;
  moves: string[];
}

function expectedFigures(base: Plain, head: Plain): Figures {
  const out: Figures = { services: {}, resources: {}, methods: {}, moves: [] };
  const providers = [...new Set([...base.resources.keys(), ...head.resources.keys()])].sort();
  for (const p of providers) {
    const bs = base.services.get(p) ?? new Set<string>();
    const hs = head.services.get(p) ?? new Set<string>();
    out.services[p] = { added: [...hs].filter((s) => !bs.has(s)).length, removed: [...bs].filter((s) => !hs.has(s)).length };
    const br = base.resources.get(p) ?? new Map();
    const hr = head.resources.get(p) ?? new Map();
    const added = [...hr.keys()].filter((id) => !br.has(id));
    const removed = [...br.keys()].filter((id) => !hr.has(id));
    out.resources[p] = { added: added.length, removed: removed.length };
    const pairs = (m: Map<string, { methods: Set<string> }>) => new Set([...m].flatMap(([id, r]) => [...r.methods].map((n) => `${id}#${n}`)));
    const bm = pairs(br);
    const hm = pairs(hr);
    out.methods[p] = { added: [...hm].filter((x) => !bm.has(x)).length, removed: [...bm].filter((x) => !hm.has(x)).length };
    for (const from of removed) {
      const ops = br.get(from)!.operations;
      for (const to of added) {
        const shared = [...ops].filter((o) => hr.get(to)!.operations.has(o)).length;
        if (shared > 0) out.moves.push(`${from} -> ${to} (${shared} of ${ops.size})`);
      }
    }
  }
  out.moves.sort();
  return out;
}

function actualFigures(d: RegistryDiff, providers: readonly string[]): Figures {
  const out: Figures = { services: {}, resources: {}, methods: {}, moves: [] };
  for (const p of providers) {
    const pd = d.providers.find((x) => x.name === p);
    const services = pd?.services ?? [];
    out.services[p] = { added: services.filter((s) => s.status === 'added').length, removed: services.filter((s) => s.status === 'removed').length };
    out.resources[p] = {
      added: services.reduce((n, s) => n + s.resourcesAdded.length, 0),
      removed: services.reduce((n, s) => n + s.resourcesRemoved.length, 0),
    };
    out.methods[p] = {
      added: services.reduce((n, s) => n + s.resourcesAdded.reduce((k, r) => k + r.methods.length, 0) + s.resourcesChanged.reduce((k, r) => k + r.methodsAdded.length, 0), 0),
      removed: services.reduce((n, s) => n + s.resourcesRemoved.reduce((k, r) => k + r.methods.length, 0) + s.resourcesChanged.reduce((k, r) => k + r.methodsRemoved.length, 0), 0),
    };
  }
  out.moves = d.moves.map((m) => `${m.from} -> ${m.to} (${m.operations.length} of ${m.of})`).sort();
  return out;
}

const cache = new Map<string, ReturnType<typeof loadSide>>();
function load(root: string) {
  if (!cache.has(root)) cache.set(root, loadSide(root, []));
  return cache.get(root)!;
}

// Figures measured once, pinned so that a change in either count shows up:
// [base, head, resources added, resources removed, methods added, methods removed, likely moves]
const pairs: [string, string, number, number, number, number, number][] = [
  ['databricks-2024-12', 'databricks-2026-02', 227, 168, 896, 603, 161],
  ['databricks-2026-02', 'databricks-2026-07', 109, 2, 224, 10, 0],
];

for (const [from, to, resAdded, resRemoved, methAdded, methRemoved, moveCount] of pairs) {
  describe(`diff of ${from} -> ${to}`, () => {
    const baseRoot = sharedPath('specs', from);
    const headRoot = sharedPath('specs', to);
    if (!baseRoot || !headRoot) {
      it('matches the figures read from the YAML', () => skipNotice(`diffing ${from} -> ${to}`));
      return;
    }
    it('matches the figures read from the YAML', () => {
      const base = load(baseRoot);
      const head = load(headRoot);
      expect(base.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(head.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const diff = diffRegistries(base.registry, head.registry);
      const expected = expectedFigures(readPlain(baseRoot), readPlain(headRoot));
      const actual = actualFigures(diff, Object.keys(expected.resources));
      expect(actual).toEqual(expected);
      // The totals are the sums over providers.
      const sum = (f: Record<string, { added: number; removed: number }>, k: 'added' | 'removed') => Object.values(f).reduce((n, x) => n + x[k], 0);
      expect(diff.counts.resources.added).toBe(sum(expected.resources, 'added'));
      expect(diff.counts.resources.removed).toBe(sum(expected.resources, 'removed'));
      expect(diff.counts.methods.added).toBe(sum(expected.methods, 'added'));
      expect(diff.counts.methods.removed).toBe(sum(expected.methods, 'removed'));
      expect(diff.counts.services.added).toBe(sum(expected.services, 'added'));
      expect(diff.counts.services.removed).toBe(sum(expected.services, 'removed'));
      expect([diff.counts.resources.added, diff.counts.resources.removed, diff.counts.methods.added, diff.counts.methods.removed, diff.moves.length]).toEqual([
        resAdded,
        resRemoved,
        methAdded,
        methRemoved,
        moveCount,
      ]);
      console.info(`${from} -> ${to}: ${JSON.stringify(expected.resources)}; methods ${JSON.stringify(expected.methods)}; ${expected.moves.length} likely moves; counts ${JSON.stringify(diff.counts)}`);
    }, 300_000);
  });
}

describe('diff of a registry with itself', () => {
  const root = sharedPath('specs', 'databricks-2026-02');
  if (!root) {
    it('has no differences', () => skipNotice('diffing databricks-2026-02 with itself'));
    return;
  }
  it('has no differences', () => {
    // Two separate loads: equal specs give equal models.
    const d = diffRegistries(load(root).registry, loadSide(root, []).registry);
    expect(d.providers).toEqual([]);
    expect(d.moves).toEqual([]);
  }, 300_000);
});
