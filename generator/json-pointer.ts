// RFC 6901 JSON pointers: the addresses every model node and diagnostic carries.
// Shared by every stage (the loader builds them, the model follows them), so
// they belong to none.

// Most segments need no escaping; checking first saves two regex passes per
// segment, which adds up over the ~100k pointers a large spec produces.
export function decodeSegment(s: string): string {
  return s.includes('~') ? s.replace(/~1/g, '/').replace(/~0/g, '~') : s;
}

export function encodeSegment(s: string): string {
  return s.includes('~') || s.includes('/') ? s.replace(/~/g, '~0').replace(/\//g, '~1') : s;
}

export function joinPointer(base: string, ...segments: (string | number)[]): string {
  let out = base;
  for (const s of segments) out += '/' + encodeSegment(String(s));
  return out;
}

export function splitPointer(pointer: string): string[] {
  if (pointer === '' || pointer === '#') return [];
  const p = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  if (!p.startsWith('/')) throw new Error(`not a JSON pointer: ${pointer}`);
  return p.slice(1).split('/').map(decodeSegment);
}

/** Resolves a pointer inside a parsed document; undefined when any step is missing. */
export function getAtPointer(doc: unknown, pointer: string): unknown {
  let node: unknown = doc;
  for (const seg of splitPointer(pointer)) {
    if (Array.isArray(node)) {
      if (!/^(0|[1-9]\d*)$/.test(seg)) return undefined;
      node = node[Number(seg)];
    } else if (node !== null && typeof node === 'object') {
      if (!Object.prototype.hasOwnProperty.call(node, seg)) return undefined;
      node = (node as Record<string, unknown>)[seg];
    } else {
      return undefined;
    }
    if (node === undefined) return undefined;
  }
  return node;
}
