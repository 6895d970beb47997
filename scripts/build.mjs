#!/usr/bin/env node
// Builds dist/ with esbuild: the generator and its dependencies bundled into a
// few ES modules. Why bundle: remark, micromark and their helpers are hundreds
// of small modules, and resolving and compiling them took 330-530 ms per
// thread at every start; the bundle loads in about 70 ms. Type checking is
// `npm run typecheck` (tsc); esbuild only strips types.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';
import * as esbuild from 'esbuild';

const root = fileURLToPath(new URL('../', import.meta.url));
const DOCUSAURUS_ENTRIES = ['docusaurus/plugin', 'docusaurus/sidebars', 'docusaurus/remark-site-links'];
const dist = path.join(root, 'dist');
// Built in a folder of its own and moved in whole at the end: two builds at
// once (two test runs, a bench during a test run) must not delete each other's
// files, and nothing reading dist/ should see a half-written bundle.
const outdir = fs.mkdtempSync(path.join(root, '.dist-build-'));
fs.chmodSync(outdir, 0o755);
try {
  await build();
} catch (error) {
  fs.rmSync(outdir, { recursive: true, force: true });
  throw error;
}
swapIn(outdir, dist);
linkSite();

/**
 * This repository's site/ is a consumer of the package like any provider's site: it resolves
 * `provider-docs` from its own node_modules, which here is a link to the repository root.
 */
function linkSite() {
  const site = path.join(root, 'site');
  if (!fs.existsSync(path.join(site, 'docusaurus.config.ts'))) return;
  const link = path.join(site, 'node_modules', 'provider-docs');
  fs.mkdirSync(path.dirname(link), { recursive: true });
  try {
    if (fs.realpathSync(link) === fs.realpathSync(root)) return;
    fs.rmSync(link, { recursive: true, force: true });
  } catch {
    // no link yet
  }
  try {
    fs.symlinkSync(path.relative(path.dirname(link), root), link, 'junction');
  } catch (error) {
    // another build made it at the same moment
    if (error.code !== 'EEXIST') throw error;
  }
}

/** Replaces `target` with the folder `built`; a build that finishes at the same time may win instead. */
function swapIn(built, target) {
  for (let attempt = 0; ; attempt++) {
    const old = `${built}-old${attempt}`;
    try {
      fs.renameSync(target, old);
    } catch (error) {
      if (error.code !== 'ENOENT') throw error;
    }
    try {
      fs.renameSync(built, target);
      fs.rmSync(old, { recursive: true, force: true });
      return;
    } catch (error) {
      fs.rmSync(old, { recursive: true, force: true });
      // Another build put its dist/ in place between the two renames: go again.
      if ((error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') || attempt >= 10) throw error;
    }
  }
}

async function build() {
  // Entry points other code imports by path: the CLI, the API used by the
  // Docusaurus plugin's runner, the library entry and its parts (generate, options, report),
  // the worker thread, and the diff command.
  const entries = ['cli', 'index', 'generate', 'diagnostics', 'options', 'report', 'load/load-templates', 'diff/diff-command', 'pipeline/service-worker', 'docusaurus/run'];

  // Bundled CommonJS dependencies (handlebars, gray-matter) call require().
  const banner = { js: "import { createRequire as __pdCreateRequire } from 'node:module'; const require = __pdCreateRequire(import.meta.url);" };

  // The built-in templates, precompiled by Handlebars with the generator's own
  // options (see generator/render/precompile-templates.ts), replace the empty
  // map of precompiled-templates.ts in the bundle.
  const precompiler = path.join(outdir, 'precompile.tmp.mjs');
  await esbuild.build({
    stdin: {
      contents: "export { precompiledModuleSource } from './render/precompile-templates.ts'; export { listHbs } from './load/load-templates.ts';",
      resolveDir: path.join(root, 'generator'),
      loader: 'ts',
    },
    outfile: precompiler,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    banner,
    logLevel: 'warning',
  });
  const { precompiledModuleSource, listHbs } = await import(pathToFileURL(precompiler).href);
  fs.rmSync(precompiler);
  const precompiled = precompiledModuleSource(listHbs(path.join(root, 'templates')).map((f) => fs.readFileSync(f, 'utf8')));
  const precompiledPlugin = {
    name: 'precompiled-templates',
    setup(build) {
      build.onLoad({ filter: /[\\/]render[\\/]precompiled-templates\.ts$/ }, () => ({ contents: precompiled, loader: 'js' }));
    },
  };

  // gray-matter requires js-yaml 3 at load for its default engine, which the
  // generator never uses (it passes js-yaml 4): see scripts/gray-matter-yaml.cjs.
  const grayMatterYamlPlugin = {
    name: 'gray-matter-yaml',
    setup(build) {
      build.onResolve({ filter: /^js-yaml$/ }, (args) => (/[\\/]gray-matter[\\/]/.test(args.importer) ? { path: path.join(root, 'scripts', 'gray-matter-yaml.cjs') } : undefined));
    },
  };

  await esbuild.build({
    entryPoints: Object.fromEntries(entries.map((e) => [e, path.join(root, 'generator', `${e}.ts`)])),
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    chunkNames: 'chunks/[name]-[hash]',
    banner,
    plugins: [precompiledPlugin, grayMatterYamlPlugin],
    legalComments: 'linked',
    logLevel: 'warning',
  });

  // The Docusaurus side, which Docusaurus loads through jiti (a transpiling loader): apart from
  // the generator's bundle, so jiti never sees it; the plugin imports dist/docusaurus/run.js
  // with Node's own loader when it generates.
  await esbuild.build({
    entryPoints: Object.fromEntries(DOCUSAURUS_ENTRIES.map((e) => [e, path.join(root, 'generator', `${e}.ts`)])),
    outdir,
    bundle: true,
    splitting: true,
    packages: 'external',
    format: 'esm',
    platform: 'node',
    target: 'node20',
    chunkNames: 'chunks/docusaurus-[name]-[hash]',
    logLevel: 'warning',
  });

  buildTheme(path.join(root, 'theme'), path.join(outdir, 'theme'));
  emitTypes();
}

/**
 * The theme components, one module each, compiled from TSX: Docusaurus' bundler does not
 * transpile packages in node_modules, so they ship as plain JS (React's automatic JSX runtime);
 * CSS files are copied as they are.
 */
function buildTheme(src, out) {
  for (const entry of fs.readdirSync(src, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath ?? entry.path, entry.name);
    const rel = path.relative(src, file);
    const target = path.join(out, rel);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    if (rel.endsWith('.css')) fs.copyFileSync(file, target);
    else if (/\.tsx?$/.test(rel) && !rel.endsWith('.d.ts')) {
      const { code } = esbuild.transformSync(fs.readFileSync(file, 'utf8'), { loader: rel.endsWith('x') ? 'tsx' : 'ts', jsx: 'automatic', format: 'esm', target: 'es2022', sourcefile: rel });
      fs.writeFileSync(target.replace(/\.tsx?$/, '.js'), code);
    }
  }
}

/** Type declarations of the library and the Docusaurus entries (`types` of the exports map). */
function emitTypes() {
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  if (!fs.existsSync(tsc)) return; // installed without devDependencies: the published package has them already
  const r = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.types.json'), '--outDir', path.join(outdir, 'types')], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('tsc: emitting the type declarations failed');
}
