import { compile } from '@mdx-js/mdx';
import remarkGfm from 'remark-gfm';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';

/**
 * Compiles a page the way Docusaurus does (MDX + GFM + directives for
 * admonitions, frontmatter stripped). Throws with file:line:col on bad syntax.
 */
export async function compilePage(contents: string, path: string): Promise<string> {
  const out = await compile(
    { value: contents, path },
    { remarkPlugins: [remarkFrontmatter, remarkGfm, remarkDirective], format: 'mdx' },
  );
  return String(out);
}
