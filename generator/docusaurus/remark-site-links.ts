// Generated pages list resources as raw `<a href="/providers/...">` elements
// (the classic page format). MDX leaves such JSX alone, so Docusaurus neither
// checks those links nor prefixes them with the site's baseUrl, and on a site
// served under a sub-path (GitHub Pages) they would break. This plugin turns
// every JSX `<a>` whose only attribute is a site-path href and whose content is
// plain text into an ordinary markdown link, which Docusaurus renders with its
// Link component: baseUrl is added and the broken-link check covers it. The
// generated pages themselves keep the classic format byte for byte.

interface Node {
  type: string;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: Node[];
  value?: string;
}

function toLink(node: Node): Node | undefined {
  if ((node.type !== 'mdxJsxTextElement' && node.type !== 'mdxJsxFlowElement') || node.name !== 'a') return undefined;
  const attrs = node.attributes ?? [];
  const href = attrs[0];
  if (attrs.length !== 1 || !href || href.type !== 'mdxJsxAttribute' || href.name !== 'href' || typeof href.value !== 'string') return undefined;
  if (!href.value.startsWith('/') || href.value.startsWith('//')) return undefined;
  const children = node.children ?? [];
  if (!children.every((c) => c.type === 'text')) return undefined;
  const link: Node = { type: 'link', children, ...{ url: href.value } };
  return node.type === 'mdxJsxFlowElement' ? { type: 'paragraph', children: [link] } : link;
}

export default function remarkSiteLinks() {
  return (tree: Node): void => {
    const walk = (node: Node): void => {
      if (!node.children) return;
      node.children = node.children.map((child) => toLink(child) ?? child);
      node.children.forEach(walk);
    };
    walk(tree);
  };
}
