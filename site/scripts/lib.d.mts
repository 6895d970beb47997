export declare const repoRoot: string;
export declare const siteDir: string;
export declare const generatorCli: string;
export declare const docusaurusCli: string;
export declare const sharedDir: string;
export declare const sharedRegistries: string[];

export interface RunResult {
  code: number;
  ms: number;
  peakTreeRssBytes?: number;
  output: string;
}
export declare function run(
  cmd: string,
  args: string[],
  opts?: { env?: NodeJS.ProcessEnv; quiet?: boolean; sampleMemory?: boolean },
): Promise<RunResult>;
export declare function treeRss(pid: number): number;
export declare function generate(o: {
  out: string;
  registry?: string;
  extraArgs?: string[];
  quiet?: boolean;
}): Promise<RunResult>;
export declare function buildSite(o: {
  docsDir: string;
  outDir?: string;
  quiet?: boolean;
  sampleMemory?: boolean;
}): Promise<RunResult>;
export declare function countPages(docsDir: string): number;
export declare function brokenLinkReport(output: string): string;
