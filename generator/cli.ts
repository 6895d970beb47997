import { parseArgs } from 'node:util';
import { generate, DEFAULT_REGISTRY } from './generate.js';
import { optionsHelp, parseArgsConfig, toGenerateOptions, type OptionValues } from './options.js';
import { reportRun } from './report.js';
import { availableLayouts } from './load/load-templates.js';
import { DIFF_HELP } from './diff/help.js';
import { INIT_HELP } from './init/help.js';

const USAGE = `provider-docs: documentation pages for StackQL provider specs

Usage:
  provider-docs generate [options]
  provider-docs diff --base <root> --head <root> [options]
  provider-docs init <dir> --registry <root> --provider <name> [options]
  provider-docs --version
  provider-docs --help
  provider-docs <command> --help

`;

const GENERATE_HELP = `generate options:
%OPTIONS%
Exit codes: 0 done, 1 --check found stale docs, 2 errors (nothing was written).
`;

export async function main(argv: readonly string[]): Promise<number> {
  endQuietlyOnClosedPipe();
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(help());
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-v' || command === 'version') {
    process.stdout.write(`${(await import('./version.js')).VERSION}\n`);
    return 0;
  }
  if (command === 'generate') return runGenerate(rest);
  if (command === 'init') return (await import('./init/init-command.js')).runInit(rest);
  if (command === 'diff') return (await import('./diff/diff-command.js')).runDiff(rest);
  process.stderr.write(`provider-docs: unknown command "${command}"\n\n${help()}`);
  return 2;
}

/** The whole help: every command's options. */
function help(): string {
  return `${USAGE}${generateOptions()}\n${DIFF_HELP}\n${INIT_HELP}`;
}

function generateOptions(): string {
  return GENERATE_HELP.replace('%OPTIONS%', optionsHelp({ layouts: availableLayouts() }));
}

/**
 * `provider-docs diff --format json | head`: once the reader has gone, the rest
 * of the output has nowhere to go and is not an error (without this, Node throws
 * EPIPE and exits 1, the code `--exit-code` gives to "differences found").
 */
function endQuietlyOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    if (stream.listenerCount('error') > 0) continue;
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
    });
  }
}

async function runGenerate(argv: readonly string[]): Promise<number> {
  let values: OptionValues & { readonly help?: boolean | undefined };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      options: { ...parseArgsConfig(), help: { type: 'boolean', short: 'h' } },
    }));
  } catch (e) {
    process.stderr.write(`provider-docs generate: ${(e as Error).message}\n(see provider-docs generate --help)\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`Usage:\n  provider-docs generate [options]\n\n${generateOptions()}`);
    return 0;
  }
  const layout = values.layout ?? 'classic';
  if (!availableLayouts().includes(layout)) {
    process.stderr.write(`provider-docs: unknown layout "${layout}" (available: ${availableLayouts().join(', ')})\n`);
    return 2;
  }
  const started = performance.now();
  const options = toGenerateOptions(values, { out: 'site/docs', registry: DEFAULT_REGISTRY, providers: [], layout });
  let result;
  try {
    result = await generate(options);
  } catch (e) {
    process.stderr.write(`provider-docs: ${(e as Error).message}\n`);
    return 2;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const report = reportRun(result, { check: options.check, strict: options.strict, quiet: values.quiet === true, verbose: values.verbose === true, seconds });
  for (const line of report.stderr) process.stderr.write(line + '\n');
  for (const line of report.stdout) process.stdout.write(line + '\n');
  return report.exitCode;
}
