// Builds the site once for the browser tests and serves it on 127.0.0.1.
//
// Pages come from SITE_TEST_DOCS_DIR (an existing docs folder, copied) or else from
// `provider-docs generate` run on SITE_TEST_REGISTRY (default: the repository's own specs/).
// A fixture page for the Tabs wrapper is added to the temp copy (see TABS_FIXTURE), never to
// the generated tree.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { assertChromium } from './browser.js';
import { TABS_FIXTURE } from './fixtures.js';
import { startStaticServer } from './static-server.js';
import { brokenLinkReport, buildSite, countPages, generate } from '../../site/scripts/lib.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
    docsDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  assertChromium();
  const env = process.env;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'provider-docs-site-test-'));
  const docsDir = path.join(work, 'docs');
  if (env.SITE_TEST_DOCS_DIR) {
    fs.cpSync(path.resolve(env.SITE_TEST_DOCS_DIR), docsDir, { recursive: true });
  } else {
    await generate({ out: docsDir, registry: env.SITE_TEST_REGISTRY, quiet: true });
  }
  fs.mkdirSync(path.join(docsDir, TABS_FIXTURE.dir), { recursive: true });
  fs.writeFileSync(path.join(docsDir, TABS_FIXTURE.dir, 'index.md'), TABS_FIXTURE.page);

  const buildDir = path.join(work, 'build');
  const started = Date.now();
  const r = await buildSite({ docsDir, outDir: buildDir, quiet: true });
  if (r.code !== 0) {
    throw new Error(`Site build failed (exit ${r.code}):\n${brokenLinkReport(r.output) || r.output.slice(-6000)}`);
  }
  console.log(`[site tests] built ${countPages(docsDir)} provider pages in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const server = await startStaticServer(buildDir);
  project.provide('siteUrl', server.url);
  project.provide('docsDir', docsDir);
  return async () => {
    await server.close();
    fs.rmSync(work, { recursive: true, force: true });
  };
}
