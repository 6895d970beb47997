import Handlebars from 'handlebars';
import type { TemplateSet } from '../load/load-templates.js';
import { codeFence, escapeAttr, escapeTableCell, escapeText, inlineCode } from './escape.js';
import { proseBlock, specBlock, specInline, specInlineHtml, specLine, specSummary, specSummaryHtml, SpecTextCache } from './spec-text.js';
import { PRECOMPILED } from './precompiled-templates.js';
import { COMPILE_OPTIONS, templateKey } from './template-options.js';
import { count } from '../trace.js';
import type { Diagnostic } from '../diagnostics.js';
import { sqlIdent } from './sql-ident.js';
import { copyableHtml, escapeHtml, htmlRegion } from './spec-html.js';

export type PageTemplate = (context: object) => string;

export interface CompiledTemplates {
  readonly layout: string;
  readonly page: (name: string) => PageTemplate;
}

export { ESCAPING_HELPERS, PLAIN_HELPERS } from './template-options.js';

type Precompiled = ReadonlyMap<string, Parameters<typeof Handlebars.template>[0]>;

/** `precompiled`: templates compiled ahead of time, by template key (the build's, unless a test passes its own). */
export function compileTemplates(set: TemplateSet, precompiled: Precompiled = PRECOMPILED): CompiledTemplates {
  const hb = Handlebars.create();
  // The detailed layout links `:method:` references; the classic format keeps them as code.
  registerHelpers(hb, new SpecTextCache({ methodRefs: set.layout === 'detailed' }));
  const compile = (src: string, key: string): HandlebarsTemplateDelegate => {
    const spec = precompiled.size > 0 ? precompiled.get(templateKey(src)) : undefined;
    count(spec ? 'template precompiled' : 'template compiled');
    const fn = spec ? hb.template(spec) : hb.compile(src, COMPILE_OPTIONS);
    const file = set.files?.get(key) ?? `${key.replace(':', ' ')}.hbs`;
    // Handlebars compiles lazily and names no file in its errors: a parse error
    // or a missing helper surfaces here, at the first call, and gets its template's file.
    return (ctx, options) => {
      try {
        return fn(ctx, options);
      } catch (e) {
        throw e instanceof TemplateError ? e : new TemplateError(file, e);
      }
    };
  };
  // A partial given as source would be compiled at its first use with the
  // calling template's options: compiling it here is the same, and lets it be precompiled.
  for (const [name, src] of set.partials) hb.registerPartial(name, compile(src, `partial:${name}`));
  const cache = new Map<string, PageTemplate>();
  return {
    layout: set.layout,
    page(name) {
      let t = cache.get(name);
      if (!t) {
        const src = set.pages.get(name);
        if (src === undefined) throw new Error(`no page template "${name}" in layout ${set.layout}`);
        const compiled = compile(src, `page:${name}`);
        t = (ctx) => compiled(ctx, { allowProtoPropertiesByDefault: false });
        cache.set(name, t);
      }
      return t;
    },
  };
}

/** An error in a template (syntax, a missing helper or partial), naming the template's file and, when known, the line. */
export class TemplateError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  readonly reason: string;

  constructor(file: string, cause: unknown) {
    const raw = cause instanceof Error ? cause.message : String(cause);
    const lines = raw.split('\n').filter((l) => l.trim() !== '');
    // A parse error is `Parse error on line N:`, the source excerpt, a caret, `Expecting ...`.
    const line = /on line (\d+)/.exec(lines[0] ?? '');
    const reason = lines.length > 1 && line ? `${lines[0]!.replace(/:$/, '')}: ${lines[lines.length - 1]}` : (lines[0] ?? raw);
    super(`${file}${line ? `:${line[1]}` : ''}: ${reason}`);
    this.file = file;
    this.line = line ? Number(line[1]) : undefined;
    this.reason = reason;
  }

  toDiagnostic(): Diagnostic {
    return { severity: 'error', code: 'template-error', message: this.reason, file: this.file, pointer: '', ...(this.line !== undefined ? { line: this.line } : {}) };
  }
}

const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

