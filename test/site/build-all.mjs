#!/usr/bin/env node
// npm run test:site:build-all
// For each shared Databricks registry (2024-12, 2026-02, 2026-07; both providers): generate the pages
// into a temp docs folder and build the site (onBrokenLinks/onBrokenAnchors: 'throw', so a build
// with any broken link fails). One build at a time: each takes 30-60 s and ~1.5 GB.
// Then one site per provider of the August 2026 registry that the issue names (okta,
// googleadmin, cloudflare), written `<registry>:<provider>`.
// Pass targets to build only some, and generator options after them:
//   node test/site/build-all.mjs databricks-2026-07 registry-2026-08:okta --layout detailed
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  brokenLinkReport,
  buildSite,
  countPages,
  generate,
  sharedDir,
  sharedRegistries,
} from '../../site/scripts/lib.mjs';

const argv = process.argv.slice(2);
const firstOption = argv.findIndex((a) => a.startsWith('-'));
const wanted = firstOption < 0 ? argv : argv.slice(0, firstOption);
const generatorArgs = firstOption < 0 ? [] : argv.slice(firstOption);
const registryProviders = ['okta', 'googleadmin', 'cloudflare'].map((p) => `registry-2026-08:${p}`);
const names = wanted.length > 0 ? wanted : [...sharedRegistries, ...registryProviders];
if (!fs.existsSync(path.join(sharedDir, 'specs'))) {
  console.log(`build-all skipped: ${path.join(sharedDir, 'specs')} is missing (the shared specs live in ../shared).`);
  process.exit(0);
}

const results = [];
for (const name of names) {
  const [registryName, provider] = name.split(':');
  const registry = path.join(sharedDir, 'specs', registryName);
  if (!fs.existsSync(registry)) {
    results.push({ name, ok: false, detail: `missing ${registry}` });
    continue;
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `provider-docs-${name.replace(':', '-')}-`));
  const docsDir = path.join(work, 'docs');
  try {
    await generate({ registry, out: docsDir, extraArgs: [...(provider ? ['--provider', provider] : []), ...generatorArgs], quiet: true });
    const pages = countPages(docsDir);
    console.log(`${name}${generatorArgs.length ? ` (${generatorArgs.join(' ')})` : ''}: ${pages} pages generated; building ...`);
    const r = await buildSite({ docsDir, outDir: path.join(work, 'build'), quiet: true });
    const broken = brokenLinkReport(r.output);
    if (r.code !== 0) {
      process.stderr.write(broken || r.output.slice(-6000));
    }
    results.push({
      name,
      ok: r.code === 0,
      detail: `${pages} pages, ${(r.ms / 1000).toFixed(1)} s${r.code === 0 ? ', no broken links' : broken ? ', BROKEN LINKS' : `, exit ${r.code}`}`,
    });
  } catch (e) {
    results.push({ name, ok: false, detail: String(e instanceof Error ? e.message : e) });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

console.log('');
for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name}: ${r.detail}`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
