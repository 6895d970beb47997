// What a service job produced last time (pages before the provider-wide
// finishing pass, its summary, its diagnostics), kept so that a service whose
// inputs did not change is not parsed again. One file per service under a
// machine-local folder of the output tree, named after the service and the
// key it was made for: a changed input is a different key, and storing a
// service's new entry drops its old one. Like the stat cache,
// losing or corrupting it costs only speed: anything unreadable is a miss.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { RESERVED_PREFIX } from './paths.js';

export const SERVICE_CACHE_NAME = `${RESERVED_PREFIX}services`;

/** Bumped when what is stored changes shape: older entries are then misses. */
const FORMAT = 1;

interface Entry<T> {
  readonly format: number;
  readonly key: string;
  readonly value: T;
}

export interface ServiceCache<T> {
  /** True when an entry for this service under exactly this key exists (one stat, nothing read). */
  has(provider: string, service: string, key: string): boolean;
  /** The value stored for this service under exactly this key, if any. */
  get(provider: string, service: string, key: string): T | undefined;
  /** Stores the service's entry under this key and drops its entries under other keys; a no-op for a read-only cache. */
  set(provider: string, service: string, key: string, value: T): void;
  /** Removes the entries of services not looked up or stored since the cache was opened. */
  prune(): void;
}

/**
 * Opens the cache of an output folder. `readOnly` (a `--check` run) reads
 * entries but writes nothing, so checking leaves the output folder as it was.
 * An entry is named after its service and its key, so whether a service can be
 * reused is known from the name alone, before anything is read.
 */
export function openServiceCache<T>(outAbs: string, readOnly: boolean): ServiceCache<T> {
  const dir = join(outAbs, SERVICE_CACHE_NAME);
  const used = new Set<string>();
  let made = false;
  const idOf = (provider: string, service: string) => {
    const id = createHash('sha256').update(`${provider}\0${service}`).digest('hex').slice(0, 32);
    used.add(id);
    return id;
  };
  const fileOf = (provider: string, service: string, key: string) => join(dir, `${idOf(provider, service)}-${key}.bin`);
  // The folder's names by service id (their first 32 characters), listed once
  // and then kept up to date by this cache's own changes: listing the folder
  // again for every stored entry made a cold run's 500 stores read 500 x 250
  // names. An entry another process adds meanwhile is not seen, which costs at
  // most a stale file that a later prune removes.
  let byId: Map<string, Set<string>> | undefined;
  const listing = (): Map<string, Set<string>> => {
    if (byId === undefined) {
      byId = new Map();
      let all: string[] = [];
      try {
        all = readdirSync(dir);
      } catch {
        // no folder yet: nothing stored
      }
      for (const name of all) {
        const id = name.slice(0, 32);
        const set = byId.get(id);
        if (set) set.add(name);
        else byId.set(id, new Set([name]));
      }
    }
    return byId;
  };
  return {
    has(provider, service, key) {
      return existsSync(fileOf(provider, service, key));
    },
    get(provider, service, key) {
      try {
        const entry = deserialize(readFileSync(fileOf(provider, service, key))) as Entry<T>;
        return entry.format === FORMAT && entry.key === key ? entry.value : undefined;
      } catch {
        return undefined;
      }
    },
    set(provider, service, key, value) {
      const file = fileOf(provider, service, key);
      if (readOnly) return;
      if (!made) {
        mkdirSync(dir, { recursive: true });
        made = true;
      }
      const known = listing();
      const temp = `${file}.${process.pid}.tmp`;
      writeFileSync(temp, serialize({ format: FORMAT, key, value } satisfies Entry<T>));
      renameSync(temp, file);
      const id = idOf(provider, service);
      const own = `${id}-${key}.bin`;
      const mine = known.get(id) ?? new Set<string>();
      for (const name of mine) if (name.startsWith(`${id}-`) && name !== own) rmSync(join(dir, name), { force: true });
      known.set(id, new Set([...mine].filter((name) => !name.startsWith(`${id}-`)).concat(own)));
    },
    prune() {
      if (readOnly) return;
      const known = listing();
      for (const [id, set] of known) {
        if (used.has(id)) continue;
        for (const name of set) rmSync(join(dir, name), { force: true });
        known.delete(id);
      }
    },
  };
}

/**
 * The key of one service's job: the hashes (from the run's input fingerprint)
 * of everything its pages depend on: its own spec file, its provider's
 * provider.yaml and settings, the templates, the layout and the generator.
 * Other services' files are not in it, so editing one service leaves every
 * other service's key as it was. Undefined when the fingerprint lacks the
 * service's file: such a service is always run.
 */
export function serviceKey(inputs: ReadonlyMap<string, string>, parts: { readonly serviceFile: string; readonly providerFile: string; readonly provider: string; readonly layout: string }): string | undefined {
  // A file the fingerprint did not hash could change unseen: such a service is never reused.
  if (!inputs.has(`spec:${parts.serviceFile}`) || !inputs.has(`spec:${parts.providerFile}`)) return undefined;
  const h = createHash('sha256');
  const add = (k: string) => h.update(k).update('\0').update(inputs.get(k) ?? 'absent').update('\n');
  add(`spec:${parts.serviceFile}`);
  add(`spec:${parts.providerFile}`);
  add(`settings:${parts.provider}`);
  for (const k of [...inputs.keys()].filter((k) => k.startsWith('template:')).sort()) add(k);
  add('generator');
  h.update(`layout\0${parts.layout}`);
  return h.digest('hex');
}
