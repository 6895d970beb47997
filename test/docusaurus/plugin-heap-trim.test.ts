// The plugin under `docusaurus build` adds a bundler plugin that collects the heap when bundling
// ends (generator/docusaurus/heap-trim.ts); not with `trimHeap: false`, and never under `start`.
// Called as Docusaurus calls it, from dist/ (built by the global setup), without a registry (no
// generation).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LoadContext, Plugin } from '@docusaurus/types';
import { afterAll, describe, expect, test } from 'vitest';

const repo = path.resolve(import.meta.dirname, '..', '..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'provider-docs-heap-trim-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

type DoneHook = { tap(name: string, fn: () => void): void };
type BundlerPlugin = { apply?(compiler: { hooks: { done: DoneHook } }): void };

/** The bundler plugins the provider-docs plugin adds under `command` with `options`. */
async function bundlerPlugins(command: string, options: Record<string, unknown>): Promise<BundlerPlugin[]> {
  const argv2 = process.argv[2];
  process.argv[2] = command;
  try {
    const { default: providerDocs } = (await import(path.join(repo, 'dist', 'docusaurus', 'plugin.js'))) as {
      default: (context: LoadContext, options: Record<string, unknown>) => Promise<Plugin<unknown>>;
    };
    const plugin = await providerDocs({ siteDir: work } as LoadContext, { out: path.join(work, 'docs'), ...options });
    class NormalModuleReplacementPlugin {
      constructor(readonly pattern: RegExp) {}
    }
    const utils = { currentBundler: { instance: { NormalModuleReplacementPlugin } } };
    const config = { resolve: { alias: {} } };
    const r = (plugin.configureWebpack as unknown as (c: unknown, s: boolean, u: unknown) => { plugins: BundlerPlugin[] })(config, false, utils);
    return r.plugins;
  } finally {
    process.argv[2] = argv2!;
  }
}

/** Taps each plugin's `done` hook and runs what was tapped; returns the names tapped. */
function runDone(plugins: BundlerPlugin[]): string[] {
  const tapped: { name: string; fn: () => void }[] = [];
  for (const p of plugins) p.apply?.({ hooks: { done: { tap: (name, fn) => tapped.push({ name, fn }) } } });
  for (const t of tapped) t.fn();
  return tapped.map((t) => t.name);
}

describe('heap trimming in the Docusaurus plugin', () => {
  test('build: collects when bundling is done', async () => {
    expect(runDone(await bundlerPlugins('build', {}))).toEqual(['provider-docs-heap-trim']);
  });
  test('build with trimHeap: false, and start: nothing added', async () => {
    expect(runDone(await bundlerPlugins('build', { trimHeap: false }))).toEqual([]);
    expect(runDone(await bundlerPlugins('start', {}))).toEqual([]);
  });
});
