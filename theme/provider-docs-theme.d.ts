// The components this package's theme adds under `@theme/` (Docusaurus aliases them from dist/theme).
declare module '@theme/ProviderDocsHome' {
  import type { ReactNode } from 'react';

  /** The home page of a provider-docs site: title, tagline and a card per provider. */
  export default function ProviderDocsHome(): ReactNode;
}

declare module '@theme/CopyableCode' {
  import type { ReactNode } from 'react';

  export interface Props {
    readonly code: string;
    readonly className?: string;
    /** An anchor on the name, known to Docusaurus' broken-link check. */
    readonly id?: string;
  }
  export default function CopyableCode(props: Props): ReactNode;
}

declare module '@theme/HtmlRegion' {
  import type { ReactNode } from 'react';

  /** One HTML region of a generated page, with the anchors it holds known to the broken-link check. */
  export default function HtmlRegion(props: { readonly html: string; readonly anchors?: readonly string[] }): ReactNode;
}

declare module '@theme/BreakableName' {
  import type { ReactNode } from 'react';

  /** A name that wraps only after `_` and `.` (a <wbr> there; copied text unchanged). */
  export default function BreakableName(props: { readonly text: string }): ReactNode;
}

// The search plugin's suggestion template, which theme/SearchSuggestion wraps (an internal module
// of @easyops-cn/docusaurus-search-local 0.55, typed here as far as the wrapper uses it).
declare module '@easyops-cn/docusaurus-search-local/dist/client/client/theme/SearchBar/SuggestionTemplate.js' {
  interface SearchDocument {
    /** title, heading or text */
    t: string;
    /** url */
    u: string;
    /** breadcrumb (page documents) */
    b?: string[];
  }
  export function SuggestionTemplate(props: {
    document: SearchDocument;
    type: number;
    page?: SearchDocument;
    metadata: unknown;
    tokens: string[];
    isInterOfTree?: boolean;
    isLastOfTree?: boolean;
  }): string;
}
