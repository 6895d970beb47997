import { inlineCode } from '../render/escape.js';
import type { DiffCounts, MethodChange, MethodSummary, RegistryDiff, ResourceDiff, ResourceSummary, ServiceDiff } from './diff-registries.js';

// The report goes into a GitHub job summary and a PR comment, so spec text
// (names, types) only ever appears inside code spans built by `code()`, and
// nothing from the spec is emitted as HTML or as markdown syntax.

export interface MarkdownOptions {
  /** How the two sides are named in the header (usually the registry roots as given). */
  readonly base: string;
  readonly head: string;
  /**
   * Longest report in characters (GitHub comments take 65536). Lines past the
   * limit are dropped whole and a note says how many; unlimited when absent.
   */
  readonly maxChars?: number;
}

export const REPORT_TITLE = '## Provider docs diff';

export function formatMarkdown(diff: RegistryDiff, opts: MarkdownOptions): string {
  const lines: string[] = [REPORT_TITLE, '', `Base ${code(opts.base)} → head ${code(opts.head)}.`, ''];
  lines.push(...countsTable(diff.counts), '');
  if (diff.moves.length > 0) {
    lines.push(`**Likely moves** (operations of a removed resource that now belong to an added one): ${diff.moves.length}`, '');
    for (const m of diff.moves) lines.push(`- likely move: ${code(m.from)} -> ${code(m.to)} (${m.operations.length} of ${plural(m.of, 'operation')})`);
    lines.push('');
  }
  if (diff.providers.length === 0) lines.push('No differences.', '');
  lines.push(...LEGEND, '');
  for (const p of diff.providers) {
    lines.push(`### Provider ${code(p.name)} (${p.status})`, '');
    for (const s of p.services) lines.push(...serviceLines(s), '');
  }
  return limit(lines, opts.maxChars);
}

const LEGEND = [
  '_How to read this: providers and services are matched by name, resources by id (`provider.service.resource`), ' +
    'methods by name within their resource, so a renamed resource counts as removed plus added; likely moves pair such ' +
    'resources by the operations (HTTP method and path) they share, never by their names. Fields are the top-level ' +
    "fields of each resource's Fields table (the response of its first SELECT method, or a standalone view's columns); " +
    'nested fields and the columns of merged views are not compared. A method changed when its SQL verbs, required ' +
    'parameters or operation changed; a field changed (retyped) when its type, format or item type changed. Methods and ' +
    'fields of added and removed resources are counted as added and removed._',
];

function countsTable(c: DiffCounts): string[] {
  const rows = (['providers', 'services', 'resources', 'methods', 'fields'] as const).map(
    (k) => `| ${k} | ${c[k].added} | ${c[k].removed} | ${c[k].changed} |`,
  );
  return ['| | added | removed | changed |', '| --- | ---: | ---: | ---: |', ...rows];
}

function serviceLines(s: ServiceDiff): string[] {
  const out = [`#### Service ${code(s.name)} (${s.status})`, ''];
  const resourceList = (label: string, list: readonly ResourceSummary[]) => {
    if (list.length === 0) return;
    out.push(`- ${label} (${list.length}):`);
    for (const r of list) out.push(`  - ${code(r.id)}${r.kind === 'view' ? ' (view)' : ''}: ${methodNames(r.methods)}, ${plural(r.fields, 'field')}`);
  };
  resourceList('Resources added', s.resourcesAdded);
  resourceList('Resources removed', s.resourcesRemoved);
  for (const r of s.resourcesChanged) out.push(...resourceLines(r));
  return out;
}

function resourceLines(r: ResourceDiff): string[] {
  const out = [`- Resource ${code(r.id)} changed:`];
  for (const m of r.methodsAdded) out.push(`  - method added: ${methodLine(m)}`);
  for (const m of r.methodsRemoved) out.push(`  - method removed: ${methodLine(m)}`);
  for (const m of r.methodsChanged) out.push(`  - method changed: ${changeLine(m)}`);
  for (const f of r.fieldsAdded) out.push(`  - field added: ${code(f.name)} ${code(f.type)}`);
  for (const f of r.fieldsRemoved) out.push(`  - field removed: ${code(f.name)} ${code(f.type)}`);
  for (const f of r.fieldsRetyped) out.push(`  - field retyped: ${code(f.name)} ${code(f.before)} → ${code(f.after)}`);
  return out;
}

function methodLine(m: MethodSummary): string {
  return `${code(m.name)} (${verbs(m.verbs)}; required: ${params(m.requiredParams)}; ${code(m.operation)})`;
}

function changeLine(m: MethodChange): string {
  const parts: string[] = [];
  if (m.verbs) parts.push(`verbs ${verbs(m.verbs.before)} → ${verbs(m.verbs.after)}`);
  if (m.requiredParams) parts.push(`required params ${params(m.requiredParams.before)} → ${params(m.requiredParams.after)}`);
  if (m.operation) parts.push(`operation ${code(m.operation.before)} → ${code(m.operation.after)}`);
  return `${code(m.name)}: ${parts.join('; ')}`;
}

function methodNames(names: readonly string[]): string {
  return names.length === 0 ? 'no methods' : `${plural(names.length, 'method')} (${names.map(code).join(', ')})`;
}

function verbs(list: readonly string[]): string {
  return list.map((v) => v.toUpperCase()).join(', ');
}

function params(list: readonly string[]): string {
  return list.length === 0 ? 'none' : list.map(code).join(', ');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * Spec text as a GitHub-safe code span: control and bidi-override characters
 * become spaces, then the generator's own `inlineCode` picks the fence and
 * padding. An empty name reads `(empty)`.
 */
export function code(text: string): string {
  // eslint-disable-next-line no-control-regex
  const s = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, ' ');
  return s === '' ? '_(empty)_' : inlineCode(s);
}

function limit(lines: readonly string[], maxChars: number | undefined): string {
  const full = lines.join('\n') + '\n';
  if (maxChars === undefined || full.length <= maxChars) return full;
  const kept: string[] = [];
  let size = 0;
  const note = (dropped: number) =>
    `\n_Report truncated: ${dropped} more lines not shown. Run \`npx provider-docs diff\` locally, or see the job summary, for the full report._\n`;
  const reserve = note(lines.length).length;
  for (const line of lines) {
    if (size + line.length + 1 + reserve > maxChars) break;
    kept.push(line);
    size += line.length + 1;
  }
  return kept.join('\n') + '\n' + note(lines.length - kept.length);
}
