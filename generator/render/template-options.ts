import { createHash } from 'node:crypto';
import Handlebars from 'handlebars';

/**
 * Helpers are the only way a value reaches a page. Templates are compiled with
 * `noEscape` (Handlebars' HTML escaping is wrong for MDX), so every mustache
 * outside a `codeblock` names the escaping its place needs; a test lints the
 * templates for bare mustaches.
 */
export const ESCAPING_HELPERS = ['text', 'attr', 'cellattr', 'cellcode', 'code', 'inline', 'summary', 'line', 'block', 'prose', 'yaml', 'js', 'h', 'hcopy', 'hline', 'hsummary'] as const;

/** Helpers whose output is not spec text (numbers, fixed words) or that only combine other values. */
export const PLAIN_HELPERS = ['upper', 'join', 'placeholder', 'concat', 'codeblock', 'eq', 'ident', 'html'] as const;

const KNOWN_HELPERS: Record<string, boolean> = Object.fromEntries(
  [...ESCAPING_HELPERS, ...PLAIN_HELPERS, 'cell'].map((h) => [h, true]),
);

/**
 * Every template and partial is compiled with these. Declaring our helpers
 * lets the compiler call them directly instead of resolving every mustache at
 * run time (measured: about a third of render time).
 */
export const COMPILE_OPTIONS = { noEscape: true, strict: false, knownHelpers: KNOWN_HELPERS } as const;

/**
 * Identifies a template source compiled with our options by this Handlebars
 * version: the key of its precompiled form (see precompile-templates.ts), so
 * an edited or overriding template never meets a stale one.
 */
export function templateKey(source: string): string {
  return createHash('sha256')
    .update(`${Handlebars.VERSION}\0${JSON.stringify(COMPILE_OPTIONS)}\0`)
    .update(source)
    .digest('hex');
}
