/**
 * Raw Sphinx role text left on a page (`:class:`Run``, `:method:jobs/getrun`,
 * `:py:meth:`x``, escaped or not), each with some context. A word character
 * before the first colon makes no role: `urn:ietf:params`, `HH:mm:ss`.
 */
export function rawRoles(page: string): string[] {
  return [...page.matchAll(/(?<![\w])\\?(?::[A-Za-z][\w+.-]*)+:(?=[`A-Za-z_~])/g)].map((m) => page.slice(Math.max(0, m.index - 30), m.index + 40));
}
