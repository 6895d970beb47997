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
