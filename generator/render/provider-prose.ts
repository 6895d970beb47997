// A provider settings file's prose goes on the provider page beside sections
// the page generates from the spec (Installation, Authentication, Services).
// A prose section headed like one of them adds to it: its text follows the
// generated text there, under the one heading, so no heading appears twice
// and what the spec says (authentication, above all) always comes first.
// The rest of the prose is the page's Overview.

/** The provider page's own sections that prose may add to, by heading text. */
const GENERATED = ['overview', 'installation', 'authentication', 'services'] as const;
type Section = (typeof GENERATED)[number];

export type ProviderProse = Readonly<Record<Section, string>>;

const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Splits prose (markdown) at its headings: sections named like a generated one are taken out for it. */
export function splitProviderProse(markdown: string): ProviderProse {
  const out: Record<Section, string[]> = { overview: [], installation: [], authentication: [], services: [] };
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  let target: Section = 'overview';
  // The heading level that started a taken section: it ends at the next heading of that level or above.
  let takenLevel = 0;
  let fence: string | undefined;
  for (const line of lines) {
    const f = FENCE.exec(line);
    if (fence) {
      if (f && f[1]![0] === fence[0] && f[1]!.length >= fence.length && line.trim() === f[1]) fence = undefined;
      out[target].push(line);
      continue;
    }
    if (f) {
      fence = f[1]!;
      out[target].push(line);
      continue;
    }
    const h = HEADING.exec(line);
    if (h) {
      const level = h[1]!.length;
      const name = h[2]!.replace(/[*_`]/g, '').trim().toLowerCase() as Section;
      if ((GENERATED as readonly string[]).includes(name)) {
        target = name;
        takenLevel = level;
        continue;
      }
      if (takenLevel > 0 && level <= takenLevel) {
        target = 'overview';
        takenLevel = 0;
      }
    }
    out[target].push(line);
  }
  const text = (s: Section) => out[s].join('\n').replace(/\n{3,}/g, '\n\n').trim();
  return { overview: text('overview'), installation: text('installation'), authentication: text('authentication'), services: text('services') };
}
