#!/usr/bin/env node
// Builds dist/ with esbuild: the generator and its dependencies bundled into a
// few ES modules. Why bundle: remark, micromark and their helpers are hundreds
// of small modules, and resolving and compiling them took 330-530 ms per
// thread at every start; the bundle loads in about 70 ms. Type checking is
// `npm run typecheck` (tsc); esbuild only strips types.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = fileURLToPath(new URL('../', import.meta.url));
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
  // Docusaurus plugin (generate, options, report), the worker thread, and the diff command.
  const entries = ['cli', 'generate', 'diagnostics', 'options', 'report', 'load/load-templates', 'diff/diff-command', 'pipeline/service-worker'];

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
    plugins: [precompiledPlugin],
    legalComments: 'linked',
    logLevel: 'warning',
  });
}
