import * as crypto from 'node:crypto';

// One hash for every stage that fingerprints bytes (load's inputs, write's
// manifest and stat cache), so a file's hash means the same thing everywhere.
// The one-shot crypto.hash (Node 20.12+) is about twice as fast as a Hash
// object for a page; looked up at run time because engines allows older 20.x.
const oneShot: typeof crypto.hash | undefined = typeof crypto.hash === 'function' ? crypto.hash : undefined;

/** sha256 (hex); strings are hashed as UTF-8, the encoding they are written in. */
export function sha256Hex(data: Uint8Array | string): string {
  return oneShot ? oneShot('sha256', data, 'hex') : crypto.createHash('sha256').update(data).digest('hex');
}
