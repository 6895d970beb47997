#!/usr/bin/env node
// npm start [-- <options>]: generate the provider pages, start the Docusaurus dev server on them,
// and regenerate whenever a spec, a provider settings file or a template changes. The generator
// writes only the pages whose text changed, so the dev server's own watcher reloads just those.
// Generation errors are printed and the server keeps serving the previous pages.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot, resolveDocsDir, siteDir } from '../lib/docs-tree.mjs';
import { loadGenerator, runGenerate } from '../plugins/gen-provider-docs/run.mjs';

let gen;
try {
  gen = await loadGenerator();
} catch (e) {
  process.stderr.write(`${/** @type {Error} */ (e).message}\n`);
  process.exit(2);
}
// The generator's own table of options (as for `provider-docs generate`), less `--check`: a
// watching process writes.
const generatorOption = (/** @type {{ oneShot?: boolean }} */ o) => !o.oneShot;

const HELP = `npm start [-- <options>] (node site/scripts/start.mjs)

Generates the provider pages into the docs folder, starts \`docusaurus start site\` and regenerates
on every change to the registry, the provider settings or the templates.

Generator options (as for \`provider-docs generate\`):
${gen.optionsHelp({ layouts: gen.availableLayouts(), filter: generatorOption, replace: { out: ['docs folder (default: PROVIDER_DOCS_DIR, else site/docs)'] } })}
Dev server options:
  --host <host>        (default: localhost)
  --port <port>        (default: 3000)
  --poll               watch the docs folder by polling (network or container file systems)
  -- <args>            anything after -- goes to \`docusaurus start\` as is
The browser is not opened (--no-open).
`;

const DEBOUNCE_MS = 200;
const docusaurusCli = path.join(repoRoot, 'node_modules', '@docusaurus', 'core', 'bin', 'docusaurus.mjs');

/** @param {string} line */
const log = (line) => process.stdout.write(`[gen-provider-docs] ${line}\n`);
/** @param {string} line */
const logErr = (line) => process.stderr.write(`[gen-provider-docs] ${line}\n`);
const clock = () => new Date().toTimeString().slice(0, 8);
/** A path for messages: relative to the current folder when inside it, else absolute. */
const show = (/** @type {string} */ p) => {
  const rel = path.relative(process.cwd(), p);
  return rel === '' ? '.' : rel.startsWith('..') || path.isAbsolute(rel) ? p : rel;
};

