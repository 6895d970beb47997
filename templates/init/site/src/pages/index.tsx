// The home page: the site's title and tagline and a card per provider (provider-docs theme).
export { default } from '@theme/ProviderDocsHome';
