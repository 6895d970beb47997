/**
 * The fast path of spec-text.ts: the markdown most descriptions are made of
 * (paragraphs, `- ` lists as RST field lists become, and the phrasing
 * `phrasing-parse.ts` reads) rendered without remark. Whenever it returns a
 * string, that string is byte for byte what `spec-text-remark.ts` returns for
 * the same markdown (test/property/spec-text-fast.test.ts checks it on random
 * and real descriptions); anything else returns undefined, for remark.
 */
import { parsePhrasing } from './phrasing-parse.js';
import { serializePhrasing } from './phrasing-serialize.js';

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
  const blocks = readBlocks(markdown);
  if (!blocks) return undefined;
  const out: string[] = [];
  for (const block of blocks) {
    if (block.type === 'paragraph') {
      const value = paragraph(block.lines);
      if (value === undefined) return undefined;
      out.push(value);
      continue;
    }
    const items: string[] = [];
    for (const item of block.items) {
      const paragraphs: string[] = [];
      for (const lines of item.paragraphs) {
        const value = paragraph(lines);
        if (value === undefined) return undefined;
        paragraphs.push(value);
      }
      // listItemIndent 'one': `- ` on the first line, two spaces on the others.
      const lines = paragraphs.join(item.spread ? '\n\n' : '\n').split('\n');
      items.push(lines.map((l, i) => (i === 0 ? (l ? '- ' + l : '-') : l ? '  ' + l : '')).join('\n'));
    }
    out.push(items.join(block.spread ? '\n\n' : '\n'));
  }
  return out.join('\n\n').trimEnd();
}

function paragraph(lines: readonly string[]): string | undefined {
  const source = lines.join('\n');
  if (isDefinition(source)) return undefined;
  const phrases = parsePhrasing(source);
  return phrases && serializePhrasing(phrases, '\n', '\n', { label: false, cell: false });
}

interface Item {
  readonly paragraphs: string[][];
  spread: boolean;
}

type Block = { readonly type: 'paragraph'; readonly lines: string[] } | { readonly type: 'list'; readonly items: Item[]; spread: boolean };

/**
 * Paragraphs and one-level `- ` lists whose items hold paragraphs, read as
 * CommonMark does (lazy continuation lines, loose and tight lists), or
 * undefined for any other block construct or any line that might start one.
 */
function readBlocks(markdown: string): Block[] | undefined {
  if (/[\t\r|]/.test(markdown)) return undefined;
  const blocks: Block[] = [];
  // The paragraph lines that a following line may continue.
  let open: string[] | undefined;
  let list: Extract<Block, { type: 'list' }> | undefined;
  let blank = false;
  for (const raw of markdown.split('\n')) {
    // Markdown strips spaces only (JavaScript's trim() would take U+00A0 too).
    const text = raw.replace(/^ +| +$/g, '');
    const indent = /^ */.exec(raw)![0].length;
    if (text === '') {
      blank = true;
      if (!list) open = undefined;
      continue;
    }
    // Two trailing spaces make a hard break; a GFM table delimiter row (`:-`),
    // however indented, is left to remark.
    if (/ {2}$/.test(raw) || TABLE_DELIMITER.test(text)) return undefined;
    const item = indent === 0 && /^- \S/.test(raw);
    // An item's first line may itself start a block (`- * x` nests a list);
    // `- [ ]` and `- [x]` are GFM task list items.
    if (item && (startsBlock(raw.slice(2)) || raw[2] === '[')) return undefined;
    if (list) {
      const current = list.items[list.items.length - 1]!;
      if (item) {
        if (blank) list.spread = true;
        open = [text.slice(2)];
        list.items.push({ paragraphs: [open], spread: false });
        blank = false;
        continue;
      }
      if (indent >= 2) {
        if (blank) {
          if (indent >= 6 || startsBlock(text)) return undefined;
          current.spread = true;
          open = [text];
          current.paragraphs.push(open);
        } else {
          if (indent < 6 && startsBlock(text)) return undefined;
          open!.push(text);
        }
        blank = false;
        continue;
      }
      if (!blank) {
        // A lazy continuation line of the item's paragraph.
        if (startsBlock(text)) return undefined;
        open!.push(text);
        continue;
      }
      list = undefined;
      open = undefined;
    }
    blank = false;
    if (item) {
      open = [text.slice(2)];
      list = { type: 'list', items: [{ paragraphs: [open], spread: false }], spread: false };
      blocks.push(list);
    } else if (open) {
      if (indent < 4 && startsBlock(text)) return undefined;
      open.push(text);
    } else {
      if (indent >= 4 || startsBlock(text)) return undefined;
      open = [text];
      blocks.push({ type: 'paragraph', lines: open });
    }
  }
  return blocks;
}

/**
 * Whether a line might start a block other than a paragraph (or change the
 * paragraph before it into a heading or table): headings, block quotes,
 * lists, thematic breaks, fences, HTML, setext underlines, table delimiter
 * rows. Over-approximated.
 */
function startsBlock(text: string): boolean {
  return (
    /^(?:[#>+\-=~<|]|\*(?:[ \t]|$)|`{3}|\d+[.)])/.test(text) ||
    /^([*_])(?:[ \t]*\1){2,}[ \t]*$/.test(text) ||
    TABLE_DELIMITER.test(text)
  );
}

const TABLE_DELIMITER = /^[ \t|:-]*-[ \t|:-]*$/;

/** A paragraph starting with `[label]:` may hold definitions, which remark resolves. */
function isDefinition(source: string): boolean {
  return source.startsWith('[') && source.includes(']:');
}
