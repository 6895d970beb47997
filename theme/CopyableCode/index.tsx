import React, { type ReactNode } from 'react';
import useBrokenLinks from '@docusaurus/useBrokenLinks';
import BreakableName from '@theme/BreakableName';

export interface CopyableCodeProps {
  /** The text shown inline and copied by the button. */
  code: string;
  className?: string;
  /**
   * An anchor on the name (the Methods and Parameters rows of the detailed layout). Registered
   * with Docusaurus' broken-link check, which sees anchors of headings and links only: a plain
   * `<a id>` in MDX is invisible to it, so markdown links to it (`[x](#method-get)`) failed the build.
   */
  id?: string;
}

/**
 * Inline code with a copy button. The component holds no state: the theme's one click handler
 * (theme/client/copy-buttons.ts) copies `data-copy` and shows the feedback, for these buttons and
 * for the same markup in the pages' HTML regions.
 */
export default function CopyableCode({ code, className, id }: CopyableCodeProps): ReactNode {
  const brokenLinks = useBrokenLinks();
  if (id) brokenLinks.collectAnchor(id);
  return (
    <span className={className ? `pd-copyable ${className}` : 'pd-copyable'} id={id}>
      <code>
        <BreakableName text={code} />
      </code>
      <button type="button" className="pd-copy" data-copy={code} aria-label={`Copy ${code}`} />
    </span>
  );
}
