import { providerSidebars } from 'provider-docs/docusaurus/sidebars';
import { resolveDocsDir } from './lib/docs-tree.mjs';

export default providerSidebars(resolveDocsDir());
