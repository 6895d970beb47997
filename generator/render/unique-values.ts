/**
 * Returns a function that makes each value it is given unique (`a`, `a-2`,
 * `a-3`, ...). One per `<Tabs>` (Docusaurus refuses two items of the same
 * value) or per set of anchors on a page.
 */
export function uniqueValues(): (v: string) => string {
  const used = new Set<string>();
  return (v) => {
    let out = v;
    for (let i = 2; used.has(out); i++) out = `${v}-${i}`;
    used.add(out);
    return out;
  };
}

/**
 * The tab value of the i-th of `count` views shown beside a resource's own
 * columns: the first keeps the plain `view` (links and remembered tab choices
 * rely on it), the others are told apart by name.
 */
export function viewTabValue(count: number, index: number, name: string): string {
  return count === 1 || index === 0 ? 'view' : `view_${name}`;
}
