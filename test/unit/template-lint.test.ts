import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { BUILTIN_TEMPLATES_DIR, availableLayouts } from '../../generator/load/load-templates.js';
import { ESCAPING_HELPERS, PLAIN_HELPERS } from '../../generator/render/template-env.js';

// Every value reaches a page through a helper that escapes it for its place
// (templates are compiled with noEscape). This lint parses every template and
// rejects any mustache that could print spec text as it is:
//
// - outside a `{{#codeblock}}` a mustache must call an escaping helper, or a
//   plain helper whose arguments are all non-spec (literals, `@data`, or a
//   path in NON_SPEC_PATHS), or be `@index`-style data, or a number-valued
//   path from NON_SPEC_PATHS;
// - inside a codeblock anything goes: code blocks are literal in MDX and the
//   codeblock helper sizes the fence;
// - a partial counts as inside a codeblock when every place that calls it
//   (followed through partials, per layout) is inside one, e.g. `where.hbs`.

const ESCAPING = new Set<string>(ESCAPING_HELPERS);
const PLAIN = new Set<string>(PLAIN_HELPERS);

/** Context paths that are never spec text: enum words and counts computed by the context builders. */
const NON_SPEC_PATHS: readonly RegExp[] = [/^verb$/, /(^|\.)length$/, /^totals\.(resources|methods)$/];

interface Template {
  readonly file: string;
  readonly name: string;
  readonly ast: hbs.AST.Program;
}

function listHbs(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? listHbs(p) : e.name.endsWith('.hbs') ? [p] : [];
  });
}

function parse(file: string): Template {
  return { file: path.relative(BUILTIN_TEMPLATES_DIR, file), name: path.basename(file, '.hbs'), ast: Handlebars.parse(fs.readFileSync(file, 'utf8')) };
}

type Node = hbs.AST.Node;
type Expr = hbs.AST.Expression;

function isNonSpecArg(e: Expr): boolean {
  switch (e.type) {
    case 'StringLiteral':
    case 'NumberLiteral':
    case 'BooleanLiteral':
    case 'UndefinedLiteral':
    case 'NullLiteral':
      return true;
    case 'PathExpression': {
      const p = e as hbs.AST.PathExpression;
      return p.data || NON_SPEC_PATHS.some((r) => r.test(p.original));
    }
    case 'SubExpression': {
      const s = e as hbs.AST.SubExpression;
      const name = (s.path as hbs.AST.PathExpression).original;
      return PLAIN.has(name) && s.params.every(isNonSpecArg) && (s.hash?.pairs ?? []).every((p) => isNonSpecArg(p.value));
    }
    default:
      return false;
  }
}

/** Why a mustache outside a code block is not allowed, or undefined when it is. */
function mustacheProblem(m: hbs.AST.MustacheStatement): string | undefined {
  const path = m.path as hbs.AST.PathExpression;
  const name = path.original;
  const args = [...m.params, ...(m.hash?.pairs ?? []).map((p) => p.value)];
  if (path.type === 'PathExpression' && ESCAPING.has(name)) return args.length > 0 ? undefined : `{{${name}}} without a value`;
  if (path.type === 'PathExpression' && PLAIN.has(name)) {
    return args.every(isNonSpecArg) ? undefined : `{{${name} ...}} is not an escaping helper and gets a value that may be spec text`;
  }
  if (args.length === 0 && path.type === 'PathExpression' && isNonSpecArg(path)) return undefined;
  return `{{${name}}} prints a value without an escaping helper (${[...ESCAPING].join(', ')})`;
}

interface Call {
  readonly partial: string;
  readonly inCode: boolean;
}

/** Walks a template: collects problems (outside code blocks) and partial calls with their code-block context. */
function walk(node: Node | null | undefined, inCode: boolean, problems: string[], calls: Call[]): void {
  if (!node) return;
  switch (node.type) {
    case 'Program':
      for (const s of (node as hbs.AST.Program).body) walk(s, inCode, problems, calls);
      return;
    case 'MustacheStatement': {
      const m = node as hbs.AST.MustacheStatement;
      if (!inCode) {
        const p = mustacheProblem(m);
        if (p) problems.push(`line ${m.loc.start.line}: ${p}`);
      }
      return;
    }
    case 'BlockStatement': {
      const b = node as hbs.AST.BlockStatement;
      const code = inCode || (b.path as hbs.AST.PathExpression).original === 'codeblock';
      walk(b.program, code, problems, calls);
      walk(b.inverse, code, problems, calls);
      return;
    }
    case 'PartialStatement':
    case 'PartialBlockStatement': {
      const p = node as hbs.AST.PartialStatement | hbs.AST.PartialBlockStatement;
      // `{{> "quoted name"}}` parses as a string literal, which the typings do not admit.
      const n = p.name as hbs.AST.Expression;
      const name = n.type === 'PathExpression' ? (n as hbs.AST.PathExpression).original : n.type === 'StringLiteral' ? (n as hbs.AST.StringLiteral).value : undefined;
      if (name === undefined) problems.push(`line ${p.loc.start.line}: dynamic partial names cannot be checked`);
      else if (name !== '@partial-block') calls.push({ partial: name, inCode });
      // A partial block's content is rendered where the partial calls
      // `@partial-block`; our partials do that outside code blocks.
      if (node.type === 'PartialBlockStatement') walk((node as hbs.AST.PartialBlockStatement).program, inCode, problems, calls);
      return;
    }
    default:
      return;
  }
}

