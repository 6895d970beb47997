import { createRequire } from 'node:module';

// `yaml` gives positions to diagnostics that have none, which most runs never
// need; imported statically it cost every run about 16 ms of module loading.
// A require() at first use keeps its callers synchronous; it is not bundled,
// so the package is resolved from the installed dependencies.
const requireAtRunTime = createRequire(import.meta.url);

/** The `yaml` package, loaded on first use. */
export function yamlPackage(): typeof import('yaml') {
  return requireAtRunTime('yaml') as typeof import('yaml');
}
