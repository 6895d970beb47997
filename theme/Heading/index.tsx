import React, { type ReactNode } from 'react';
// @theme-init: the heading of the classic theme, which this wraps.
import Heading from '@theme-init/Heading';
import type { Props } from '@theme/Heading';
import BreakableName from '@theme/BreakableName';

/**
 * A page title that is a plain name (a resource page's h1) wraps after `_` and `.` on narrow
 * screens; other headings are passed through as they are.
 */
export default function HeadingWrapper(props: Props): ReactNode {
  if (props.as !== 'h1' || typeof props.children !== 'string') return <Heading {...props} />;
  return <Heading {...props}>{<BreakableName text={props.children} />}</Heading>;
}
