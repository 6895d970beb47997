#!/usr/bin/env node
// npm start [-- <options>]: `docusaurus start site` with the generator options of the command
// line. The site's provider-docs plugin generates the pages before the server starts and again
// whenever a spec, a provider settings file or a template changes (its getPathsToWatch);
// the docs plugin then hot-reloads the pages that changed. A failed run is printed and the
// server keeps the previous pages. This script only parses the generate options (the
// generator's own table) and hands them to the site config as JSON in PROVIDER_DOCS_GENERATE.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { availableLayouts, optionsHelp, parseArgsConfig, toGenerateOptions } from 'provider-docs';
import { repoRoot, resolveDocsDir, siteDir } from '../lib/docs-tree.mjs';

// `--check` writes nothing and exits: no option for a watching process.
const watching = (/** @type {{ oneShot?: boolean }} */ o) => !o.oneShot;

const HELP = `npm start [-- <options>] (node site/scripts/start.mjs)

Starts \`docusaurus start site\`; the site's provider-docs plugin generates the provider pages into
the docs folder and regenerates them on every change to the registry, the provider settings or
the templates.

Generator options (as for \`provider-docs generate\`):
${optionsHelp({ layouts: availableLayouts(), filter: watching, replace: { out: ['docs folder (default: PROVIDER_DOCS_DIR, else site/docs)'] } })}
Dev server options:
  --host <host>        (default: localhost)
  --port <port>        (default: 3000)
  --poll               watch by polling (network or container file systems)
  -- <args>            anything after -- goes to \`docusaurus start\` as is
The browser is not opened (--no-open).
`;

const docusaurusCli = path.join(repoRoot, 'node_modules', '@docusaurus', 'core', 'bin', 'docusaurus.mjs');

/** @type {Record<string, any>} */
let values;
/** @type {string[]} */
let passThrough;
const argv = process.argv.slice(2);
const dashes = argv.indexOf('--');
try {
  values = parseArgs({
    args: dashes < 0 ? argv : argv.slice(0, dashes),
    strict: true,
    allowPositionals: false,
    options: {
      ...parseArgsConfig(watching),
      host: { type: 'string' },
      port: { type: 'string' },
      poll: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  }).values;
  passThrough = dashes < 0 ? [] : argv.slice(dashes + 1);
} catch (e) {
  process.stderr.write(`start: ${/** @type {Error} */ (e).message}\n\n${HELP}`);
  process.exit(2);
}
if (values.help) {
  process.stdout.write(HELP);
  process.exit(0);
}

const generateOptions = toGenerateOptions(values, { out: resolveDocsDir(), registry: path.join(repoRoot, 'specs') }, (p) => path.resolve(p));
const env = {
  ...process.env,
  PROVIDER_DOCS_GENERATE: JSON.stringify({ ...generateOptions, quiet: values.quiet === true, verbose: values.verbose === true }),
};

const server = spawn(
  process.execPath,
  [
    docusaurusCli,
    'start',
    siteDir,
    '--no-open',
    ...(values.host ? ['--host', values.host] : []),
    ...(values.port ? ['--port', values.port] : []),
    ...(values.poll ? ['--poll'] : []),
    ...passThrough,
  ],
  { cwd: repoRoot, env, stdio: 'inherit' },
);

// The server's end is ours; a signal ends the server first.
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
  process.on(signal, () => {
    if (server.exitCode === null && server.signalCode === null) server.kill(signal);
    else process.exit(0);
  });
}
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
