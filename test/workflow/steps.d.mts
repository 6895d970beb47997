// Types of steps.mjs for the TypeScript tests.
export interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, unknown>;
  with?: Record<string, unknown>;
  shell?: string;
  'working-directory'?: string;
}
export interface PlannedStep {
  index: number;
  label: string;
  step: Step;
  action: 'run' | 'checkout' | 'checkout-path' | 'setup-node' | 'skip';
  reason: string;
}
export declare const LOCAL_MARKER: string;
export declare function readWorkflow(file: string): { jobs: Record<string, { steps?: Step[] }> };
export declare function stepLabel(step: Step, index: number): string;
export declare function planSteps(workflow: { jobs: Record<string, { steps?: Step[] }> }, job: string): PlannedStep[];
export declare function scriptForShellcheck(script: string): string;
