// `docusaurus gen-provider-docs [siteDir]`: regenerates the provider pages from StackQL provider
// specs, the way a Docusaurus site runs `docusaurus build`. Registered in docusaurus.config.ts;
// the plugin options are the defaults and the command's flags override them.
//
// Docusaurus registers plugin commands (the `extendCli` lifecycle) after loading the config of
// the site in DOCUSAURUS_CLI_SITE_DIR, default the current folder, before it parses the command
// line: so the command runs from inside the site folder, or from elsewhere with that variable
// set (`DOCUSAURUS_CLI_SITE_DIR=site npx docusaurus gen-provider-docs site`).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';
import type { LoadContext, Plugin } from '@docusaurus/types';
import type * as Run from './run.mjs';

export interface GenProviderDocsOptions {
  /** Registry root (`<provider>/<version>/provider.yaml`). Default: the package's sample `specs/`. */
  registry?: string;
  /** Output folder, i.e. the docs plugin's `path`. Default: `<siteDir>/docs`. */
  out?: string;
  /** Only these providers. Default: every provider under the registry root. */
  providers?: string[];
  /** Page layout (`classic`, `detailed`). Default: `classic`. */
  layout?: string;
  /** Folder of templates and partials that replace the layout's by file name. */
  templates?: string;
  /** Folder of `<provider>.md` settings files. Default: the package's `site/providers`. */
  settings?: string;
  /** Treat warnings as errors. */
  strict?: boolean;
}

interface CliFlags {
  registry?: string;
  out?: string;
  provider: string[];
  layout?: string;
  templates?: string;
  settings?: string;
  check?: boolean;
  force?: boolean;
  strict?: boolean;
  quiet?: boolean;
}

const here = path.dirname(fileURLToPath(import.meta.url));

// Docusaurus loads this file (and the config) through jiti, which rewrites an `import()` written
// here into its own transpiling loader, and whose scripts have no dynamic-import callback (so a
// `new Function('return import(...)')` fails). The runner and the generator are plain ESM for
// Node's own loader: a script compiled with the main context's default loader gives that.
function nativeImport(specifier: string): Promise<unknown> {
  const loader = vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER;
  if (loader === undefined) return import(specifier); // Node < 20.12: through the config loader
  const script = new vm.Script('(specifier) => import(specifier)', { importModuleDynamically: loader });
  const load = script.runInThisContext() as (s: string) => Promise<unknown>;
  // Node 20 flags that loader as experimental, synchronously in the import() call: that warning
  // is noise for the command's users.
  const emitWarning = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const message = typeof warning === 'string' ? warning : warning.message;
    if (message.includes('USE_MAIN_CONTEXT_DEFAULT_LOADER')) return;
    (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    return load(specifier);
  } finally {
    process.emitWarning = emitWarning;
  }
}

function loadRunner(): Promise<typeof Run> {
  return nativeImport(pathToFileURL(path.join(here, 'run.mjs')).href) as Promise<typeof Run>;
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** `a` and `b` name the same folder (either may not exist). */
function sameDir(a: string, b: string): boolean {
  const real = (p: string) => (fs.existsSync(p) ? fs.realpathSync(p) : path.resolve(p));
  return real(a) === real(b);
}

export default function genProviderDocsPlugin(context: LoadContext, options: GenProviderDocsOptions = {}): Plugin {
  const { siteDir } = context;
  // Paths in the plugin options are relative to the site folder, flags to the current folder.
  const fromSite = (p: string | undefined) => (p === undefined ? undefined : path.resolve(siteDir, p));
  const fromCwd = (p: string | undefined) => (p === undefined ? undefined : path.resolve(p));

  return {
    name: 'gen-provider-docs',

    extendCli(cli) {
      cli
        .command('gen-provider-docs [siteDir]')
        .description('Generate the provider pages from StackQL provider specs into the docs folder.')
        .option('--registry <root>', 'registry root laid out as <provider>/<version>/provider.yaml (default: plugin option, else the sample specs/)')
        .option('--out <dir>', 'output folder, the docs folder (default: plugin option, else <siteDir>/docs)')
        .option('--provider <name>', 'only this provider; repeat for several (default: plugin option, else every provider)', collect, [])
        .option('--layout <name>', 'page layout, e.g. classic or detailed (default: plugin option, else classic)')
        .option('--templates <dir>', 'templates and partials that replace the layout\'s by file name')
        .option('--settings <dir>', 'folder of <provider>.md settings files (default: plugin option, else site/providers)')
        .option('--check', 'write nothing; list what a run would add, change or remove; exit 1 when stale')
        .option('--force', 'overwrite generated files that were edited by hand')
        .option('--strict', 'treat warnings as errors')
        .option('--quiet', 'print errors and the summary only')
        .action(async (siteDirArg: string | undefined, command: { opts(): CliFlags }) => {
          if (siteDirArg !== undefined && !sameDir(siteDirArg, siteDir)) {
            console.error(
              `gen-provider-docs: the site folder "${siteDirArg}" is not the site whose config was loaded (${siteDir}).\n` +
                'Docusaurus loads plugin commands from the site in DOCUSAURUS_CLI_SITE_DIR (default: the current folder): ' +
                `run \`DOCUSAURUS_CLI_SITE_DIR=${siteDirArg} npx docusaurus gen-provider-docs ${siteDirArg}\`, or run the command inside that folder.`,
            );
            process.exitCode = 2;
            return;
          }
          const flags = command.opts();
          let runner: typeof Run;
          try {
            runner = await loadRunner();
          } catch (e) {
            console.error(`gen-provider-docs: ${(e as Error).message}`);
            process.exitCode = 2;
            return;
          }
          const providers = flags.provider.length > 0 ? flags.provider : options.providers;
          const templates = fromCwd(flags.templates) ?? fromSite(options.templates);
          const settings = fromCwd(flags.settings) ?? fromSite(options.settings);
          const registry = fromCwd(flags.registry) ?? fromSite(options.registry);
          const layout = flags.layout ?? options.layout;
          const { exitCode } = await runner.runGenerate(
            {
              out: fromCwd(flags.out) ?? fromSite(options.out) ?? path.join(siteDir, 'docs'),
              ...(registry ? { registry } : {}),
              ...(providers ? { providers: [...providers] } : {}),
              ...(layout ? { layout } : {}),
              ...(templates ? { templates } : {}),
              ...(settings ? { settings } : {}),
              check: flags.check === true,
              force: flags.force === true,
              strict: flags.strict === true || options.strict === true,
            },
            { quiet: flags.quiet === true },
          );
          process.exitCode = exitCode;
        });
    },
  };
}
