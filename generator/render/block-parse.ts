/**
 * The block structure of a description's markdown, for the fast path: what
 * remark reads as paragraphs and (nested) bullet and ordered lists, read the
 * CommonMark way (lazy continuation lines, list items by indentation, loose
 * and tight lists as micromark marks them). Undefined for any other block
 * construct, any line that might start one, and list shapes not redone here
 * (empty items, wide markers, items at uneven indentation).
 */

export type Block = Paragraph | List | Definition;

export interface Paragraph {
  readonly type: 'paragraph';
  /**
   * Its lines as CommonMark hands them to inline parsing: the first without
   * its indentation, the others with the spaces that code spans keep.
   */
  readonly lines: string[];
}

/** `[label]: url` on a line of its own. */
export interface Definition {
  readonly type: 'definition';
  readonly label: string;
  readonly url: string;
}

export interface List {
  readonly type: 'list';
  readonly ordered: boolean;
  readonly start: number;
  /** A blank line between two of its items. */
  spread: boolean;
  readonly items: Item[];
}

export interface Item {
  readonly blocks: Block[];
  /** A blank line between two of its blocks. */
  readonly spread: boolean;
}

interface Marker {
  /** `-`, `*`, `+`, or the delimiter of an ordered marker. */
  readonly kind: string;
  readonly ordered: boolean;
  readonly number: number;
  /** The marker and its one space: where the item's content starts. */
  readonly width: number;
}

export function parseBlocks(markdown: string): Block[] | undefined {
  // Tabs change indentation by columns; two trailing spaces make a hard break
  // (after anything but spaces: U+00A0 counts).
  if (/[\t\r|]|[^ \n] {2,}$/m.test(markdown)) return undefined;
  return container(markdown.split('\n'))?.blocks;
}

