// The home page comes with the provider-docs plugin's theme.
export { default } from '@theme/ProviderDocsHome';
