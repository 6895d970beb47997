import { describe, expect, it } from 'vitest';
import { diffRegistries, hasDifferences, type DiffCounts, type RegistryDiff } from '../../generator/diff/diff-registries.js';
import { field, one, prov, reg, res, svc, view } from './model.js';

/** Counts as `kind:+added-removed~changed`, only the non-zero kinds. */
function tally(c: DiffCounts): string[] {
  return Object.entries(c)
    .filter(([, t]) => t.added + t.removed + t.changed > 0)
    .map(([k, t]) => `${k}:+${t.added}-${t.removed}~${t.changed}`);
}

function moves(d: RegistryDiff): string[] {
  return d.moves.map((m) => `${m.from} -> ${m.to} (${m.operations.length} of ${m.of})`);
}

const list = { verbs: ['select' as const] };
const r1 = res('p.s.users', { list, get: { required: ['id'] } }, [field('id'), field('name')]);

describe('counts', () => {
  it.each([
    ['identical registries', one(r1), one(r1), []],
    ['resource added', one(), one(r1), ['providers:+0-0~1', 'services:+0-0~1', 'resources:+1-0~0', 'methods:+2-0~0', 'fields:+2-0~0']],
    ['resource removed', one(r1), one(), ['providers:+0-0~1', 'services:+0-0~1', 'resources:+0-1~0', 'methods:+0-2~0', 'fields:+0-2~0']],
    [
      'resource id changed: removed plus added',
      one(r1),
      one(res('p.s.people', { list: { op: 'get /users/list' }, get: { required: ['id'], op: 'get /users/get' } }, [field('id'), field('name')])),
      ['providers:+0-0~1', 'services:+0-0~1', 'resources:+1-1~0', 'methods:+2-2~0', 'fields:+2-2~0'],
    ],
    ['method added', one(res('p.s.r', { a: {} })), one(res('p.s.r', { a: {}, b: {} })), ['providers:+0-0~1', 'services:+0-0~1', 'resources:+0-0~1', 'methods:+1-0~0']],
    ['method removed', one(res('p.s.r', { a: {}, b: {} })), one(res('p.s.r', { a: {} })), ['providers:+0-0~1', 'services:+0-0~1', 'resources:+0-0~1', 'methods:+0-1~0']],
    ['method verb changed', one(res('p.s.r', { a: { verbs: ['insert'] } })), one(res('p.s.r', { a: { verbs: ['exec'] } })), ['providers:+0-0~1', 'services:+0-0~1', 'resources:+0-0~1', 'methods:+0-0~1']],
    ['method required params changed', one(res('p.s.r', { a: { required: ['x'] } })), one(res('p.s.r', { a: { required: ['x', 'y'] } })), ['providers:+0-0~1', 'services:+0-0~1', 'resources:+0-0~1', 'methods:+0-0~1']],
    ['method operation changed', one(res('p.s.r', { a: { op: 'get /a' } })), one(res('p.s.r', { a: { op: 'post /a' } })), ['providers:+0-0~1', 'services:+0-0~1', 'resources:+0-0~1', 'methods:+0-0~1']],
    ['a method under two verbs is one method', one(res('p.s.r', {})), one(res('p.s.r', { a: { verbs: ['update', 'replace'] } })), ['providers:+0-0~1', 'services:+0-0~1', 'resources:+0-0~1', 'methods:+1-0~0']],
    ['field added', one(res('p.s.r', { a: {} }, [field('x')])), one(res('p.s.r', { a: {} }, [field('x'), field('y')])), ['providers:+0-0~1', 'services:+0-0~1', 'resources:+0-0~1', 'fields:+1-0~0']],
    ['field removed', one(res('p.s.r', { a: {} }, [field('x'), field('y')])), one(res('p.s.r', { a: {} }, [field('x')])), ['providers:+0-0~1', 'services:+0-0~1', 'resources:+0-0~1', 'fields:+0-1~0']],
    ['field retyped', one(res('p.s.r', { a: {} }, [field('x', 'string')])), one(res('p.s.r', { a: {} }, [field('x', 'integer')])), ['providers:+0-0~1', 'services:+0-0~1', 'resources:+0-0~1', 'fields:+0-0~1']],
    ['field format changed', one(res('p.s.r', { a: {} }, [field('x', 'integer', { format: 'int32' })])), one(res('p.s.r', { a: {} }, [field('x', 'integer', { format: 'int64' })])), ['providers:+0-0~1', 'services:+0-0~1', 'resources:+0-0~1', 'fields:+0-0~1']],
    ['array item type changed', one(res('p.s.r', { a: {} }, [field('x', 'array', { itemType: 'string' })])), one(res('p.s.r', { a: {} }, [field('x', 'array', { itemType: 'object' })])), ['providers:+0-0~1', 'services:+0-0~1', 'resources:+0-0~1', 'fields:+0-0~1']],
    ['nested fields are not compared', one(res('p.s.r', { a: {} }, [field('x', 'object', { fields: [field('a')] })])), one(res('p.s.r', { a: {} }, [field('x', 'object', { fields: [field('b', 'integer')] })])), []],
    ['merged views are not compared', one(res('p.s.r', { a: {} }, [field('x')])), one(res('p.s.r', { a: {} }, [field('x')], { views: [view('vw_r', [field('v')])] })), []],
    ['descriptions and titles are not compared', one(res('p.s.r', { a: {} })), one(res('p.s.r', { a: {} }, [], { title: 'New', description: 'changed' })), []],
    [
      'service added: its resources count as added',
      reg(prov('p', [svc('s', [r1])])),
      reg(prov('p', [svc('s', [r1]), svc('t', [res('p.t.x', { a: {} }, [field('f')])])])),
      ['providers:+0-0~1', 'services:+1-0~0', 'resources:+1-0~0', 'methods:+1-0~0', 'fields:+1-0~0'],
    ],
    ['provider added', reg(), reg(prov('q', [svc('s', [r1])])), ['providers:+1-0~0', 'services:+1-0~0', 'resources:+1-0~0', 'methods:+2-0~0', 'fields:+2-0~0']],
    ['provider removed', reg(prov('q', [svc('s', [r1])])), reg(), ['providers:+0-1~0', 'services:+0-1~0', 'resources:+0-1~0', 'methods:+0-2~0', 'fields:+0-2~0']],
    ['empty service added', reg(prov('p', [])), reg(prov('p', [svc('s', [])])), ['providers:+0-0~1', 'services:+1-0~0']],
  ])('%s', (_label, base, head, expected) => {
    const d = diffRegistries(base, head);
    expect(tally(d.counts)).toEqual(expected);
    expect(hasDifferences(d)).toBe(expected.length > 0);
  });
});

