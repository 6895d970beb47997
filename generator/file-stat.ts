import type { BigIntStats } from 'node:fs';

// A file's hash beside the stat it had: what the pages' stat cache (write/) and
// the inputs record (load/'s fingerprint) keep, so that a file whose stat has
// not moved need not be read to know its hash. One shape for both stages.

export interface StatEntry {
  readonly sha256: string;
  readonly size: bigint;
  readonly ino: bigint;
  readonly mtimeNs: bigint;
  readonly ctimeNs: bigint;
}

export function statEntry(sha256: string, st: BigIntStats): StatEntry {
  return { sha256, size: st.size, ino: st.ino, mtimeNs: st.mtimeNs, ctimeNs: st.ctimeNs };
}