/** The blocks of a document or of a list item, from its lines (item indentation removed). */
function container(lines: readonly string[]): { blocks: Block[]; spread: boolean } | undefined {
  const blocks: Block[] = [];
  let spread = false;
  let blank = false;
  // The paragraph that the next line may continue, and whether that line is
  // still in a paragraph's content (which definitions open): then it can
  // only start another block if that block can interrupt a paragraph.
  let open: string[] | undefined;
  let content = false;
  for (let i = 0; i < lines.length; ) {
    const raw = lines[i]!;
    const text = strip(raw);
    const indent = indentOf(raw);
    if (text === '') {
      blank = blocks.length > 0;
      open = undefined;
      content = false;
      i++;
      continue;
    }
    // A GFM table delimiter row (`:-`) turns the line before into a table,
    // however indented.
    if (TABLE_DELIMITER.test(text)) return undefined;
    if (blank) spread = true;
    blank = false;
    const marker = indent < 4 ? listMarker(text) : undefined;
    // An ordered list interrupts a paragraph only from 1.
    if (marker && (!content || !marker.ordered || marker.number === 1)) {
      const list = parseList(lines, i, indent, marker);
      if (!list) return undefined;
      blocks.push(list.list);
      open = undefined;
      content = false;
      i = list.next;
      continue;
    }
    const definition = !open && indent < 4 ? DEFINITION.exec(text) : null;
    if (definition && /\S/.test(definition[1]!) && definition[1]!.length < 1000) {
      // A title may follow on the next line.
      if (/^["'(]/.test(strip(lines[i + 1] ?? ''))) return undefined;
      blocks.push({ type: 'definition', label: definition[1]!, url: definition[2]! });
      content = true;
    } else if (content) {
      // (An ordered marker from another number is text here.)
      if (indent < 4 && interrupts(text)) return undefined;
      if (open) open.push(raw);
      else {
        open = [raw.slice(indent)];
        blocks.push({ type: 'paragraph', lines: open });
      }
    } else {
      if (indent >= 4 || marker || startsBlock(text)) return undefined;
      open = [raw.slice(indent)];
      content = true;
      blocks.push({ type: 'paragraph', lines: open });
    }
    i++;
  }
  return { blocks, spread };
}

/**
 * The list whose first item starts at line `from`; `next` is the line after
 * it, before any blank lines that end it (they belong to the container).
 */
function parseList(lines: readonly string[], from: number, indent: number, first: Marker): { list: List; next: number } | undefined {
  const list: List = { type: 'list', ordered: first.ordered, start: first.number, spread: false, items: [] };
  let marker = first;
  let i = from;
  for (;;) {
    const column = indent + marker.width;
    const content = lines[i]!.slice(column);
    // An item opening with a block (`- - x`, `- # x`) or a GFM task (`- [ ]`).
    if (listMarker(content) || startsBlock(strip(content)) || content.startsWith('[')) return undefined;
    const own = [content];
    let blanks = 0;
    for (i++; i < lines.length; i++) {
      const raw = lines[i]!;
      const text = strip(raw);
      if (text === '') {
        blanks++;
        continue;
      }
      const lineIndent = indentOf(raw);
      if (lineIndent >= column) {
        for (; blanks > 0; blanks--) own.push('');
        own.push(raw.slice(column));
        continue;
      }
      // Outside the item, anything shaped like a list item starts one (even
      // empty, or ordered from any number): it does not continue a paragraph.
      if (blanks > 0 || (lineIndent < 4 && LIST_ITEM.test(text))) break;
      // A lazy continuation line of the paragraph the item ends with (its
      // indentation, which a code span would keep, is not redone here).
      if (lineIndent > 0 || interrupts(text)) return undefined;
      own.push(raw);
    }
    const item = container(own);
    if (!item) return undefined;
    list.items.push(item);
    if (i === lines.length) return { list, next: i - blanks };
    const text = strip(lines[i]!);
    const shaped = indentOf(lines[i]!) < 4 && LIST_ITEM.test(text);
    if (shaped && itemKind(text) === marker.kind) {
      // A sibling, which is only redone at the first item's indentation.
      const next = indentOf(lines[i]!) === indent ? listMarker(text) : undefined;
      if (!next) return undefined;
      if (blanks > 0) list.spread = true;
      marker = next;
      continue;
    }
    // Right after an item's content, another kind of list, which CommonMark
    // reads its own way.
    if (blanks === 0) return undefined;
    return { list, next: i - blanks };
  }
}

/** A list item marker with one space and content after it, or undefined. */
function listMarker(text: string): Marker | undefined {
  if (THEMATIC_BREAK.test(text)) return undefined;
  const m = /^(?:([-*+])|(\d{1,9})([.)])) (?! )(?=.)/.exec(text);
  if (!m) return undefined;
  return m[1]
    ? { kind: m[1], ordered: false, number: 0, width: 2 }
    : { kind: m[3]!, ordered: true, number: Number.parseInt(m[2]!, 10), width: m[2]!.length + 2 };
}

/**
 * Whether a line (without its indentation) that follows a paragraph line
 * could end the paragraph or change it: headings, block quotes, fences, HTML,
 * thematic breaks, setext underlines, GFM table delimiter rows, bullet items
 * and ordered ones from 1 (those with content are read as such before this
 * is asked). Over-approximated.
 */
function interrupts(text: string): boolean {
  return (
    /^(?:#{1,6}(?:[ \t]|$)|>|<|`{3}|~{3}|(?:[-*+]|0*1[.)]) |(?:=+|-+) *$)/.test(text) ||
    THEMATIC_BREAK.test(text) ||
    TABLE_DELIMITER.test(text)
  );
}

/** Whether a line could start a block other than a paragraph (list items included). */
export function startsBlock(text: string): boolean {
  return interrupts(text) || LIST_ITEM.test(text);
}

/** The bullet, or the delimiter of an ordered marker, of a line shaped like a list item. */
function itemKind(text: string): string {
  return /^\d/.test(text) ? /[.)]/.exec(text)![0] : text[0]!;
}

// With a plain label and a raw destination, nothing to decode; no title.
const DEFINITION = /^\[([^[\]\\^][^[\]\\]*)\]: *([^\s<()\\&]+)$/;
const LIST_ITEM = /^(?:[-*+]|\d{1,9}[.)])(?: |$)/;
const THEMATIC_BREAK = /^([*_-])(?:[ \t]*\1){2,}[ \t]*$/;
const TABLE_DELIMITER = /^[ \t|:-]*-[ \t|:-]*$/;

/** Markdown strips spaces only (JavaScript's trim() would take U+00A0 too). */
function strip(line: string): string {
  return line.replace(/^ +| +$/g, '');
}

function indentOf(line: string): number {
  let n = 0;
  while (line.charCodeAt(n) === 32) n++;
  return n;
}
