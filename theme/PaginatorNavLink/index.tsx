import React, { type ReactNode } from 'react';
// @theme-init: the previous/next link of the classic theme, which this wraps.
import PaginatorNavLink from '@theme-init/PaginatorNavLink';
import type { Props } from '@theme/PaginatorNavLink';
import BreakableName from '@theme/BreakableName';

/** Previous/next links whose page name wraps after `_` and `.`, never inside a word. */
export default function PaginatorNavLinkWrapper(props: Props): ReactNode {
  if (typeof props.title !== 'string') return <PaginatorNavLink {...props} />;
  return <PaginatorNavLink {...props} title={<BreakableName text={props.title} />} />;
}
