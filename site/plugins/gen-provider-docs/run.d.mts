// Types of run.mjs. The generator types are restated here (the shapes of dist/generate.js'
// GenerateOptions and GenerateResult) so the site's tsconfig does not pull in generator/.

export interface Diagnostic {
  readonly severity: 'error' | 'warning' | 'info';
  readonly code: string;
  readonly message: string;
  readonly file: string;
  readonly pointer: string;
  readonly line?: number;
  readonly column?: number;
}

export interface GenerateOptions {
  readonly registry?: string;
  readonly out: string;
  readonly providers?: readonly string[];
  readonly layout?: string;
  readonly templates?: string;
  readonly settings?: string;
  readonly check?: boolean;
  readonly force?: boolean;
  readonly strict?: boolean;
}

export interface WriteResult {
  readonly added: string[];
  readonly changed: string[];
  readonly removed: string[];
  readonly unchanged: string[];
  readonly conflicts: string[];
  readonly blocked: string[];
  readonly diagnostics: Diagnostic[];
  readonly wrote: boolean;
}

export interface GenerateResult {
  readonly diagnostics: readonly Diagnostic[];
  readonly files: readonly { readonly path: string; readonly contents: string }[];
  readonly write?: WriteResult;
  readonly upToDate: boolean;
  readonly counts: { readonly providers: number; readonly services: number; readonly resources: number; readonly pages: number };
  readonly exitCode: 0 | 1 | 2;
}

export interface Generator {
  generate(o: GenerateOptions): Promise<GenerateResult>;
  summaryLine(result: GenerateResult, o: { check?: boolean; seconds: string }): string;
  formatDiagnostic(d: Diagnostic): string;
  availableLayouts(): string[];
  readonly DEFAULT_REGISTRY: string;
  readonly DEFAULT_SETTINGS: string;
  readonly BUILTIN_TEMPLATES_DIR: string;
}

export interface RunOptions {
  registry?: string;
  out: string;
  providers?: string[];
  layout?: string;
  templates?: string;
  settings?: string;
  check?: boolean;
  force?: boolean;
  strict?: boolean;
}

export interface RunOutput {
  /** Errors only (warnings are left out). */
  quiet?: boolean;
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
