// scanProviders reads only the front matter block of each page (the dev server scans the tree on
// every reload): what it finds must be what gray-matter finds in the whole file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import matter from 'gray-matter';
import { afterAll, describe, expect, test } from 'vitest';
import { scanProviders } from '../../generator/docusaurus/docs-tree.js';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'provider-docs-docs-tree-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** Front matter pushed past the first 8 KiB read, with a multi-byte character across that boundary. */
const longTitle = `${'x'.repeat(8180)}é漢字 title`;
const pages: Record<string, string> = {
  'providers/p/index.md': `---\ntitle: Provider P\ndescription: "about: p"\nimage: /img/p.png\nid: p-doc\n---\n\n# body\n---\nnot: front matter\n`,
  'providers/p/long/index.md': `---\nkeywords: [a]\ntitle: ${JSON.stringify(longTitle)}\n---\nbody ${'y'.repeat(20_000)}\n`,
  'providers/p/long/crlf/index.md': '---\r\ntitle: crlf page\r\n---\r\n\r\nbody\r\n',
  'providers/p/long/none/index.md': '# no front matter\n\ntitle: not this\n',
  'providers/p/long/four/index.md': '----\ntitle: not front matter\n----\n',
  'providers/p/long/open/index.md': '---\ntitle: never closed\n',
  'providers/p/long/empty/index.md': '',
  'providers/p/long/dashes/index.md': '---\ntitle: dashes\n---x\ndescription: after\n---\n',
};
for (const [rel, text] of Object.entries(pages)) {
  fs.mkdirSync(path.dirname(path.join(work, rel)), { recursive: true });
  fs.writeFileSync(path.join(work, rel), text);
}
/** gray-matter over the whole file (options given: no cache shared with the code under test). */
const full = (rel: string) => matter(pages[rel]!, {}).data as Record<string, unknown>;

describe('scanProviders', () => {
  const [p] = scanProviders(work);
  const long = p!.services[0]!;
  const label = (name: string) => long.resources.find((r) => r.name === name)!.label;

  test('provider data comes from the front matter only, not from the body', () => {
    expect(p).toMatchObject({ name: 'p', title: 'Provider P', description: 'about: p', image: '/img/p.png', id: 'providers/p/p-doc' });
  });

  test('front matter longer than one read, multi-byte characters at its edge', () => {
    expect(long.label).toBe(longTitle);
    expect(long.label).toBe(full('providers/p/long/index.md').title);
  });

  test('every odd page gets what gray-matter reads in the whole file', () => {
    for (const name of ['crlf', 'none', 'four', 'open', 'empty', 'dashes']) {
      const fm = full(`providers/p/long/${name}/index.md`);
      expect(label(name), name).toBe(typeof fm.title === 'string' && fm.title !== '' ? fm.title : name);
    }
    expect(label('crlf')).toBe('crlf page');
    expect(label('none')).toBe('none');
    expect(label('open')).toBe('never closed');
  });
});
