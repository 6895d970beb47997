// The library entry (`import { generate, diff } from 'provider-docs'`).
export { generate, summaryLine, DEFAULT_REGISTRY, DEFAULT_SETTINGS, type GenerateOptions, type GenerateResult } from './generate.js';
export { diff, type DiffOptions, type DiffResult } from './diff/diff-command.js';
export { hasDifferences, type RegistryDiff, type ProviderDiff, type ServiceDiff, type ResourceDiff, type LikelyMove } from './diff/diff-registries.js';
export { formatMarkdown, type MarkdownOptions } from './diff/format-markdown.js';
export { formatJson, type JsonOptions } from './diff/format-json.js';
export { formatDiagnostic } from './diagnostics.js';
export { availableLayouts } from './load/load-templates.js';
export type { WriteResult } from './write/write-output.js';
export type * from './model/types.js';
export { VERSION } from './version.js';
