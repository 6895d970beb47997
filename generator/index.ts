// The library entry (`import { generate, diff } from 'provider-docs'`).
export { generate, DEFAULT_REGISTRY, DEFAULT_SETTINGS, type GenerateOptions, type GenerateResult } from './generate.js';
export { diff, type DiffOptions, type DiffResult } from './diff/diff-command.js';
export { hasDifferences, type RegistryDiff, type ProviderDiff, type ServiceDiff, type ResourceDiff, type LikelyMove } from './diff/diff-registries.js';
export { formatMarkdown, type MarkdownOptions } from './diff/format-markdown.js';
export { formatJson, type JsonOptions } from './diff/format-json.js';
export { formatDiagnostic, type Diagnostic, type Severity } from './diagnostics.js';
export { reportRun, summaryLine, type ReportOptions, type RunReport } from './report.js';
export { GENERATE_OPTIONS, toGenerateOptions, parseArgsConfig, optionsHelp, type OptionSpec, type OptionValues } from './options.js';
export { availableLayouts } from './load/load-templates.js';
export type { WriteResult } from './write/write-output.js';
export type * from './model/types.js';
export { VERSION } from './version.js';
