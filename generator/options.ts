// The options of a generate run, written once: the CLI (`provider-docs
// generate`), the dev-server script (`site/scripts/start.mjs`) and the
// Docusaurus command (`docusaurus gen-provider-docs`) parse, document and
// translate their flags from this table, so a new option or a changed help text
// reaches all three. Library API: the site imports it from dist/options.js.
import type { GenerateOptions } from './generate.js';

export interface OptionSpec {
  /** The flag without dashes. */
  readonly name: string;
  readonly type: 'string' | 'boolean';
  /** A flag that may repeat (collected into an array). */
  readonly multiple?: boolean;
  /** Value placeholder in the help text, e.g. `<dir>`. */
  readonly value?: string;
  /** One-line description, then continuation lines. */
  readonly help: readonly string[];
  /** What the option changes: `generate` options reach `generate()`, `output` ones only what is printed. */
  readonly kind: 'generate' | 'output';
  /** Not for a watching process (it writes nothing). */
  readonly oneShot?: boolean;
}

export const GENERATE_OPTIONS: readonly OptionSpec[] = [
  { name: 'registry', type: 'string', value: '<root>', kind: 'generate', help: ['registry root laid out as <provider>/<version>/provider.yaml', '(default: the sample registry shipped in specs/)'] },
  { name: 'out', type: 'string', value: '<dir>', kind: 'generate', help: ['output folder; pages go to <dir>/providers/... (default: site/docs)'] },
  { name: 'provider', type: 'string', multiple: true, value: '<name>', kind: 'generate', help: ['only this provider; repeat for several (default: every provider)'] },
  { name: 'layout', type: 'string', value: '<name>', kind: 'generate', help: ['page layout: %LAYOUTS% (default: classic)'] },
  { name: 'templates', type: 'string', value: '<dir>', kind: 'generate', help: ["templates and partials that replace the layout's by file name"] },
  { name: 'settings', type: 'string', value: '<dir>', kind: 'generate', help: ['folder of <provider>.md settings files (brand, prose)', '(default: site/providers of this package)'] },
  {
    name: 'check',
    type: 'boolean',
    kind: 'generate',
    oneShot: true,
    help: ['write nothing; list files a run would add, change or remove;', 'exit 1 when the docs are stale, 0 when current'],
  },
  { name: 'force', type: 'boolean', kind: 'generate', help: ['overwrite generated files that were edited by hand'] },
  { name: 'strict', type: 'boolean', kind: 'generate', help: ['treat warnings as errors'] },
  { name: 'quiet', type: 'boolean', kind: 'output', help: ['print errors and the summary only'] },
  { name: 'verbose', type: 'boolean', kind: 'output', help: ['print every warning (by default: a count per code and the first few)'] },
];

/** The table in `node:util` `parseArgs` form, for the options kept by `filter`. */
export function parseArgsConfig(filter: (o: OptionSpec) => boolean = () => true): Record<string, { type: 'string' | 'boolean'; multiple?: boolean }> {
  return Object.fromEntries(
    GENERATE_OPTIONS.filter(filter).map((o) => [o.name, o.multiple ? { type: o.type, multiple: true } : { type: o.type }]),
  );
}

/**
 * Help lines for the options kept by `filter`, aligned. `%LAYOUTS%` is replaced
 * by `layouts`; `replace` swaps the help of named options (another default).
 */
export function optionsHelp(o: { layouts: readonly string[]; filter?: (o: OptionSpec) => boolean; replace?: Readonly<Record<string, readonly string[]>> }): string {
  const rows = GENERATE_OPTIONS.filter(o.filter ?? (() => true)).map((spec) => ({
    flag: `--${spec.name}${spec.value ? ` ${spec.value}` : ''}`,
    help: (o.replace?.[spec.name] ?? spec.help).map((l) => l.replace('%LAYOUTS%', o.layouts.join(', '))),
  }));
  const width = Math.max(...rows.map((r) => r.flag.length)) + 4;
  return rows.map((r) => r.help.map((line, i) => `  ${(i === 0 ? r.flag : '').padEnd(width)}${line}`).join('\n')).join('\n') + '\n';
}

/** Parsed flag values (as `parseArgs` or commander give them). */
export interface OptionValues {
  readonly registry?: string | undefined;
  readonly out?: string | undefined;
  readonly provider?: readonly string[] | undefined;
  readonly layout?: string | undefined;
  readonly templates?: string | undefined;
  readonly settings?: string | undefined;
  readonly check?: boolean | undefined;
  readonly force?: boolean | undefined;
  readonly strict?: boolean | undefined;
  readonly quiet?: boolean | undefined;
  readonly verbose?: boolean | undefined;
}

/**
 * Flag values to `generate()` options. `fallback` gives what a flag left unset
 * means for this caller (the plugin's options, the dev server's folder);
 * `resolve` turns a path value into the path to use (absolute, from the site).
 */
export function toGenerateOptions(
  values: OptionValues,
  fallback: Partial<GenerateOptions> & { readonly out: string },
  resolvePath: (p: string) => string = (p) => p,
): GenerateOptions {
  const pathOf = (v: string | undefined) => (v === undefined ? undefined : resolvePath(v));
  const registry = pathOf(values.registry) ?? fallback.registry;
  const templates = pathOf(values.templates) ?? fallback.templates;
  const settings = pathOf(values.settings) ?? fallback.settings;
  const providers = values.provider && values.provider.length > 0 ? values.provider : fallback.providers;
  const layout = values.layout ?? fallback.layout;
  return {
    out: pathOf(values.out) ?? fallback.out,
    ...(registry !== undefined ? { registry } : {}),
    ...(providers !== undefined ? { providers: [...providers] } : {}),
    ...(layout !== undefined ? { layout } : {}),
    ...(templates !== undefined ? { templates } : {}),
    ...(settings !== undefined ? { settings } : {}),
    check: values.check === true || fallback.check === true,
    force: values.force === true || fallback.force === true,
    strict: values.strict === true || fallback.strict === true,
  };
}
