// The init section of `provider-docs --help` (no imports, like diff/help.ts).
export const INIT_HELP = `init: scaffold a Docusaurus site for one provider
  provider-docs init <dir> --registry <root> --provider <name> [options]

  --registry <root>    registry root holding <name>/<version>/provider.yaml (required)
  --provider <name>    the provider the site documents (required)
  --layout <name>      page layout: classic or detailed (default: detailed)
  --base-url <path>    the site's base URL, e.g. /docs/okta/ (default: /)
  --force              overwrite files of the scaffold that exist already

  Writes <dir> (package.json, docusaurus.config.ts, sidebars.ts, a home page, the
  provider's settings file, the first pages in docs/) and adds the site to the
  workflow .github/workflows/provider-docs.yml of the nearest folder above <dir>
  holding .git (else of <dir>). Never overwrites a file without --force: it
  refuses and names them. Then: cd <dir> && npm install && npm run build.
`;
