import React, { Children, isValidElement, type ReactNode } from 'react';
// @theme-init: the Tabs of the theme that first provided them (the classic theme), which this wraps.
import Tabs from '@theme-init/Tabs';
import type TabsType from '@theme/Tabs';
import type { WrapperProps } from '@docusaurus/types';
import { useLocation } from '@docusaurus/router';

type Props = WrapperProps<typeof TabsType>;

/** Tab values from the `values` prop, or else from the `value` of each child TabItem. */
function tabValues(props: Props): string[] {
  if (props.values && props.values.length > 0) return props.values.map((v) => v.value);
  const values: string[] = [];
  Children.forEach(props.children, (child) => {
    if (isValidElement<{ value?: unknown }>(child) && typeof child.props.value === 'string') {
      values.push(child.props.value);
    }
  });
  return values;
}

/**
 * Generated pages never pass `groupId`, so Tabs that offer the same set of values on one page
 * get a default group derived from the page path and those values: choosing a tab in one of them
 * selects it in the others. Scoping by path keeps the choice on that page only (Docusaurus
 * remembers a group's choice in localStorage, which would otherwise leak to every page).
 * An explicit `groupId` is left alone.
 */
export default function TabsWrapper(props: Props): ReactNode {
  const { pathname } = useLocation();
  if (props.groupId !== undefined) return <Tabs {...props} />;
  const values = tabValues(props);
  if (values.length < 2) return <Tabs {...props} />;
  const set = [...new Set(values)].sort().join('|');
  return <Tabs {...props} groupId={`${pathname.replace(/\/+$/, '')}#${set}`} />;
}