describe('likely moves: operations of a removed resource now on an added one', () => {
  const a = (op: string) => ({ op });
  it.each([
    ['renamed resource, all operations', one(res('p.s.old', { x: a('get /1'), y: a('post /1'), z: a('delete /1') })), one(res('p.s.new', { x: a('get /1'), y: a('post /1'), z: a('delete /1') })), ['p.s.old -> p.s.new (3 of 3)']],
    ['method names do not matter, operations do', one(res('p.s.old', { x: a('get /1') })), one(res('p.s.new', { renamed: a('get /1') })), ['p.s.old -> p.s.new (1 of 1)']],
    ['same names, different operations: no move', one(res('p.s.old', { x: a('get /1') })), one(res('p.s.new', { x: a('get /2') })), []],
    ['the same path with another HTTP method is another operation', one(res('p.s.old', { x: a('get /1') })), one(res('p.s.new', { x: a('post /1') })), []],
    [
      'split over two added resources, larger share first',
      one(res('p.s.old', { x: a('get /1'), y: a('get /2'), z: a('get /3') })),
      one(res('p.s.b', { z: a('get /3') }), res('p.s.c', { x: a('get /1'), y: a('get /2') })),
      ['p.s.old -> p.s.c (2 of 3)', 'p.s.old -> p.s.b (1 of 3)'],
    ],
    ['operation now on a resource that was already there: no move', one(res('p.s.old', { x: a('get /1') }), res('p.s.kept', { k: a('get /k') })), one(res('p.s.kept', { k: a('get /k'), x: a('get /1') })), []],
    [
      'across services of one provider',
      reg(prov('p', [svc('s', [res('p.s.r', { x: a('get /1') })])])),
      reg(prov('p', [svc('s', []), svc('t', [res('p.t.r', { x: a('get /1') })])])),
      ['p.s.r -> p.t.r (1 of 1)'],
    ],
    [
      'never across providers',
      reg(prov('p', [svc('s', [res('p.s.r', { x: a('get /1') })])])),
      reg(prov('q', [svc('s', [res('q.s.r', { x: a('get /1') })])])),
      [],
    ],
    ['a method under two verbs is one operation', one(res('p.s.old', { x: { op: 'get /1', verbs: ['select', 'exec'] } })), one(res('p.s.new', { x: a('get /1') })), ['p.s.old -> p.s.new (1 of 1)']],
  ])('%s', (_label, base, head, expected) => {
    expect(moves(diffRegistries(base, head))).toEqual(expected);
  });
});

