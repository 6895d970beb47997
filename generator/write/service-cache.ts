// What a service job produced last time (pages before the provider-wide
// finishing pass, its summary, its diagnostics), kept so that a service whose
// inputs did not change is not parsed again. One file per service under a
// machine-local folder of the output tree, in a folder of its own, named after
// the key it was made for: a changed input is a different key, and storing a
// service's new entry drops its old one. Like the stat cache,
// losing or corrupting it costs only speed: anything unreadable is a miss.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
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
  const idOf = (provider: string, service: string) => {
    const id = createHash('sha256').update(`${provider}\0${service}`).digest('hex').slice(0, 32);
    used.add(id);
    return id;
  };
  // One folder per service, holding its entry: storing an entry renames a file in
  // a folder of one or two names. In one folder of every service, a dev server's
  // watcher (chokidar, over the whole docs folder) re-read all of its names
  // after each store: 135-150 ms of the server's main thread per saved spec
  // with 38 services, growing with their number.
  const fileOf = (provider: string, service: string, key: string) => join(dir, idOf(provider, service), `${key}.bin`);
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
      if (readOnly) return;
      const file = fileOf(provider, service, key);
      const folder = dirname(file);
      mkdirSync(folder, { recursive: true });
      const temp = `${file}.${process.pid}.tmp`;
      writeFileSync(temp, serialize({ format: FORMAT, key, value } satisfies Entry<T>));
      renameSync(temp, file);
      const own = basename(file);
      for (const name of readdirSync(folder)) if (name !== own) rmSync(join(folder, name), { recursive: true, force: true });
    },
    prune() {
      if (readOnly) return;
      let names: string[] = [];
      try {
        names = readdirSync(dir);
      } catch {
        return; // no folder: nothing stored
      }
      // Folders of services not met, and anything else there (such as the one-folder layout's files).
      for (const name of names) if (!used.has(name)) rmSync(join(dir, name), { recursive: true, force: true });
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
