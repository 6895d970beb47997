import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import { themes as prismThemes } from 'prism-react-renderer';
import remarkSiteLinks from 'provider-docs/docusaurus/remark-site-links';
import type { GenerateOptions } from 'provider-docs';
import type { ProviderDocsOptions } from 'provider-docs/docusaurus';
import { repoRoot, resolveDocsDir } from './lib/docs-tree.mjs';

// This site is one consumer of the provider-docs package, built the way a provider repository
// builds its site (`provider-docs init`), as the showcase of the repository's own specs/: the
// plugin generates site/docs (committed) from specs/ on `docusaurus build` and `start`.
// With PROVIDER_DOCS_DIR set (absolute or relative to the repository root), the pages in that
// folder were written by another step (the site scripts, the browser tests). `npm start`
// (site/scripts/start.mjs) passes its generate options as JSON in PROVIDER_DOCS_GENERATE.
type StartOptions = GenerateOptions & { quiet?: boolean; verbose?: boolean };
const started = process.env.PROVIDER_DOCS_GENERATE ? (JSON.parse(process.env.PROVIDER_DOCS_GENERATE) as StartOptions) : undefined;
const docsDir = started?.out ?? resolveDocsDir();
const registry = started ? started.registry : process.env.PROVIDER_DOCS_DIR ? undefined : path.join(repoRoot, 'specs');
const providerDocs: ProviderDocsOptions = {
  out: docsDir,
  settings: started?.settings ?? './providers',
  ...(registry ? { registry } : {}),
  ...(started?.layout ? { layout: started.layout } : {}),
  ...(started?.providers?.length ? { provider: started.providers } : {}),
  ...(started?.templates ? { templates: started.templates } : {}),
  strict: started?.strict === true,
  force: started?.force === true,
  quiet: started?.quiet === true,
  verbose: started?.verbose === true,
};
// `docusaurus serve` loads this config too but needs no pages; build and start do.
const command = process.argv[2];
if (!registry && (command === 'build' || command === 'start') && !fs.existsSync(path.join(docsDir, 'providers'))) {
  throw new Error(
    `No generated provider pages in ${docsDir}/providers. Run \`npm run docs\` (generates into ` +
      'site/docs and builds) or set PROVIDER_DOCS_DIR to a folder the generator wrote.',
  );
}
// The docs plugin refuses a missing folder, and checks it in its constructor, beside the
// provider-docs plugin's (which writes the first pages): create it here, before any plugin runs,
// when the plugin is to generate or for another command (like `gen-provider-docs`).
const builtinCommands = ['start', 'build', 'swizzle', 'deploy', 'serve', 'clear', 'write-translations', 'write-heading-ids'];
if (registry || !builtinCommands.includes(command ?? '')) fs.mkdirSync(docsDir, { recursive: true });

const config: Config = {
  title: 'StackQL Provider Docs',
  tagline: 'Query, deploy and manage cloud resources using SQL',
  favicon: 'img/favicon.svg',
  // The GitHub Pages deploy sets both from actions/configure-pages (origin, base_path); an empty
  // BASE_URL (a user or organization site) means the root.
  url: process.env.SITE_URL || 'https://provider-docs.example.com',
  baseUrl: process.env.BASE_URL || '/',

  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  markdown: {
    hooks: { onBrokenMarkdownLinks: 'throw' },
  },

  future: {
    // Docusaurus Faster (rspack, swc, lightningcss, SSG worker threads). In 3.10 the key is
    // `faster`; `experimental_faster` fails validation. The SSG worker threads it enables require
    // this one v4 flag; the other v4 flags (e.g. dropping MDX 1 admonition titles) stay off.
    v4: { removeLegacyPostBuildHeadAttribute: true },
    faster: true,
    // No page shows a last-update date and the sitemap has no <lastmod>: a build need not read
    // the git history first (Faster's eager git reading costs ~0.8 s per build).
    experimental_vcs: false,
  },

  i18n: { defaultLocale: 'en', locales: ['en'] },

  presets: [
    [
      'classic',
      {
        docs: {
          path: docsDir,
          routeBasePath: '/',
          sidebarPath: './sidebars.ts',
          // ids and urls are the folder names exactly (e.g. no `01-` prefix stripping)
          numberPrefixParser: false,
          // Before Docusaurus' own link handling, so the links it makes are resolved and checked.
          beforeDefaultRemarkPlugins: [remarkSiteLinks],
        },
        blog: false,
        theme: {
          customCss: './src/css/custom.css',
        },
      } satisfies Preset.Options,
    ],
  ],

  themes: [
    [
      '@easyops-cn/docusaurus-search-local',
      {
        indexDocs: true,
        indexBlog: false,
        indexPages: false,
        docsRouteBasePath: '/',
        docsDir,
        hashed: true,
        language: ['en'],
        highlightSearchTermsOnTargetPage: false,
        searchResultLimits: 10,
        // Must stay off: with it, the search bar writes each hit's path (page title and section
        // heading) into its suggestion HTML unescaped, so a heading with `<img onerror=...>` text
        // ran as HTML (caught by test/site/xss.test.ts).
        explicitSearchResultPath: false,
      },
    ],
  ],

  // Generates the pages, serves CopyableCode, the synced Tabs, the home page and the pages'
  // styles, and adds `docusaurus gen-provider-docs [siteDir]` (the command's flags override the options).
  plugins: [['provider-docs/docusaurus', providerDocs]],

  themeConfig: {
    image: 'img/logo.svg',
    colorMode: {
      defaultMode: 'light',
      disableSwitch: false,
      respectPrefersColorScheme: true,
    },
    navbar: {
      title: 'StackQL Provider Docs',
      // The title beside it names the site: the logo is decorative (axe: image-redundant-alt).
      logo: { alt: '', src: 'img/logo.svg' },
      items: [
        { type: 'docSidebar', sidebarId: 'providers', position: 'left', label: 'Providers' },
        { type: 'search', position: 'right' },
      ],
    },
    footer: {
      style: 'dark',
      copyright: 'Generated by provider-docs from StackQL provider specs.',
    },
    docs: {
      sidebar: { hideable: true, autoCollapseCategories: false },
    },
    tableOfContents: { minHeadingLevel: 2, maxHeadingLevel: 3 },
    // Themes whose every token colour reads at 4.5:1 on their background (WCAG AA, checked by
    // axe-core in test/site/reading.test.ts); github's comments and dracula's fell short.
    prism: {
      theme: prismThemes.vsLight,
      darkTheme: prismThemes.oceanicNext,
      additionalLanguages: ['sql', 'bash'],
    },
  } satisfies Preset.ThemeConfig,
};

export default config;
