import type Handlebars from 'handlebars';

type TemplateSpecification = Parameters<typeof Handlebars.template>[0];

// The built-in templates, precompiled by Handlebars at build time: scripts/build.mjs
// replaces this module's body in dist/ (see precompile-templates.ts). Running
// from source, the map is empty and every template is compiled when first used.
// Keys are template keys (`templateKey`), so an edited or overriding template
// never matches a stale entry.
export const PRECOMPILED: ReadonlyMap<string, TemplateSpecification> = new Map();
