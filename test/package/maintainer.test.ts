// What a provider maintainer does with the published package, in a fresh folder outside this
// repository (so nothing resolves to its node_modules): `npm pack` here; there `git init`,
// `npm init -y`, install the tarball, `npx provider-docs --version`, `npx provider-docs init`,
// then in the site: install the same tarball, `npm install`, `npm run build`. The build must have
// a page for every resource of the provider and no broken link, and a resource page's copy
// button must put the resource id on the clipboard (headless Chromium).
//
// npm run test:package (config vitest.package.config.ts). Needs ../shared/specs/registry-2026-08,
// the npm registry (the site's Docusaurus dependencies) and Chromium. Both installs use the same
// npm cache. PACKAGE_TEST_PROVIDER picks the provider (default okta, as the issue asks: it has registry faults,
// a `$ref` that differs from its file in case and a service folder starting with `_`).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yaml from 'js-yaml';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { REPO, sharedPath, skipNotice } from '../helpers/shared.js';
import { launch, type Browser } from '../site/browser.js';
import { startStaticServer, type StaticServer } from '../site/static-server.js';

const PROVIDER = process.env.PACKAGE_TEST_PROVIDER ?? 'okta';
const SECOND = process.env.PACKAGE_TEST_SECOND_PROVIDER ?? 'github';
const REGISTRY = sharedPath('specs/registry-2026-08');
const WORKFLOW = '.github/workflows/provider-docs.yml';
if (!REGISTRY) skipNotice('the package test (a maintainer adopting provider-docs)');
const VERSION = (JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string }).version;

interface Run {
  code: number | null;
  out: string;
}

/** The environment of a maintainer's shell: none of the npm variables of the `npm run` that started this test. */
function shellEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k) || /^npm_config_cache$/i.test(k)) env[k] = v;
  return { ...env, NO_UPDATE_NOTIFIER: '1', npm_config_fund: 'false', npm_config_audit: 'false' };
}

function run(cmd: string, args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env: shellEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
  });
}

async function ok(cmd: string, args: string[], cwd: string): Promise<string> {
  const r = await run(cmd, args, cwd);
  if (r.code !== 0) throw new Error(`${cmd} ${args.join(' ')} (in ${cwd}) exited ${r.code}:\n${r.out.slice(-6000)}`);
  return r.out;
}

/** Resource ids of a provider, read from its specs (not from what the generator wrote). */
function resourceIds(registry: string, provider: string): string[] {
  const versions = fs.readdirSync(path.join(registry, provider));
  const root = path.join(registry, provider, versions[0]!);
  const doc = yaml.load(fs.readFileSync(path.join(root, 'provider.yaml'), 'utf8')) as { providerServices: Record<string, { service: { $ref: string } }> };
  const ids: string[] = [];
  for (const svc of Object.values(doc.providerServices)) {
    // service files are named relative to the registry root
    const spec = yaml.load(fs.readFileSync(caseInsensitivePath(registry, svc.service.$ref), 'utf8')) as { components?: { 'x-stackQL-resources'?: Record<string, { id: string }> } };
    for (const r of Object.values(spec.components?.['x-stackQL-resources'] ?? {})) ids.push(r.id);
  }
  return ids.sort();
}

/**
 * The file a registry-relative `$ref` names, matching each segment without regard to case, as
 * StackQL does (okta's provider.yaml names `org.yaml` for `Org.yaml`).
 */
function caseInsensitivePath(root: string, ref: string): string {
  let at = root;
  for (const seg of ref.split('/').filter((s) => s !== '' && s !== '.')) {
    const exact = path.join(at, seg);
    if (fs.existsSync(exact)) {
      at = exact;
      continue;
    }
    const match = fs.readdirSync(at).filter((n) => n.toLowerCase() === seg.toLowerCase());
    if (match.length !== 1) throw new Error(`${ref}: no single file matches ${seg} in ${at}`);
    at = path.join(at, match[0]!);
  }
  return at;
}

/**
 * Resource id -> site path of the built page that offers to copy it (the resource pages of the
 * build: providers/<P>/<S>/<R>/index.html), whatever folder names the generator chose.
 */
function resourcePages(build: string): Map<string, string> {
  const out = new Map<string, string>();
  const root = path.join(build, 'providers');
  for (const rel of fs.readdirSync(root, { recursive: true }) as string[]) {
    const parts = rel.split(path.sep);
    if (parts.length !== 4 || parts[3] !== 'index.html') continue;
    const html = fs.readFileSync(path.join(root, rel), 'utf8');
    for (const m of html.matchAll(/aria-label="Copy ([\w.-]+\.[\w.-]+\.[\w.-]+)"/g)) {
      if (!out.has(m[1]!)) out.set(m[1]!, `/providers/${parts.slice(0, 3).join('/')}/`);
    }
  }
  return out;
}

/** actionlint (and shellcheck when installed) over one workflow file, as `npm run lint:workflow` does. */
const lintWorkflow = (file: string) => ok('bash', [path.join(REPO, 'test/workflow/lint.sh'), file], REPO);

