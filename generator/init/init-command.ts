// `provider-docs init <dir> --registry <root> --provider <name>`: a Docusaurus site for one
// provider that depends on this package (none of its code is copied), its first pages, and its
// entry in the repository's workflow.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { availableLayouts } from '../load/load-templates.js';
import { runGenerate } from '../docusaurus/run.js';
import { VERSION } from '../version.js';
import { INIT_HELP } from './help.js';
import { scaffoldFiles, type ScaffoldFile } from './scaffold.js';
import { addSiteToWorkflow, WORKFLOW_FILE } from './workflow.js';

const posix = (p: string) => p.split(path.sep).join('/');

/** The nearest folder at or above `dir` holding `.git`, else `dir`. */
export function repositoryRoot(dir: string): string {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if (fs.existsSync(path.join(d, '.git'))) return d;
    if (path.dirname(d) === d) return path.resolve(dir);
  }
}

/** The branch HEAD names (a fresh repository's default branch), else `main`. */
function currentBranch(repo: string): string {
  try {
    const head = fs.readFileSync(path.join(repo, '.git', 'HEAD'), 'utf8').trim();
    const m = /^ref: refs\/heads\/(.+)$/.exec(head);
    if (m) return m[1]!;
  } catch {
    // a worktree's .git is a file, or no repository: fall through
  }
  return 'main';
}

function fail(message: string): number {
  process.stderr.write(`provider-docs init: ${message}\n`);
  return 2;
}

export async function runInit(argv: readonly string[]): Promise<number> {
  let values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: true,
      options: {
        registry: { type: 'string' },
        provider: { type: 'string' },
        layout: { type: 'string' },
        'base-url': { type: 'string' },
        force: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    return fail(`${(e as Error).message}\n\n${INIT_HELP}`);
  }
  if (values.help) {
    process.stdout.write(INIT_HELP);
    return 0;
  }
  if (positionals.length !== 1) return fail(`give one site folder (got ${positionals.length})\n\n${INIT_HELP}`);
  if (!values.registry || !values.provider) return fail(`--registry and --provider are required\n\n${INIT_HELP}`);
  const provider = values.provider;
  if (!/^[A-Za-z0-9_.-]+$/.test(provider)) return fail(`"${provider}" is not a provider name (letters, digits, _ . -)`);
  const layout = values.layout ?? 'detailed';
  if (!availableLayouts().includes(layout)) return fail(`unknown layout "${layout}" (available: ${availableLayouts().join(', ')})`);
  let baseUrl = values['base-url'] ?? '/';
  if (!baseUrl.startsWith('/')) baseUrl = `/${baseUrl}`;
  if (!baseUrl.endsWith('/')) baseUrl = `${baseUrl}/`;

  const siteDir = path.resolve(positionals[0]!);
  const registry = path.resolve(values.registry);
  if (!fs.existsSync(path.join(registry, provider))) {
    const found = fs.existsSync(registry) ? fs.readdirSync(registry).filter((d) => fs.existsSync(path.join(registry, d)) && fs.statSync(path.join(registry, d)).isDirectory()) : [];
    return fail(`no provider "${provider}" in ${registry}${found.length ? ` (found: ${found.sort().join(', ')})` : ''}`);
  }
  const repo = repositoryRoot(siteDir);
  const workflowPath = path.join(repo, WORKFLOW_FILE);
  const registryInRepo = posix(path.relative(repo, registry));
  const title = `${provider} provider`;
  const files: ScaffoldFile[] = scaffoldFiles({
    provider,
    title,
    tagline: `Query, deploy and manage ${provider} resources using SQL`,
    description: `StackQL ${provider} provider documentation`,
    packageName: `${provider.toLowerCase().replace(/[^a-z0-9-]+/g, '-')}-provider-docs`,
    registry: posix(path.relative(siteDir, registry)) || '.',
    layout,
    baseUrl,
    providerDocsVersion: `^${VERSION}`,
    workflow: posix(path.relative(siteDir, workflowPath)),
  });

  const existing = files.filter((f) => fs.existsSync(path.join(siteDir, f.path)));
  if (existing.length > 0 && !values.force) {
    return fail(
      `${posix(path.relative(process.cwd(), siteDir)) || '.'} already has ${existing.map((f) => f.path).join(', ')}; ` +
        'nothing was written (--force overwrites them)',
    );
  }
  const siteInRepo = posix(path.relative(repo, siteDir)) || '.';
  const update = addSiteToWorkflow(
    fs.existsSync(workflowPath) ? fs.readFileSync(workflowPath, 'utf8') : undefined,
    {
      name: provider,
      dir: siteInRepo,
      provider,
      registry: registryInRepo.startsWith('..') || path.isAbsolute(registryInRepo) ? '' : registryInRepo,
    },
    currentBranch(repo),
  );
  if (update.kind === 'error') return fail(update.message);

  for (const f of files) {
    const target = path.join(siteDir, f.path);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, f.contents);
  }
  const show = (p: string) => posix(path.relative(process.cwd(), p)) || '.';
  process.stdout.write(`wrote ${files.length} files to ${show(siteDir)}: ${files.map((f) => f.path).join(', ')}\n`);
  if (update.kind === 'write') {
    fs.mkdirSync(path.dirname(workflowPath), { recursive: true });
    fs.writeFileSync(workflowPath, update.contents);
    process.stdout.write(`${update.created ? 'wrote' : 'added the site to'} ${show(workflowPath)}\n`);
  } else {
    process.stdout.write(`${show(workflowPath)} lists the site already\n`);
  }
  if (registryInRepo.startsWith('..') || path.isAbsolute(registryInRepo)) {
    process.stdout.write(`note: the registry is outside the repository at ${show(repo)}: the workflow builds the site but posts no spec diff\n`);
  }

  // The first pages, as the plugin will generate them: committed with the site, so the
  // workflow's check has something to compare.
  const r = await runGenerate({ registry, out: path.join(siteDir, 'docs'), providers: [provider], layout, settings: path.join(siteDir, 'providers') });
  if (r.exitCode !== 0) {
    process.stderr.write('provider-docs init: the site is written, but generating its pages failed (see above); `npm run build` generates them once the specs load\n');
    return 2;
  }
  process.stdout.write(`\nNext:\n  cd ${show(siteDir)}\n  npm install\n  npm run build    # or npm start\n`);
  return 0;
}
