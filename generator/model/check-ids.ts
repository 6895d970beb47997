import type { Source } from './types.js';
import type { Diagnostic } from '../diagnostics.js';

/** A resource id names one resource in a provider; the second definition of an id is an error. */
export function duplicateResourceIds(services: readonly { readonly resources: readonly { readonly id: string; readonly source: Source }[] }[]): Diagnostic[] {
  const owners = new Map<string, string>();
  const out: Diagnostic[] = [];
  for (const s of services) {
    for (const r of s.resources) {
      const owner = owners.get(r.id);
      if (owner) {
        out.push({
          severity: 'error',
          code: 'resource-duplicate-id',
          message: `resource id ${r.id} is defined twice (also in ${owner})`,
          file: r.source.file,
          pointer: r.source.pointer,
        });
      } else owners.set(r.id, r.source.file);
    }
  }
  return out;
}
