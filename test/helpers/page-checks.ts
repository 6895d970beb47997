/**
 * Raw Sphinx role text left on a page (`:class:`Run``, `:method:jobs/getrun`,
 * `:py:meth:`x``, escaped or not), each with some context. A word character
 * before the first colon makes no role: `urn:ietf:params`, `HH:mm:ss`.
 */
export function rawRoles(page: string): string[] {
  return [...page.matchAll(/(?<![\w])\\?(?::[A-Za-z][\w+.-]*)+:(?=[`A-Za-z_~])/g)].map((m) => page.slice(Math.max(0, m.index - 30), m.index + 40));
}

/** Heading lines (outside fenced code) that appear more than once on a page. */
export function duplicateHeadings(page: string): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  let fence: string | undefined;
  for (const line of page.split('\n')) {
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (f && f[1]![0] === fence[0] && f[1]!.length >= fence.length) fence = undefined;
      continue;
    }
    if (f) {
      fence = f[1];
      continue;
    }
    const h = /^ {0,3}#{1,6}[ \t]+(.*?)[ \t#]*$/.exec(line);
    if (!h) continue;
    const text = h[1]!.toLowerCase();
    if (seen.has(text)) dup.add(text);
    seen.add(text);
  }
  return [...dup];
}

/** Docstring field markers (`:param name:`, `:returns:`) left on a page, each with some context. */
export function rawFields(page: string): string[] {
  return [...page.matchAll(/(?<![\w`])\\?:(?:param|parameter|arg|argument|key|keyword|returns?|rtype)(?:[ \t]+[\w.]+)?:(?=\s|$)/gm)].map((m) =>
    page.slice(Math.max(0, m.index - 30), m.index + 40),
  );
}

const JS_STRING = String.raw`"(?:[^"\\]|\\.)*"`;
/** A region as the `{{#html}}` helper writes it: a plain div, or an HtmlRegion with the anchors its HTML holds. */
const REGION = new RegExp(
  String.raw`<div className="pd-html" dangerouslySetInnerHTML=\{\{__html: (${JS_STRING})\}\} />|<HtmlRegion anchors=\{\[((?:${JS_STRING}(?:, )?)*)\]\} html=\{(${JS_STRING})\} />`,
  'g',
);

/**
 * The HTML of a page's HTML regions (`{{#html}}`: the detailed layout's field, method and
 * parameter tables), decoded from their JavaScript strings, `<wbr>` (a line-break opportunity in
 * names) left out.
 */
export function htmlRegions(page: string): string[] {
  return [...page.matchAll(REGION)].map((m) => (JSON.parse(m[1] ?? m[3]!) as string).replaceAll('<wbr>', ''));
}

/** The anchors each HtmlRegion of a page declares (none for a plain div region). */
export function regionAnchors(page: string): string[][] {
  return [...page.matchAll(REGION)].map((m) => (m[2] === undefined ? [] : (JSON.parse(`[${m[2]}]`) as string[])));
}

/** The page with each region replaced by `REGION`. */
export function outsideRegions(page: string): string {
  return page.replace(REGION, 'REGION');
}
