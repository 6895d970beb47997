import React, { type ReactNode } from 'react';
// @theme-init: the sidebar link of the classic theme, which this wraps.
import DocSidebarItemLink from '@theme-init/DocSidebarItem/Link';
import type { Props } from '@theme/DocSidebarItem/Link';
import BreakableName from '@theme/BreakableName';

/**
 * Sidebar links whose label wraps after `_` and `.` (`cluster_policy_permission_levels` as
 * `cluster_policy_` / `permission_levels`). The label stays a string everywhere else (the
 * item given to onItemClick, the search index reads the rendered text, which <wbr> leaves alone).
 */
export default function DocSidebarItemLinkWrapper(props: Props): ReactNode {
  const { item } = props;
  if (typeof item.label !== 'string' || !/[_.]./.test(item.label)) return <DocSidebarItemLink {...props} />;
  // The classic link renders the label as a child and uses it as the <li> key only.
  const label = (<BreakableName text={item.label} />) as unknown as string;
  return <DocSidebarItemLink {...props} item={{ ...item, label }} />;
}
