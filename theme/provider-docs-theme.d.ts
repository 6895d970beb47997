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
  }
  export default function CopyableCode(props: Props): ReactNode;
}