function registerHelpers(hb: typeof Handlebars, text: SpecTextCache): void {
  hb.registerHelper('text', (v: unknown) => escapeText(str(v)));
  hb.registerHelper('attr', (v: unknown) => escapeAttr(str(v)));
  // escapeAttr already writes `|` as a character reference, which table rows need.
  hb.registerHelper('cellattr', (v: unknown) => escapeAttr(str(v)));
  hb.registerHelper('cellcode', (v: unknown) => inlineCode(str(v), { tableCell: true }));
  hb.registerHelper('code', (v: unknown) => inlineCode(str(v)));
  hb.registerHelper('cell', (v: unknown) => escapeTableCell(str(v)));
  hb.registerHelper('inline', (v: unknown) => specInline(str(v), text));
  hb.registerHelper('summary', (v: unknown) => specSummary(str(v), text));
  hb.registerHelper('line', (v: unknown) => specLine(str(v), text));
  hb.registerHelper('block', (v: unknown) => specBlock(str(v), text));
  hb.registerHelper('prose', (v: unknown) => proseBlock(str(v), text));
  hb.registerHelper('yaml', (v: unknown) => yamlScalar(str(v)));
  hb.registerHelper('js', (v: unknown) => jsString(str(v)));
  hb.registerHelper('upper', (v: unknown) => str(v).toUpperCase());
  hb.registerHelper('join', (v: unknown) => (Array.isArray(v) ? v.map(str).join(', ') : str(v)));
  hb.registerHelper('placeholder', (v: unknown) => `{{ ${str(v)} }}`);
  hb.registerHelper('concat', (...args: unknown[]) => args.slice(0, -1).map(str).join(''));
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  // A name in a SQL statement, double-quoted when it is not a plain identifier (sql-ident.ts).
  hb.registerHelper('ident', (v: unknown) => sqlIdent(str(v)));
  // An HTML region: the block's output is HTML (written with the `h*` helpers), put on the page as
  // one string instead of MDX, so its elements cost React nothing (spec-html.ts). A region whose
  // names carry anchors (`hcopy name anchor`) is an HtmlRegion, which tells Docusaurus' link
  // check about them; the others stay a plain div.
  hb.registerHelper('html', function (this: unknown, options: Handlebars.HelperOptions) {
    const anchors: string[] = [];
    const data = Handlebars.createFrame(options.data ?? {}) as { regionAnchors?: string[] };
    data.regionAnchors = anchors;
    const body = options.fn(this, { data }).trim();
    return htmlRegion(body, anchors);
  });
  hb.registerHelper('h', (v: unknown) => escapeHtml(str(v)));
  hb.registerHelper('hcopy', (v: unknown, ...rest: unknown[]) => {
    const options = rest.pop() as Handlebars.HelperOptions;
    const anchor = rest.length > 0 ? str(rest[0]) : '';
    if (anchor === '') return copyableHtml(str(v));
    const anchors = (options.data as { regionAnchors?: string[] } | undefined)?.regionAnchors;
    if (!anchors) throw new Error('hcopy with an anchor is only for an {{#html}} region');
    anchors.push(anchor);
    return copyableHtml(str(v), anchor);
  });
  hb.registerHelper('hline', (v: unknown) => specInlineHtml(str(v), text));
  hb.registerHelper('hsummary', (v: unknown) => specSummaryHtml(str(v), text));
  // Code blocks are literal in MDX: their content is written as is, inside a
  // fence longer than any backtick run it holds.
  hb.registerHelper('codeblock', function (this: unknown, lang: unknown, options: Handlebars.HelperOptions) {
    const body = options.fn(this).replace(/\n$/, '');
    return codeFence(body, str(lang)) + '\n';
  });
}

/** A frontmatter scalar: plain when YAML reads it back unchanged, JSON-quoted otherwise. */
export function yamlScalar(s: string): string {
  if (/^[A-Za-z_/][A-Za-z0-9_ ./,()-]*$/.test(s) && !/^(true|false|null|yes|no|on|off|~)$/i.test(s) && !/\s$/.test(s) && !s.includes(' #')) return s;
  return JSON.stringify(s);
}

/** Content of a single-quoted JavaScript string inside an MDX expression. */
export function jsString(s: string): string {
  return s.replace(/[\\'\n\r\u2028\u2029<>{}]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}
