/**
 * The fast path of spec-text.ts: the markdown most descriptions are made of
 * (paragraphs and lists as `block-parse.ts` reads them, holding the phrasing
 * `phrasing-parse.ts` reads) rendered without remark. Whenever it returns a
 * string, that string is byte for byte what `spec-text-remark.ts` returns for
 * the same markdown (test/property/spec-text-fast.test.ts checks it on random
 * and real descriptions); anything else returns undefined, for remark.
 */
import { parseBlocks, startsBlock, type Block, type Definition, type Item, type List } from './block-parse.js';
import { identifier, parsePhrasing, type Phrase } from './phrasing-parse.js';
import { serializePhrasing } from './phrasing-serialize.js';
import { cleanUrl, SAFE_URL } from './spec-text-remark.js';

/** `remarkInline(markdown)`, or undefined. */
export function fastInline(markdown: string): string | undefined {
  if (markdown === '' || /^\s|\s$|\n/.test(markdown) || startsBlock(markdown) || isDefinition(markdown)) return undefined;
  const phrases = parsePhrasing(markdown);
  if (!phrases) return undefined;
  const out = serializePhrasing(phrases, '\n', '\n', { label: false, cell: true });
  return out?.replace(/[ \t]*[\r\n]+[ \t]*/g, ' ').trim();
}

/** `remarkBlock(markdown)`, or undefined. */
export function fastBlock(markdown: string): string | undefined {
  const blocks = parseBlocks(markdown);
  if (!blocks) return undefined;
  const definitions = new Map<string, string>();
  collectDefinitions(blocks, definitions);
  return flow(blocks, undefined, definitions)?.trimEnd();
}

/** References resolve to the first definition of their identifier, wherever it is. */
function collectDefinitions(blocks: readonly Block[], out: Map<string, string>): void {
  for (const block of blocks) {
    if (block.type === 'list') for (const item of block.items) collectDefinitions(item.blocks, out);
    else if (block.type === 'definition' && !out.has(identifier(block.label))) out.set(identifier(block.label), block.url);
  }
}

/**
 * Blocks as containerFlow writes them, joined by the serializer's join rules:
 * a blank line between the children of the root or of a loose item; in a
 * tight item, a list hugs what is before it, unless it is ordered from a
 * number other than 1 after a paragraph, and a paragraph after a list is set
 * off. A list right after another uses the other marker (`*`, `)`), or the
 * two would read as one.
 */
function flow(blocks: readonly Block[], item: Item | undefined, definitions: ReadonlyMap<string, string>): string | undefined {
  let out = '';
  let lastBullet: string | undefined;
  for (let k = 0; k < blocks.length; k++) {
    const block = blocks[k]!;
    let value: string | undefined;
    if (block.type === 'list') {
      let bullet = block.ordered ? '.' : '-';
      if (bullet === lastBullet) bullet = block.ordered ? ')' : '*';
      value = list(block, bullet, definitions);
      lastBullet = bullet;
    } else {
      value = block.type === 'paragraph' ? paragraph(block.lines, definitions) : definition(block);
      lastBullet = undefined;
    }
    if (value === undefined) return undefined;
    if (k > 0) {
      const hug =
        item && !item.spread && block.type === 'list' && (blocks[k - 1]!.type === 'list' || !block.ordered || block.start === 1);
      out += hug ? '\n' : '\n\n';
    }
    out += value;
  }
  return out;
}

/** Items numbered on from the list's start when ordered; listItemIndent 'one'. */
function list(block: List, bullet: string, definitions: ReadonlyMap<string, string>): string | undefined {
  const items: string[] = [];
  for (let k = 0; k < block.items.length; k++) {
    const item = block.items[k]!;
    const content = flow(item.blocks, item, definitions);
    if (content === undefined) return undefined;
    const marker = block.ordered ? `${block.start + k}${bullet}` : bullet;
    const indent = ' '.repeat(marker.length + 1);
    const lines = content.split('\n').map((l, i) => (i === 0 ? (l ? `${marker} ${l}` : marker) : l ? indent + l : ''));
    items.push(lines.join('\n'));
  }
  return items.join(block.spread ? '\n\n' : '\n');
}

function paragraph(lines: readonly string[], definitions: ReadonlyMap<string, string>): string | undefined {
  const source = lines.join('\n');
  if (isDefinition(source)) return undefined;
  const phrases = parsePhrasing(source, definitions);
  return phrases && serializePhrasing(phrases, '\n', '\n', { label: false, cell: false });
}

/**
 * A definition stays visible, as spec-text-remark.ts's `clean` makes it: a
 * paragraph of its label and its url, linked when the url is safe.
 */
function definition(block: Definition): string | undefined {
  const head = `[${block.label}]: `;
  const phrases: Phrase[] = SAFE_URL.test(block.url)
    ? [{ type: 'text', value: head }, { type: 'link', url: cleanUrl(block.url), children: [{ type: 'text', value: block.url }] }]
    : [{ type: 'text', value: head + block.url }];
  return serializePhrasing(phrases, '\n', '\n', { label: false, cell: false });
}

/** A paragraph starting with `[label]:` may hold definitions, which remark resolves. */
function isDefinition(source: string): boolean {
  return source.startsWith('[') && source.includes(']:');
}
