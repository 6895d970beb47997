// Types of run.mjs. The generator's own types, read from its source (type-only:
// nothing of generator/ is compiled into the site).
import type { Diagnostic } from '../../../generator/diagnostics.js';
import type { GenerateOptions, GenerateResult } from '../../../generator/generate.js';
import type { WriteResult } from '../../../generator/write/write-output.js';
import type * as Options from '../../../generator/options.js';
import type * as Report from '../../../generator/report.js';

export type { Diagnostic, GenerateOptions, GenerateResult, WriteResult };

export interface Generator {
  generate(o: GenerateOptions): Promise<GenerateResult>;
  reportRun: typeof Report.reportRun;
  readonly GENERATE_OPTIONS: typeof Options.GENERATE_OPTIONS;
  parseArgsConfig: typeof Options.parseArgsConfig;
  optionsHelp: typeof Options.optionsHelp;
  toGenerateOptions: typeof Options.toGenerateOptions;
  formatDiagnostic(d: Diagnostic): string;
  availableLayouts(): string[];
  readonly DEFAULT_REGISTRY: string;
  readonly DEFAULT_SETTINGS: string;
  readonly BUILTIN_TEMPLATES_DIR: string;
}

/** What `runGenerate` takes: the generator's own options. */
export type RunOptions = GenerateOptions;

export interface RunOutput {
  /** Errors only (warnings are left out). */
  quiet?: boolean;
  /** Every warning, one line each (by default: grouped by code). */
  verbose?: boolean;
  stdout?: (line: string) => void;
  stderr?: (line: string) => void;
}

export interface RunResult {
  /** 0 done, 1 `check` found stale docs, 2 errors (nothing written). */
  exitCode: 0 | 1 | 2;
  summary: string;
  result?: GenerateResult;
}

export declare function findPackageRoot(from?: string): string;
export declare const packageRoot: string;
export declare const distDir: string;
export declare function loadGenerator(): Promise<Generator>;
export declare function runGenerate(opts: RunOptions, output?: RunOutput): Promise<RunResult>;
