#!/usr/bin/env node
// npm run docs [-- <generator args, e.g. --layout detailed | --registry <root>>]
// Generates pages from the default registry (the repository's specs/) into the docs folder
// (PROVIDER_DOCS_DIR or site/docs), then builds the site into site/build.
import path from 'node:path';
import { resolveDocsDir, scanProviders } from '../lib/docs-tree.mjs';
import { buildSite, countPages, generate, generatorCli, hasGenerator, repoRoot, siteDir } from './lib.mjs';

const rel = (/** @type {string} */ p) => path.relative(process.cwd(), p) || '.';
const docsDir = resolveDocsDir();
const extraArgs = process.argv.slice(2);

if (hasGenerator()) {
  console.log(`Generating pages into ${rel(docsDir)} ...`);
  try {
    await generate({ out: docsDir, extraArgs });
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(2);
  }
} else if (scanProviders(docsDir).length > 0) {
  console.warn(`${rel(generatorCli)} does not exist yet: building the pages already in ${rel(docsDir)}.`);
} else {
  console.error(`${rel(generatorCli)} does not exist yet and ${rel(docsDir)} holds no provider pages.`);
  process.exit(1);
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
    `Or any static server rooted at ${rel(buildDir)}${rel(repoRoot) === '.' ? '' : ` (repository ${repoRoot})`}.`,
  ].join('\n'),
);
