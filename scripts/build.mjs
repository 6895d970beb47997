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
const outdir = path.join(root, 'dist');
fs.rmSync(outdir, { recursive: true, force: true });

// Entry points other code imports by path: the CLI, the API used by the
// Docusaurus plugin, the worker thread, and the diff command.
const entries = ['cli', 'generate', 'diagnostics', 'load/load-templates', 'diff/diff-command', 'pipeline/service-worker'];

// Bundled CommonJS dependencies (handlebars, gray-matter) call require().
const banner = { js: "import { createRequire as __pdCreateRequire } from 'node:module'; const require = __pdCreateRequire(import.meta.url);" };

// The built-in templates, precompiled by Handlebars with the generator's own
// options (see generator/render/precompile-templates.ts), replace the empty
// map of precompiled-templates.ts in the bundle.
const precompiler = path.join(outdir, 'precompile.tmp.mjs');
await esbuild.build({
  entryPoints: [path.join(root, 'generator', 'render', 'precompile-templates.ts')],
  outfile: precompiler,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  banner,
  logLevel: 'warning',
});
const { precompiledModuleSource } = await import(pathToFileURL(precompiler).href);
fs.rmSync(precompiler);
const hbs = (d) => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? hbs(path.join(d, e.name)) : e.name.endsWith('.hbs') ? [path.join(d, e.name)] : []));
const precompiled = precompiledModuleSource(hbs(path.join(root, 'templates')).sort().map((f) => fs.readFileSync(f, 'utf8')));
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
