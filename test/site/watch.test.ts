// `npm start` (site/scripts/start.mjs, i.e. `docusaurus start site`): the provider-docs plugin
// generates the pages inside Docusaurus' lifecycle and, through its getPathsToWatch, again when
// a spec changes; no watcher of ours. The dev server renders on the client, so a browser checks what it shows: the open
// page must pick up the changed description by itself (hot reload), without a navigation.
//
// The dev server is heavy (a full client compile on start): it runs under the machine's site
// build lock, held from its start until the test kills its process group.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Browser } from './browser.js';
import { BUILD_LOCK } from './site-build.js';
import { repoRoot } from '../../site/lib/docs-tree.mjs';

const HOST = '127.0.0.1';
const USER_TOKENS = '/providers/databricks_workspace/workspace/user_tokens/';
const USER_TOKENS_PAGE = 'providers/databricks_workspace/workspace/user_tokens/index.md';
const WORKSPACE_SPEC = 'databricks_workspace/v00.00.00000/services/workspace.yaml';
const ORIGINAL = 'Lists all the valid tokens for a user-workspace pair.';
const CHANGED = 'Lists every token of one user and workspace (watch test).';
/** Waiting for the lock (another site build) and the dev server's first compile. */
const START_TIMEOUT_MS = 10 * 60_000;
/** From the spec edit to the new text on the open page. */
const RELOAD_TIMEOUT_MS = 90_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Polls `check` every 250 ms until it returns true; throws `what` after `ms`. */
async function until(what: string, ms: number, check: () => boolean | Promise<boolean>): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await check()) return Date.now() - started;
    if (Date.now() - started > ms) throw new Error(`timed out after ${ms / 1000} s waiting for ${what}`);
    await sleep(250);
  }
}

describe('npm start: regenerate on spec changes, dev server reloads', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'provider-docs-watch-test-'));
  const registry = path.join(work, 'registry');
  const docsDir = path.join(work, 'docs');
  let child: ChildProcess | undefined;
  let log = '';
  let browser: Browser | undefined;

  afterAll(async () => {
    await browser?.close();
    if (child?.pid && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((done) => child!.once('exit', done));
      // the whole group: flock, start.mjs and the dev server
      process.kill(-child.pid, 'SIGTERM');
      await Promise.race([exited, sleep(10_000)]);
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    fs.rmSync(work, { recursive: true, force: true });
  }, 30_000);

  test('a changed description reaches the generated page and the open browser page', async () => {
    fs.cpSync(path.join(repoRoot, 'specs'), registry, { recursive: true });
    const port = await freePort();
    const base = `http://${HOST}:${port}`;
    const started = Date.now();
    child = spawn(
      'flock',
      [BUILD_LOCK, process.execPath, path.join('site', 'scripts', 'start.mjs'), '--registry', registry, '--host', HOST, '--port', String(port)],
      { cwd: repoRoot, env: { ...process.env, PROVIDER_DOCS_DIR: docsDir }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const exited = () => child!.exitCode !== null || child!.signalCode !== null;
    child.stdout!.on('data', (c: Buffer) => (log += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (log += c.toString()));
    const logTail = () => log.slice(-3000);

    // 1. generated, then served
    await until('the dev server', START_TIMEOUT_MS, async () => {
      if (exited()) throw new Error(`start.mjs exited (${child!.exitCode ?? child!.signalCode}):\n${logTail()}`);
      try {
        return (await fetch(base + USER_TOKENS)).ok;
      } catch {
        return false;
      }
    });
    const startMs = Date.now() - started;
    expect(log).toMatch(/\[provider-docs\] \d+ providers, .* pages \(\d+ written, 0 removed, 0 unchanged\), 0 errors/);
    const pageFile = path.join(docsDir, USER_TOKENS_PAGE);
    expect(fs.readFileSync(pageFile, 'utf8')).toContain(ORIGINAL);

    browser = await launch();
    const page: Page = await browser.context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(base + USER_TOKENS);
    await page.waitForSelector('html[data-has-hydrated="true"]', { timeout: 60_000 });
    await page.waitForFunction((t) => document.body.innerText.includes(t), ORIGINAL, { timeout: 30_000 });
    // marks this document: a full page load would lose it, a hot update keeps it
    await page.evaluate(() => ((window as unknown as { watchTestMark: number }).watchTestMark = 1));

    // 2. change the description in the spec
    const spec = path.join(registry, WORKSPACE_SPEC);
    const original = fs.readFileSync(spec, 'utf8');
    expect(original).toContain(ORIGINAL);
    const edited = Date.now();
    fs.writeFileSync(spec, original.replace(ORIGINAL, CHANGED));

    const fileMs = await until('the regenerated page file', RELOAD_TIMEOUT_MS, () => fs.readFileSync(pageFile, 'utf8').includes(CHANGED));
    await page.waitForFunction((t) => document.body.innerText.includes(t), CHANGED, { timeout: RELOAD_TIMEOUT_MS });
    const browserMs = Date.now() - edited;
    const hot = await page.evaluate(() => (window as unknown as { watchTestMark?: number }).watchTestMark === 1);
    expect(await page.evaluate((t) => document.body.innerText.includes(t), ORIGINAL)).toBe(false);
    await until('the change summary', 10_000, () => /\[provider-docs\] \d+ providers, .*\(1 written, 0 removed, \d+ unchanged\), 0 errors/.test(log));

    // 3. a broken spec: the error is printed, the server keeps serving the last good pages
    fs.writeFileSync(spec, `${original.replace(ORIGINAL, CHANGED)}broken: [unclosed\n`);
    await until('the error report', 30_000, () => /error yaml-syntax[\s\S]*keeps the previous pages/.test(log));
    expect(fs.readFileSync(pageFile, 'utf8')).toContain(CHANGED);
    expect((await fetch(base + USER_TOKENS)).ok).toBe(true);
    expect(exited()).toBe(false);

    // 4. fixed again: back to the original text
    fs.writeFileSync(spec, original);
    await until('the page file back to the original', RELOAD_TIMEOUT_MS, () => fs.readFileSync(pageFile, 'utf8').includes(ORIGINAL));
    await page.waitForFunction((t) => document.body.innerText.includes(t), ORIGINAL, { timeout: RELOAD_TIMEOUT_MS });
    expect(pageErrors).toEqual([]);

    console.log(
      `[watch test] server up ${(startMs / 1000).toFixed(1)} s after spawn (lock wait included); ` +
        `spec edit -> page file ${(fileMs / 1000).toFixed(1)} s, -> browser ${(browserMs / 1000).toFixed(1)} s (${hot ? 'hot update, no page load' : 'page reloaded'})`,
    );
  }, START_TIMEOUT_MS + 5 * RELOAD_TIMEOUT_MS);
});
