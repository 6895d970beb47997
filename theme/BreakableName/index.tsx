import React, { Fragment, type ReactNode } from 'react';

/** Split after each `_` and `.`, keeping them: `a_b.c` -> `a_`, `b.`, `c`. */
function segments(text: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length - 1; i++) {
    const c = text[i];
    if (c === '_' || c === '.') {
      parts.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/**
 * A resource, method or field name that may wrap after `_` and `.` only (`cluster_policy_` /
 * `permission_levels`, not `cluster_policy_permission_le` / `vels`). A <wbr> adds a line-break
 * opportunity and no character: copying or searching the text sees the name as written.
 */
export default function BreakableName({ text }: { text: string }): ReactNode {
  const parts = segments(text);
  if (parts.length < 2) return text;
  return parts.map((part, i) => (
    <Fragment key={i}>
      {part}
      {i < parts.length - 1 && <wbr />}
    </Fragment>
  ));
}
