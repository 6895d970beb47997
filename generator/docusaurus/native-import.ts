import vm from 'node:vm';

// Docusaurus loads plugins, configs and sidebars through jiti, which rewrites an `import()`
// written in them into its own transpiling loader, and whose scripts have no dynamic-import
// callback (so a `new Function('return import(...)')` fails). The generator is plain ESM for
// Node's own loader (worker threads, import.meta.url): a script compiled with the main context's
// default loader gives that.
export function nativeImport(specifier: string): Promise<unknown> {
  const loader = vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER;
  if (loader === undefined) return import(specifier); // Node < 20.12: through the config loader
  const script = new vm.Script('(specifier) => import(specifier)', { importModuleDynamically: loader });
  const load = script.runInThisContext() as (s: string) => Promise<unknown>;
  // Node 20 flags that loader as experimental, synchronously in the import() call: that warning
  // is noise for the site's users.
  const emitWarning = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const message = typeof warning === 'string' ? warning : warning.message;
    if (message.includes('USE_MAIN_CONTEXT_DEFAULT_LOADER')) return;
    (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    return load(specifier);
  } finally {
    process.emitWarning = emitWarning;
  }
}
