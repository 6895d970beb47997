import { parseArgs } from 'node:util';
import { formatDiagnostic } from './diagnostics.js';
import { generate, summaryLine, DEFAULT_REGISTRY } from './generate.js';
import { availableLayouts } from './load/load-templates.js';
import { DIFF_HELP } from './diff/help.js';

const USAGE = `provider-docs: documentation pages for StackQL provider specs

Usage:
  provider-docs generate [options]
  provider-docs diff --base <root> --head <root> [options]
  provider-docs --help
  provider-docs <command> --help

`;

const GENERATE_HELP = `generate options:
  --registry <root>    registry root laid out as <provider>/<version>/provider.yaml
                       (default: the sample registry shipped in specs/)
  --out <dir>          output folder; pages go to <dir>/providers/... (default: site/docs)
  --provider <name>    only this provider; repeat for several (default: every provider)
  --layout <name>      page layout: ${'%LAYOUTS%'} (default: classic)
  --templates <dir>    templates and partials that replace the layout's by file name
  --settings <dir>     folder of <provider>.md settings files (brand, prose)
                       (default: site/providers of this package)
  --check              write nothing; list files a run would add, change or remove;
                       exit 1 when the docs are stale, 0 when current
  --force              overwrite generated files that were edited by hand
  --strict             treat warnings as errors
  --quiet              print errors and the summary only

Exit codes: 0 done, 1 --check found stale docs, 2 errors (nothing was written).
`;

export async function main(argv: readonly string[]): Promise<number> {
  endQuietlyOnClosedPipe();
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(help());
    return command === undefined ? 2 : 0;
  }
  if (command === 'generate') return runGenerate(rest);
  if (command === 'diff') return (await import('./diff/diff-command.js')).runDiff(rest);
  process.stderr.write(`provider-docs: unknown command "${command}"\n\n${help()}`);
  return 2;
}

/** The whole help: both commands' options. */
function help(): string {
  return `${USAGE}${generateOptions()}\n${DIFF_HELP}`;
}

function generateOptions(): string {
  return GENERATE_HELP.replace('%LAYOUTS%', availableLayouts().join(', '));
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
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      options: {
        registry: { type: 'string' },
        out: { type: 'string' },
        provider: { type: 'string', multiple: true },
        layout: { type: 'string' },
        templates: { type: 'string' },
        settings: { type: 'string' },
        check: { type: 'boolean' },
        force: { type: 'boolean' },
        strict: { type: 'boolean' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
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
  let result;
  try {
    result = await generate({
      registry: values.registry ?? DEFAULT_REGISTRY,
      out: values.out ?? 'site/docs',
      providers: values.provider ?? [],
      layout,
      ...(values.templates ? { templates: values.templates } : {}),
      ...(values.settings ? { settings: values.settings } : {}),
      check: values.check === true,
      force: values.force === true,
      strict: values.strict === true,
    });
  } catch (e) {
    process.stderr.write(`provider-docs: ${(e as Error).message}\n`);
    return 2;
  }
  const warnings = result.diagnostics.filter((d) => d.severity === 'warning');
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  for (const d of errors) process.stderr.write(formatDiagnostic(d) + '\n');
  if (!values.quiet) for (const d of warnings) process.stderr.write(formatDiagnostic(d) + '\n');
  const w = result.write;
  if (values.check && w) {
    for (const [label, list] of [['add', w.added], ['change', w.changed], ['remove', w.removed]] as const) {
      for (const f of list) process.stdout.write(`${label} ${f}\n`);
    }
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  process.stdout.write(summaryLine(result, { check: values.check === true, seconds }) + '\n');
  return result.exitCode;
}
