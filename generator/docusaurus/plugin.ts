// The Docusaurus plugin `provider-docs/docusaurus`:
//
//   plugins: [['provider-docs/docusaurus', { registry: '../specs', provider: 'okta', layout: 'detailed' }]]
//
// - generates the provider pages into the docs folder inside Docusaurus' own lifecycle: in the
//   constructor on `start` and `build` (every plugin's loadContent runs at once, so pages written
//   there could come after the docs plugin has read the folder; constructors all finish before
//   any loadContent), and again in loadContent when `docusaurus start` reloads this plugin
//   because a path of getPathsToWatch (specs, settings, templates) changed. The docs plugin then
//   sees the rewritten pages through its own watcher. Only pages whose text changed are written.
// - theme: CopyableCode (also at the `@site/src/components/CopyableCode/CopyableCode` path the
//   pages import), Tabs that switch together, HtmlRegion, ProviderDocsHome, and the styles of the pages.
// - the providers (title, description, counts) as global data for the home page.
// - the command `docusaurus gen-provider-docs [siteDir]` (with `--check`).
//
// Docusaurus loads this file through jiti, which would transpile the whole generator if it were
// imported here: the generator is loaded on first use with Node's own loader (native-import.ts).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ConfigureWebpackUtils, LoadContext, Plugin } from '@docusaurus/types';
import type * as Run from './run.js';
import { GENERATE_OPTIONS, toGenerateOptions, type OptionValues } from '../options.js';
import { nativeImport } from './native-import.js';
import { scanProviders, type ProviderNode } from './docs-tree.js';
import remarkSiteLinks from './remark-site-links.js';
import { startHeapTrimmer, type HeapTrimmer } from './heap-trim.js';

export { remarkSiteLinks, scanProviders };

// A type, not an interface: Docusaurus' plugin config wants options with an index signature.
export type ProviderDocsOptions = {
  /**
   * Registry root (`<provider>/<version>/provider.yaml`), relative to the site folder. Without it
   * the plugin generates nothing (the pages are written by another step) and
   * `docusaurus gen-provider-docs` reads the package's sample registry.
   */
  readonly registry?: string;
  /** Only this provider (or these). Default: every provider under the registry root. */
  readonly provider?: string | readonly string[];
  /** Page layout (`classic`, `detailed`). Default: `classic`. */
  readonly layout?: string;
  /** Folder of templates and partials that replace the layout's by file name. */
  readonly templates?: string;
  /** Folder of `<provider>.md` settings files (brand, prose). */
  readonly settings?: string;
  /** The docs folder, i.e. the docs plugin's `path`. Default: `docs`. */
  readonly out?: string;
  /** Treat warnings as errors. */
  readonly strict?: boolean;
  /** Overwrite generated pages that were edited by hand. */
  readonly force?: boolean;
  /** Print errors and the summary only. */
  readonly quiet?: boolean;
  /** Print every warning (by default: a count per code and the first few). */
  readonly verbose?: boolean;
  /**
   * On `docusaurus build`, collect the bundler's garbage as the build goes (see heap-trim.ts):
   * about 0.4 GB less peak memory for 1-2 s of collection. Default: true.
   */
  readonly trimHeap?: boolean;
};

export interface ProviderSummary {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly permalink: string;
  readonly image?: string;
  readonly services: number;
  readonly resources: number;
}

/** Global data of the plugin (`usePluginData('provider-docs')`). */
export interface ProviderListData {
  readonly providers: readonly ProviderSummary[];
}


const here = path.dirname(fileURLToPath(import.meta.url));
/** dist/docusaurus -> dist */
const distDir = path.dirname(here);
const themeDir = path.join(distDir, 'theme');

/** The path generated pages import CopyableCode from (kept byte for byte by the classic layout). */
const COPYABLE_IMPORT = '@site/src/components/CopyableCode/CopyableCode';

/** Commands that build or serve pages; any other (serve, clear, gen-provider-docs, --help...) leaves the docs folder alone. */
const NOT_GENERATING = new Set(['serve', 'clear', 'swizzle', 'write-translations', 'write-heading-ids', 'gen-provider-docs', '--help', '-h', '--version', '-V', 'help']);

