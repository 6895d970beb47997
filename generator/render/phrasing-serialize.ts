/**
 * Phrasing from `phrasing-parse.ts` written back as markdown the way
 * `mdast-util-to-markdown` writes it with our settings (containerPhrasing,
 * its attention pairing check, and the text, strong, link and inline code
 * handlers). Undefined when the serializer would do something not redone
 * here: character references around `*`, other markers, enclosed link
 * destinations.
 */
import { inlineCode } from './escape.js';
import type { Phrase } from './phrasing-parse.js';
import { asciiKind, safeText, safeUrl, type TextPlace } from './phrasing-safe.js';

/** Emphasis or strong, written with `*` (our settings). */
interface Attention {
  readonly sequence: string;
  readonly inner: string;
}

/**
 * `nodes` as one paragraph's content (or a link label's), between `before`
 * (what precedes it: `\n` at a line start) and `after`.
 */
export function serializePhrasing(nodes: readonly Phrase[], before: string, after: string, place: TextPlace): string | undefined {
  const items: (string | Attention)[] = [];
  let previous = before;
  for (let k = 0; k < nodes.length; k++) {
    const node = nodes[k]!;
    if (node.type === 'strong' || node.type === 'emphasis') {
      const sequence = node.type === 'strong' ? '**' : '*';
      const inner = serializePhrasing(node.children, sequence, sequence, place);
      if (!inner) return undefined;
      items.push({ sequence, inner });
      previous = '*';
      continue;
    }
    let value: string | undefined;
    if (node.type === 'text') {
      // Only a text's escapes depend on what follows it.
      const following = k + 1 < nodes.length ? peek(nodes[k + 1]!, place) : after;
      value = following === undefined ? undefined : safeText(node.value, previous, following, place);
    } else {
      value = node.type === 'inlineCode' ? code(node.value, place) : link(node, previous, place);
    }
    if (value === undefined) return undefined;
    // The serializer skips what writes nothing, and keeps its `before`.
    if (value === '') continue;
    items.push(value);
    previous = lastCharacter(value);
  }
  return attention(items, before, after);
}

/** The first character the serializer expects from a node, to escape what precedes it. */
function peek(node: Phrase, place: TextPlace): string | undefined {
  switch (node.type) {
    case 'strong':
    case 'emphasis':
      return '*';
    case 'inlineCode':
      return '`';
    case 'link':
      return '[';
    case 'text': {
      const value = safeText(node.value, '', '', place);
      return value === undefined ? undefined : firstCharacter(value);
    }
  }
}

function code(value: string, place: TextPlace): string | undefined {
  // The inline serializer's own handler (see spec-text-remark.ts).
  if (place.cell) return inlineCode(value, { tableCell: true });
  // The handler turns a line ending into a space where what follows could
  // start a block; that is not redone here.
  if (/\n(?:[#)*+\-.<=>[_`~|:{\d]|import |export )/.test(value)) return undefined;
  // The shortest backtick run that is not in the code.
  const runs = new Set((value.match(/`+/g) ?? []).map((r) => r.length));
  let size = 1;
  while (runs.has(size)) size++;
  const sequence = '`'.repeat(size);
  const pad = /[^\n\r ]/.test(value) && ((/^[\n\r ]/.test(value) && /[\n\r ]$/.test(value)) || /^`|`$/.test(value));
  return pad ? `${sequence} ${value} ${sequence}` : sequence + value + sequence;
}

function link(node: Extract<Phrase, { type: 'link' }>, before: string, place: TextPlace): string | undefined {
  const label = serializePhrasing(node.children, '[', '](', { label: true, cell: place.cell });
  const url = safeUrl(node.url);
  if (label === undefined || url === undefined) return undefined;
  // At a line start, a `]:` in the label would read as a definition: the
  // serializer then adds an empty title.
  const last = before.charAt(before.length - 1);
  if (last === '\n' || last === '\r') {
    let index = 0;
    while (index < label.length && label[index] !== ']') index += label[index] === '\\' ? 2 : 1;
    if (label[index + 1] === ':') return undefined;
  }
  return `[${label}](${url})`;
}

/**
 * containerPhrasing's attention pass, for emphasis and strong written with
 * `*`: accepted only when its pairing check passes at once and no character
 * next to a marker needs a character reference; otherwise undefined. (The
 * sizes do not matter for the check when each pair stands alone: 1+1 and 2+2
 * pass the rule of 3.)
 */
function attention(items: readonly (string | Attention)[], before: string, after: string): string | undefined {
  let out = '';
  for (let k = 0; k < items.length; k++) {
    const item = items[k]!;
    if (typeof item === 'string') {
      out += item;
      continue;
    }
    const prev = k > 0 ? items[k - 1]! : before;
    const next = k + 1 < items.length ? items[k + 1]! : after;
    // Neighbouring attention would make the serializer pick other markers.
    if (typeof prev !== 'string' || typeof next !== 'string') return undefined;
    const outsideBefore = asciiKind(prev.charCodeAt(prev.length - 1));
    const outsideAfter = asciiKind(next.charCodeAt(0));
    const head = asciiKind(item.inner.charCodeAt(0));
    const tail = asciiKind(item.inner.charCodeAt(item.inner.length - 1));
    if (outsideBefore === undefined || outsideAfter === undefined || head === undefined || tail === undefined) return undefined;
    // encodeInfo: nothing encoded on either side.
    if (head === 1 || tail === 1 || (outsideBefore === 0 && head === 2) || (outsideAfter === 0 && tail === 2)) return undefined;
    // The pairing check: the opening run can open, the closing one can close.
    const opens = head === 0 || (head === 2 && outsideBefore !== 0);
    const closes = tail === 0 || (tail === 2 && outsideAfter !== 0);
    if (!opens || !closes) return undefined;
    out += item.sequence + item.inner + item.sequence;
  }
  return out;
}

function firstCharacter(value: string): string {
  const code = value.codePointAt(0);
  return code === undefined ? '' : String.fromCodePoint(code);
}

function lastCharacter(value: string): string {
  const code = value.codePointAt(value.length - 2);
  return code !== undefined && code > 0xffff ? value.slice(-2) : value.slice(-1);
}