/** @type {Record<string, any>} */
let values;
/** @type {string[]} */
let passThrough;
const argv = process.argv.slice(2);
const dashes = argv.indexOf('--');
try {
  const parsed = parseArgs({
    args: dashes < 0 ? argv : argv.slice(0, dashes),
    strict: true,
    allowPositionals: false,
    options: {
      ...gen.parseArgsConfig(generatorOption),
      host: { type: 'string' },
      port: { type: 'string' },
      poll: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  values = parsed.values;
  passThrough = dashes < 0 ? [] : argv.slice(dashes + 1);
} catch (e) {
  process.stderr.write(`start: ${/** @type {Error} */ (e).message}\n\n${HELP}`);
  process.exit(2);
}
if (values.help) {
  process.stdout.write(HELP);
  process.exit(0);
}

/** @type {import('../plugins/gen-provider-docs/run.d.mts').RunOptions} */
const runOptions = gen.toGenerateOptions(
  values,
  { out: resolveDocsDir(), registry: gen.DEFAULT_REGISTRY, settings: gen.DEFAULT_SETTINGS },
  (p) => path.resolve(p),
);
const docsDir = runOptions.out;
const registry = /** @type {string} */ (runOptions.registry);
const settings = /** @type {string} */ (runOptions.settings);
const templates = runOptions.templates;
const output = { quiet: values.quiet === true, verbose: values.verbose === true, stdout: log, stderr: logErr };

// 1. Generate once; the dev server needs pages to start.
log(`generating ${show(registry)} -> ${show(docsDir)}`);
const first = await runGenerate(runOptions, output);
if (first.exitCode !== 0) {
  if (!fs.existsSync(path.join(docsDir, 'providers'))) {
    logErr('generation failed and there are no pages to serve; fix the errors above and run again');
    process.exit(first.exitCode);
  }
  logErr('generation failed; serving the pages of the last good run');
}

// 2. The dev server, on the same docs folder.
const serverArgs = [
  docusaurusCli,
  'start',
  siteDir,
  '--no-open',
  ...(values.host ? ['--host', values.host] : []),
  ...(values.port ? ['--port', values.port] : []),
  ...(values.poll ? ['--poll'] : []),
  ...passThrough,
];
const server = spawn(process.execPath, serverArgs, {
  cwd: repoRoot,
  env: { ...process.env, PROVIDER_DOCS_DIR: docsDir },
  stdio: 'inherit',
});

// 3. Regenerate on changes: debounced, one run at a time, a change during a run queues one more.
/** @type {NodeJS.Timeout | undefined} */
let timer;
let running = false;
let again = false;
/** @type {Set<string>} */
const changed = new Set();

async function regenerate() {
  if (running) {
    again = true;
    return;
  }
  running = true;
  const files = [...changed];
  changed.clear();
  const what = files.length === 1 ? files[0] : `${files.length} files`;
  let summary = '';
  const r = await runGenerate(runOptions, { ...output, stdout: (line) => void (summary = line) });
  if (r.exitCode === 0) log(`${clock()} ${what} changed: ${summary}`);
  else logErr(`${clock()} ${what} changed: ${summary || r.summary} (the dev server keeps the previous pages)`);
  running = false;
  if (again) {
    again = false;
    schedule();
  }
}

function schedule() {
  clearTimeout(timer);
  timer = setTimeout(() => void regenerate(), DEBOUNCE_MS);
}

/** Editors' swap, backup and temp files (hidden files too): no input of the generator. */
const editorFile = (/** @type {string} */ name) => /(^|[/\\])\.|~$|\.(swp|swx|tmp)$/.test(name);

/** @type {fs.FSWatcher[]} */
const watchers = [];
/**
 * Watches `dir` (recursively unless `shallow`); `accept` filters the file names (relative to dir).
 * @param {string} dir @param {{shallow?: boolean, accept?: (name: string) => boolean}} [o]
 */
function watch(dir, o = {}) {
  if (!fs.existsSync(dir)) return;
  const docsInside = path.relative(dir, docsDir);
  const insideDocs = (/** @type {string} */ name) =>
    !docsInside.startsWith('..') && !path.isAbsolute(docsInside) && (name + path.sep).startsWith(docsInside + path.sep);
  const w = fs.watch(dir, { recursive: !o.shallow }, (_event, name) => {
    const rel = name ? String(name) : '';
    if (rel && (insideDocs(rel) || editorFile(rel) || (o.accept && !o.accept(rel)))) return;
    changed.add(show(path.join(dir, rel)));
    schedule();
  });
  w.on('error', (e) => logErr(`watching ${dir} stopped: ${e.message}`));
  watchers.push(w);
}
// Node 20's recursive fs.watch works on Linux (inotify per folder, new folders included), macOS and Windows.
watch(registry);
watch(settings, { shallow: true, accept: (name) => name.endsWith('.md') });
watch(gen.BUILTIN_TEMPLATES_DIR, { accept: (name) => name.endsWith('.hbs') });
if (templates) watch(templates, { accept: (name) => name.endsWith('.hbs') });
log(`watching ${[registry, settings, gen.BUILTIN_TEMPLATES_DIR, ...(templates ? [templates] : [])].map(show).join(', ')}`);

// 4. The server's end is ours; a signal ends the server first.
let stopping = false;
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    clearTimeout(timer);
    for (const w of watchers) w.close();
    if (server.exitCode === null && server.signalCode === null) server.kill(signal);
    else process.exit(0);
  });
}
server.on('exit', (code, signal) => {
  clearTimeout(timer);
  for (const w of watchers) w.close();
  process.exit(code ?? (signal ? 0 : 1));
});