let runner: Promise<typeof Run> | undefined;
function loadRunner(): Promise<typeof Run> {
  runner ??= nativeImport(pathToFileURL(path.join(here, 'run.js')).href) as Promise<typeof Run>;
  return runner;
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** Help of the command's flags: the generate options' own, with this command's defaults. */
const FLAG_DEFAULTS: Readonly<Record<string, string>> = {
  registry: 'default: plugin option, else the sample specs/',
  out: 'default: plugin option `out`, else <siteDir>/docs',
  provider: 'default: plugin option, else every provider',
  layout: 'default: plugin option, else classic',
  settings: 'default: plugin option',
};

/** `a` and `b` name the same folder (either may not exist). */
function sameDir(a: string, b: string): boolean {
  const real = (p: string) => (fs.existsSync(p) ? fs.realpathSync(p) : path.resolve(p));
  return real(a) === real(b);
}

function summarize(p: ProviderNode): ProviderSummary {
  return {
    name: p.name,
    title: p.title,
    description: p.description,
    permalink: p.permalink,
    ...(p.image ? { image: p.image } : {}),
    services: p.services.length,
    resources: p.services.reduce((n, s) => n + s.resources.length, 0),
  };
}

/**
 * The suggestion template of the local search plugin (@easyops-cn/docusaurus-search-local) is a
 * module of its search bar, not a theme component: the bundler loads theme/SearchSuggestion in
 * its place, which adds each hit's provider and service, escaped (see that file for why).
 */
function searchSuggestionPlugin(bundler: ConfigureWebpackUtils['currentBundler']['instance']) {
  return new bundler.NormalModuleReplacementPlugin(/^\.\/SuggestionTemplate$/, (data: { context?: string; request: string }) => {
    if (data.context && /[\\/]@easyops-cn[\\/]docusaurus-search-local[\\/]/.test(data.context)) data.request = '@theme/SearchSuggestion';
  });
}

// The heap is the process', whatever number of sites (locales) or plugin instances it loads: one
// watcher per process.
let heapTrimmer: HeapTrimmer | undefined;

/** Collects when bundling ends (client and server each), before the static-site generation's threads start. */
function bundlingDoneTrim(trimmer: HeapTrimmer) {
  return {
    apply(compiler: { hooks: { done: { tap(name: string, fn: () => void): void } } }) {
      compiler.hooks.done.tap('provider-docs-heap-trim', () => trimmer.trim(true));
    },
  };
}

const log = (line: string) => process.stdout.write(`[provider-docs] ${line}\n`);
const logErr = (line: string) => process.stderr.write(`[provider-docs] ${line}\n`);

export default async function providerDocsPlugin(context: LoadContext, options: ProviderDocsOptions = {}): Promise<Plugin<ProviderListData>> {
  const { siteDir } = context;
  // Paths in the plugin options are relative to the site folder, the command's flags to the current folder.
  const fromSite = (p: string | undefined) => (p === undefined ? undefined : path.resolve(siteDir, p));
    const out = fromSite(options.out) ?? path.join(siteDir, 'docs');
  const providers = options.provider === undefined ? [] : typeof options.provider === 'string' ? [options.provider] : [...options.provider];
  const registry = fromSite(options.registry);
  const settings = fromSite(options.settings);
  const templates = fromSite(options.templates);
  const generateOptions = registry && {
    registry,
    out,
    providers,
    ...(options.layout ? { layout: options.layout } : {}),
    ...(templates ? { templates } : {}),
    ...(settings ? { settings } : {}),
    strict: options.strict === true,
    force: options.force === true,
  };
  const output = { quiet: options.quiet === true, verbose: options.verbose === true };

  /** Generates; throws when the run failed (the build stops, the dev server keeps the last pages). */
  async function generatePages(): Promise<void> {
    if (!generateOptions) return;
    const { runGenerate } = await loadRunner();
    let summary = '';
    const r = await runGenerate(generateOptions, { ...output, stdout: (line) => void (summary = line), stderr: logErr });
    if (r.exitCode !== 0) throw new Error(`provider-docs: generating the pages from ${registry} failed: ${summary || r.summary}`);
    if (!r.result?.upToDate) log(summary);
  }

  /**
   * A dev server reload: never throws (a failed run must not take the server down; it keeps the
   * pages of the last good run). Docusaurus reloads this plugin once per changed file, and reloads
   * overlap (a save of several specs, a git checkout): they would each run the generator at once
   * over the same output folder, whose staging folder is a run's lock. So one run at a time, and
   * every reload that comes during a run shares the one run after it, which sees all their changes.
   */
  let running: Promise<void> | undefined;
  let queued: Promise<void> | undefined;
  function regenerate(): Promise<void> {
    if (running) {
      queued ??= running.then(() => {
        queued = undefined;
        return regenerate();
      });
      return queued;
    }
    const run = generatePages()
      .catch((e: unknown) => {
        logErr(`${(e as Error).message} (the dev server keeps the previous pages)`);
      })
      .finally(() => {
        running = undefined;
      });
    running = run;
    return run;
  }

  const command = process.argv[2];
  const trimmer = command === 'build' && options.trimHeap !== false ? (heapTrimmer ??= startHeapTrimmer()) : undefined;
  let generatedInConstructor = false;
  if (generateOptions && !NOT_GENERATING.has(command ?? '')) {
    await generatePages();
    generatedInConstructor = true;
  }

  return {
    name: 'provider-docs',

    getThemePath() {
      return themeDir;
    },

    getClientModules() {
      return [path.join(themeDir, 'styles.css'), path.join(themeDir, 'client', 'copy-buttons.js')];
    },

    configureWebpack(config, _isServer, utils) {
      // First, so it wins over the `@site` alias (a site's own file at that path is not used).
      const alias = (config.resolve?.alias ?? {}) as Record<string, string | false | string[]>;
      if (!Array.isArray(alias) && config.resolve) {
        config.resolve.alias = { [`${COPYABLE_IMPORT}$`]: path.join(themeDir, 'CopyableCode', 'index.js'), ...alias };
      }
      return { plugins: [searchSuggestionPlugin(utils.currentBundler.instance), ...(trimmer ? [bundlingDoneTrim(trimmer)] : [])] };
    },

    async loadContent() {
      if (generatedInConstructor) generatedInConstructor = false;
      else if (command === 'start') await regenerate(); // a watched file changed
      else await generatePages();
      return { providers: scanProviders(out).map(summarize) };
    },

    async contentLoaded({ content, actions }) {
      actions.setGlobalData(content);
    },

    getPathsToWatch() {
      const paths = [`${out}/providers/*/index.{md,mdx}`];
      if (!registry) return paths;
      if (providers.length === 0) paths.push(`${registry}/**/*.{yaml,yml,json}`);
      else for (const p of providers) paths.push(`${registry}/${p}/**/*.{yaml,yml,json}`);
      if (settings) paths.push(...(providers.length === 0 ? [`${settings}/*.md`] : providers.map((p) => `${settings}/${p}.md`)));
      if (templates) paths.push(`${templates}/**/*.hbs`);
      return paths;
    },

    extendCli(cli) {
      const command = cli
        .command('gen-provider-docs [siteDir]')
        .description('Generate the provider pages from StackQL provider specs into the docs folder.');
      // The flags of `provider-docs generate`, from its one table of options.
      for (const o of GENERATE_OPTIONS) {
        const flag = `--${o.name}${o.value ? ` ${o.value}` : ''}`;
        const help = [o.help.join(' ').replace('%LAYOUTS%', 'classic, detailed').replace(/ \(default:[^)]*\)$/, ''), FLAG_DEFAULTS[o.name]].filter(Boolean).join(' ');
        if (o.multiple) command.option(flag, help, collect, []);
        else command.option(flag, help);
      }
      command.action(async (siteDirArg: string | undefined, cmd: { opts(): OptionValues }) => {
        if (siteDirArg !== undefined && !sameDir(siteDirArg, siteDir)) {
          console.error(
            `gen-provider-docs: the site folder "${siteDirArg}" is not the site whose config was loaded (${siteDir}).\n` +
              'Docusaurus loads plugin commands from the site in DOCUSAURUS_CLI_SITE_DIR (default: the current folder): ' +
              `run \`DOCUSAURUS_CLI_SITE_DIR=${siteDirArg} npx docusaurus gen-provider-docs ${siteDirArg}\`, or run the command inside that folder.`,
          );
          process.exitCode = 2;
          return;
        }
        const flags = cmd.opts();
        let run: typeof Run;
        try {
          run = await loadRunner();
        } catch (e) {
          console.error(`gen-provider-docs: ${(e as Error).message}`);
          process.exitCode = 2;
          return;
        }
        const fallback = {
          out,
          providers,
          ...(registry ? { registry } : {}),
          ...(options.layout ? { layout: options.layout } : {}),
          ...(templates ? { templates } : {}),
          ...(settings ? { settings } : {}),
          strict: options.strict === true,
          force: options.force === true,
        };
        // Flags are relative to the current folder, the plugin's options to the site.
        const { exitCode } = await run.runGenerate(toGenerateOptions(flags, fallback, (p) => path.resolve(p)), {
          quiet: flags.quiet === true || output.quiet,
          verbose: flags.verbose === true || output.verbose,
        });
        process.exitCode = exitCode;
      });
    },
  };
}