describe('details', () => {
  it('lists added, removed and changed methods and fields of a resource', () => {
    const base = one(res('p.s.r', { a: { verbs: ['insert'], required: ['x'] }, gone: {} }, [field('f1'), field('f2', 'integer')]));
    const head = one(res('p.s.r', { a: { verbs: ['exec'], required: ['x', 'y'], op: 'post /r/a' }, fresh: { required: ['id'] } }, [field('f2', 'string'), field('f3', 'boolean')]));
    const d = diffRegistries(base, head);
    expect(d.providers).toHaveLength(1);
    const r = d.providers[0]!.services[0]!.resourcesChanged[0]!;
    expect(r.id).toBe('p.s.r');
    expect(r.methodsAdded).toEqual([{ name: 'fresh', verbs: ['select'], requiredParams: ['id'], operation: 'GET /r/fresh' }]);
    expect(r.methodsRemoved.map((m) => m.name)).toEqual(['gone']);
    expect(r.methodsChanged).toEqual([
      { name: 'a', verbs: { before: ['insert'], after: ['exec'] }, requiredParams: { before: ['x'], after: ['x', 'y'] }, operation: { before: 'GET /r/a', after: 'POST /r/a' } },
    ]);
    expect(r.fieldsAdded).toEqual([{ name: 'f3', type: 'boolean' }]);
    expect(r.fieldsRemoved).toEqual([{ name: 'f1', type: 'string' }]);
    expect(r.fieldsRetyped).toEqual([{ name: 'f2', before: 'integer', after: 'string' }]);
  });

  it('verbs of a method are listed in verb order', () => {
    const d = diffRegistries(one(), one(res('p.s.r', { a: { verbs: ['exec', 'update', 'select'] } })));
    expect(d.providers[0]!.services[0]!.resourcesAdded[0]).toEqual({ id: 'p.s.r', name: 'r', kind: 'resource', methods: ['a'], fields: 0 });
    const d2 = diffRegistries(one(res('p.s.r', {})), one(res('p.s.r', { a: { verbs: ['exec', 'update', 'select'] } })));
    expect(d2.providers[0]!.services[0]!.resourcesChanged[0]!.methodsAdded[0]!.verbs).toEqual(['select', 'update', 'exec']);
  });

  it('is the same whatever order the model lists things in', () => {
    const rs = [res('p.s.b', { y: {}, x: {} }, [field('q'), field('p')]), res('p.s.a', { z: {} })];
    const base = reg(prov('p', [svc('s', []), svc('t', [])]), prov('o', []));
    const head1 = reg(prov('o', [svc('u', [])]), prov('p', [svc('t', []), svc('s', rs)]));
    const head2 = reg(prov('p', [svc('s', [...rs].reverse()), svc('t', [])]), prov('o', [svc('u', [])]));
    expect(diffRegistries(base, head1)).toEqual(diffRegistries(base, head2));
    expect(diffRegistries(base, head1).providers.map((p) => p.name)).toEqual(['o', 'p']);
  });

  it('a standalone view is a resource with no methods', () => {
    const v = res('p.s.vw_x', {}, [field('c')], { kind: 'view' });
    const d = diffRegistries(one(), one(v));
    expect(tally(d.counts)).toContain('resources:+1-0~0');
    expect(d.providers[0]!.services[0]!.resourcesAdded[0]).toMatchObject({ kind: 'view', methods: [], fields: 1 });
  });
});
