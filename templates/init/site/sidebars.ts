// One sidebar, `providers`: provider > service > resource, from the pages in docs/.
import { fileURLToPath } from 'node:url';
import { providerSidebars } from 'provider-docs/docusaurus/sidebars';

export default providerSidebars(fileURLToPath(new URL('./docs', import.meta.url)));