const matrixDirs = (file: string) =>
  (parseYaml(fs.readFileSync(file, 'utf8')) as { jobs: { build: { strategy: { matrix: { include: { dir: string }[] } } } } }).jobs.build.strategy.matrix.include.map((e) => e.dir);

describe.skipIf(!REGISTRY)(`a maintainer adopts provider-docs for ${PROVIDER}`, () => {
  const registry = REGISTRY!;
  let work: string;
  let repo: string;
  let tarball: string;
  let site: string;
  let server: StaticServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'provider-docs-package-test-'));
    const packed = await ok('npm', ['pack', '--silent', '--pack-destination', work], REPO);
    tarball = path.join(work, packed.trim().split('\n').pop()!.trim());
    expect(fs.existsSync(tarball)).toBe(true);
    repo = path.join(work, 'repo');
    site = path.join(repo, 'website', PROVIDER);
    fs.mkdirSync(repo);
    await ok('git', ['init', '-q'], repo);
    await ok('npm', ['init', '-y'], repo);
    await ok('npm', ['install', tarball], repo);
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  }, 60_000);

  test('npx provider-docs --version', async () => {
    expect((await ok('npx', ['provider-docs', '--version'], repo)).trim()).toBe(VERSION);
  });

  test('init writes the site and a workflow naming it, which passes actionlint', async () => {
    await ok('npx', ['provider-docs', 'init', `website/${PROVIDER}`, '--registry', registry, '--provider', PROVIDER], repo);
    for (const f of ['package.json', 'docusaurus.config.ts', 'sidebars.ts', 'src/pages/index.tsx', `providers/${PROVIDER}.md`, '.gitignore']) {
      expect(fs.existsSync(path.join(site, f)), f).toBe(true);
    }
    const pkg = JSON.parse(fs.readFileSync(path.join(site, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(pkg.dependencies['provider-docs']).toBe(`^${VERSION}`);
    // the scaffold depends on the package: none of its code (components, generator) is copied
    const files = fs.readdirSync(site, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && !path.join(e.parentPath, e.name).includes(`${path.sep}docs${path.sep}`));
    expect(files.map((e) => e.name).filter((n) => /CopyableCode|Tabs|plugin/.test(n))).toEqual([]);
    const config = fs.readFileSync(path.join(site, 'docusaurus.config.ts'), 'utf8');
    expect(config).toContain(`registry: ${JSON.stringify(path.relative(site, registry).split(path.sep).join('/'))}`);
    expect(config).toContain("layout: \"detailed\"");
    expect(matrixDirs(path.join(repo, WORKFLOW))).toEqual([`website/${PROVIDER}`]);
    await lintWorkflow(path.join(repo, WORKFLOW));
  }, 120_000);

  test('a second init into the same folder refuses and names the files', async () => {
    const before = fs.readFileSync(path.join(site, 'package.json'), 'utf8');
    const r = await run('npx', ['provider-docs', 'init', `website/${PROVIDER}`, '--registry', registry, '--provider', PROVIDER], repo);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/already has .*package\.json/);
    expect(r.out).toMatch(/already has .*docusaurus\.config\.ts/);
    expect(r.out).toContain('--force');
    expect(fs.readFileSync(path.join(site, 'package.json'), 'utf8')).toBe(before);
  }, 60_000);

  test('a second provider joins the same workflow matrix', async () => {
    await ok('npx', ['provider-docs', 'init', `website/${SECOND}`, '--registry', registry, '--provider', SECOND], repo);
    expect(fs.readdirSync(path.join(repo, '.github/workflows'))).toEqual(['provider-docs.yml']);
    expect(matrixDirs(path.join(repo, WORKFLOW))).toEqual([`website/${PROVIDER}`, `website/${SECOND}`]);
    await lintWorkflow(path.join(repo, WORKFLOW));
  }, 120_000);

  test('the site installs and builds: a page for every resource, no broken link', async () => {
    await ok('npm', ['install', tarball], site);
    await ok('npm', ['install'], site);
    const out = await ok('npm', ['run', 'build'], site);
    expect(out).not.toMatch(/broken (links|anchors)/i);
    const ids = resourceIds(registry, PROVIDER);
    expect(ids.length).toBeGreaterThan(0);
    const pages = resourcePages(path.join(site, 'build'));
    const missing = ids.filter((id) => !pages.has(id));
    expect(missing).toEqual([]);
  }, 1_200_000);

  test('a resource page: its copy button puts the resource id on the clipboard', async () => {
    const id = resourceIds(registry, PROVIDER)[0]!;
    const page = resourcePages(path.join(site, 'build')).get(id)!;
    server = await startStaticServer(path.join(site, 'build'));
    browser = await launch();
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    const tab = await browser.context.newPage();
    await tab.goto(`${server.url}${page}`);
    await tab.waitForSelector('html[data-has-hydrated="true"]', { timeout: 60_000 });
    await tab.evaluate(() => navigator.clipboard.writeText('nothing yet'));
    const button = tab.getByRole('button', { name: `Copy ${id}`, exact: true }).first();
    await button.click();
    await expect(tab.evaluate(() => navigator.clipboard.readText())).resolves.toBe(id);
  }, 120_000);
});
