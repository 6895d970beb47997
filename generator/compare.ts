/**
 * Code-unit order of two strings: locale-independent, so every machine sorts
 * alike. The one comparator for names, paths and diagnostics.
 */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