/**
 * Lints one layout as it is loaded (shared partials, then the layout's own):
 * pages are outside code blocks; partials take the context of their callers.
 */
function lintLayout(layout: string): { problems: string[]; checked: Set<string> } {
  const partials = new Map<string, Template>();
  for (const f of listHbs(path.join(BUILTIN_TEMPLATES_DIR, 'shared'))) partials.set(path.basename(f, '.hbs'), parse(f));
  const pages: Template[] = [];
  for (const f of listHbs(path.join(BUILTIN_TEMPLATES_DIR, layout))) {
    const t = parse(f);
    if (path.dirname(f) === path.join(BUILTIN_TEMPLATES_DIR, layout) && ['provider', 'service', 'resource'].includes(t.name)) pages.push(t);
    else partials.set(t.name, t);
  }
  const problems: string[] = [];
  const checked = new Set<string>();
  const queue: { t: Template; inCode: boolean }[] = pages.map((t) => ({ t, inCode: false }));
  const seen = new Set<string>();
  while (queue.length > 0) {
    const { t, inCode } = queue.shift()!;
    const key = `${t.file}\0${inCode}`;
    if (seen.has(key)) continue;
    seen.add(key);
    checked.add(t.file);
    const own: string[] = [];
    const calls: Call[] = [];
    walk(t.ast, inCode, own, calls);
    problems.push(...own.map((p) => `${t.file} ${p}`));
    for (const c of calls) {
      const target = partials.get(c.partial);
      if (!target) problems.push(`${t.file}: calls unknown partial "${c.partial}"`);
      else queue.push({ t: target, inCode: c.inCode });
    }
  }
  return { problems, checked };
}

describe('template lint: no mustache prints spec text unescaped', () => {
  const layouts = availableLayouts();

  it('finds the layouts', () => {
    expect(layouts).toEqual(expect.arrayContaining(['classic', 'detailed']));
  });

  for (const layout of layouts) {
    it(`${layout}: every mustache outside a code block escapes its value`, () => {
      expect(lintLayout(layout).problems).toEqual([]);
    });
  }

  it('every template file is reached from some layout (no unchecked orphans)', () => {
    const reached = new Set<string>();
    for (const layout of layouts) for (const f of lintLayout(layout).checked) reached.add(f);
    const all = listHbs(BUILTIN_TEMPLATES_DIR).map((f) => path.relative(BUILTIN_TEMPLATES_DIR, f));
    // An unused template would otherwise escape the lint: check it as if it were a page.
    const problems: string[] = [];
    for (const f of all.filter((f) => !reached.has(f))) {
      const own: string[] = [];
      walk(parse(path.join(BUILTIN_TEMPLATES_DIR, f)).ast, false, own, []);
      problems.push(...own.map((p) => `${f} ${p}`));
    }
    expect(problems).toEqual([]);
  });

  it('every template parses', () => {
    for (const f of listHbs(BUILTIN_TEMPLATES_DIR)) expect(() => Handlebars.parse(fs.readFileSync(f, 'utf8')), f).not.toThrow();
  });
});

describe('template lint: the rule itself', () => {
  const problemsOf = (src: string): string[] => {
    const problems: string[] = [];
    walk(Handlebars.parse(src), false, problems, []);
    return problems;
  };
  it.each([
    ['{{name}}', 1],
    ['{{{name}}}', 1],
    ['{{resource.description}}', 1],
    ['{{join requiredParams}}', 1],
    ['{{placeholder name}}', 1],
    ['{{upper description}}', 1],
    ['{{concat "a" name}}', 1],
    ['{{text}}', 1],
    ['{{#each xs}}{{this}}{{/each}}', 1],
    ['{{#if x}}{{name}}{{else}}{{text name}}{{/if}}', 1],
    ['{{> (lookup . "p")}}', 1],
    ['{{text name}}', 0],
    ['{{attr (join requiredParams)}}', 0],
    ['{{upper verb}}', 0],
    ['{{placeholder "value1"}}', 0],
    ['{{@index}}', 0],
    ['{{provider.services.length}}', 0],
    ['{{#codeblock "sql"}}{{name}} {{{x}}} {{#each xs}}{{this}}{{/each}}{{/codeblock}}', 0],
  ])('%s -> %i problem(s)', (src, n) => {
    expect(problemsOf(src)).toHaveLength(n);
  });
});
