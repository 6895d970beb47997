#!/usr/bin/env node
// npm run docs [-- <generator args, e.g. --layout detailed | --registry <root>>]
// Generates pages from the default registry (the repository's specs/) into the docs folder
// (PROVIDER_DOCS_DIR or site/docs), then builds the site into site/build.
import path from 'node:path';
import { resolveDocsDir } from '../lib/docs-tree.mjs';
import { buildSite, countPages, generate, siteDir } from './lib.mjs';

const rel = (/** @type {string} */ p) => path.relative(process.cwd(), p) || '.';
const docsDir = resolveDocsDir();
const extraArgs = process.argv.slice(2);

console.log(`Generating pages into ${rel(docsDir)} ...`);
try {
  await generate({ out: docsDir, extraArgs });
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(2);
}

const pages = countPages(docsDir);
console.log(`Building the site from ${pages} pages ...`);
const r = await buildSite({ docsDir });
if (r.code !== 0) {
  console.error(`Site build failed (exit ${r.code}).`);
  process.exit(r.code);
}
const buildDir = path.join(siteDir, 'build');
console.log(
  [
    '',
    `Site built in ${(r.ms / 1000).toFixed(1)} s: ${buildDir}`,
    `Serve it:  npm run serve   (http://localhost:3000/)`,
    `(or any static file server rooted at that folder)`,
  ].join('\n'),
);
