import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../generator/generate.js';
import { exitCodeOf } from '../../generator/report.js';
import { snapshot, tempDir } from '../helpers/cli.js';
import { providerYaml, serviceYaml, writeRegistry } from '../helpers/mini-registry.js';

// Several providers in one run: each provider's output is atomic on its own. A
// provider with an error is reported and left exactly as it was on disk (files,
// bytes, mtimes, manifest entries); the others are written; the exit code is 2.

const NO_SETTINGS = tempDir('pd-no-settings-');

function registry(): string {
  return writeRegistry({
    'a/v1/provider.yaml': providerYaml('a', { s: 'a/v1/services/s.yaml' }),
    'a/v1/services/s.yaml': serviceYaml({ resourceId: 'a.s.things' }),
    'b/v1/provider.yaml': providerYaml('b', { s: 'b/v1/services/s.yaml', t: 'b/v1/services/t.yaml' }),
    'b/v1/services/s.yaml': serviceYaml({ resourceId: 'b.s.things' }),
    'b/v1/services/t.yaml': serviceYaml({ resourceId: 'b.t.things' }),
    'c/v1/provider.yaml': providerYaml('c', { s: 'c/v1/services/s.yaml' }),
    'c/v1/services/s.yaml': serviceYaml({ resourceId: 'c.s.things' }),
  });
}

const edit = (root: string, rel: string, fn: (s: string) => string) => fs.writeFileSync(path.join(root, rel), fn(fs.readFileSync(path.join(root, rel), 'utf8')));
const under = (snap: Map<string, string>, prefix: string) => new Map([...snap].filter(([p]) => p.startsWith(prefix)));
const manifestPaths = (out: string) => Object.keys(JSON.parse(fs.readFileSync(path.join(out, '.provider-docs-manifest.json'), 'utf8')).files as object).sort();

describe('one provider with errors, the others written', () => {
  it('keeps the failing provider exactly as it was, writes the others, exits 2; the next good run writes everything', async () => {
    const root = registry();
    const out = path.join(tempDir('pd-out-'), 'docs');
    const first = await generate({ registry: root, out, settings: NO_SETTINGS });
    expect(exitCodeOf(first, {})).toBe(0);
    const before = snapshot(out);
    const ownedBefore = manifestPaths(out);

    // b breaks (one of its two services), a and c change.
    edit(root, 'b/v1/services/t.yaml', (s) => s.replace('    get:\n', '    get: [\n'));
    edit(root, 'b/v1/services/s.yaml', (s) => s.replace('Lists things.', 'Lists b things, changed.'));
    edit(root, 'a/v1/services/s.yaml', (s) => s.replace('Lists things.', 'Lists a things, changed.'));
    edit(root, 'c/v1/services/s.yaml', (s) => s.replace('Lists things.', 'Lists c things, changed.'));
    const second = await generate({ registry: root, out, settings: NO_SETTINGS });
    expect(exitCodeOf(second, {})).toBe(2);
    const errors = second.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => `${path.resolve(d.file)} ${d.code}`)).toEqual([`${path.join(root, 'b/v1/services/t.yaml')} yaml-syntax`]);
    const after = snapshot(out);
    expect(under(after, 'providers/b')).toEqual(under(before, 'providers/b'));
    expect(fs.readFileSync(path.join(out, 'providers/a/s/things/index.md'), 'utf8')).toContain('Lists a things, changed.');
    expect(fs.readFileSync(path.join(out, 'providers/c/s/things/index.md'), 'utf8')).toContain('Lists c things, changed.');
    expect(manifestPaths(out)).toEqual(ownedBefore);

    // Fixed: b is written too, and the run is complete again.
    edit(root, 'b/v1/services/t.yaml', (s) => s.replace('    get: [\n', '    get:\n'));
    const third = await generate({ registry: root, out, settings: NO_SETTINGS });
    expect(exitCodeOf(third, {})).toBe(0);
    expect(fs.readFileSync(path.join(out, 'providers/b/s/things/index.md'), 'utf8')).toContain('Lists b things, changed.');
    const fourth = await generate({ registry: root, out, settings: NO_SETTINGS });
    expect(fourth.upToDate).toBe(true);
  });

  it('a provider that fails on its first run leaves no folder; the others are written', async () => {
    const root = registry();
    edit(root, 'c/v1/provider.yaml', (s) => s.replace('providerServices:', 'providerServices: [').replace(/$/, ''));
    const out = path.join(tempDir('pd-out-'), 'docs');
    const r = await generate({ registry: root, out, settings: NO_SETTINGS });
    expect(exitCodeOf(r, {})).toBe(2);
    expect(fs.existsSync(path.join(out, 'providers/c'))).toBe(false);
    expect(fs.existsSync(path.join(out, 'providers/a/s/things/index.md'))).toBe(true);
    expect(fs.existsSync(path.join(out, 'providers/b/t/things/index.md'))).toBe(true);
  });

  it('after a failed provider, a run with nothing changed is not "up to date": it reports the error again', async () => {
    const root = registry();
    edit(root, 'b/v1/services/t.yaml', (s) => s.replace('    get:\n', '    get: [\n'));
    const out = path.join(tempDir('pd-out-'), 'docs');
    expect(exitCodeOf(await generate({ registry: root, out, settings: NO_SETTINGS }), {})).toBe(2);
    const again = await generate({ registry: root, out, settings: NO_SETTINGS });
    expect(again.upToDate).toBe(false);
    expect(exitCodeOf(again, {})).toBe(2);
  });

  it('an error that belongs to no provider writes nothing', async () => {
    const root = registry();
    const out = path.join(tempDir('pd-out-'), 'docs');
    const r = await generate({ registry: root, out, settings: NO_SETTINGS, providers: ['a', 'nope'] });
    expect(exitCodeOf(r, {})).toBe(2);
    expect(fs.existsSync(out)).toBe(false);
  });
});
