import type { AuthInfo, ProviderInfo, ProviderSettings } from './types.js';
import { asRecord, asString, type SpecContext } from './spec-context.js';

export interface SettingsInput {
  readonly file: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly body: string;
}

export interface ProviderInfoInput {
  readonly ctx: SpecContext;
  readonly name: string;
  readonly settings?: SettingsInput;
}

/** Everything about a provider but its services: from provider.yaml and the settings file. */
export function buildProviderInfo(input: ProviderInfoInput): ProviderInfo {
  const { ctx, name } = input;
  const info: { -readonly [K in keyof ProviderInfo]: ProviderInfo[K] } = {
    name,
    version: asString(ctx.doc['version']) ?? '',
    // provider.yaml names the provider (`name: google` in the folder `googleapis.com`); the folder only when it says nothing.
    title: nonEmpty(input.settings?.data['title']) ?? nonEmpty(ctx.doc['title']) ?? nonEmpty(ctx.doc['name']) ?? nonEmpty(ctx.doc['id']) ?? name,
    description: nonEmpty(input.settings?.data['summary']) ?? nonEmpty(ctx.doc['description']) ?? '',
    settings: buildSettings(name, input.settings),
    source: { file: ctx.file, pointer: '' },
  };
  const auth = buildAuth(asRecord(asRecord(ctx.doc['config'])?.['auth']));
  if (auth) info.auth = auth;
  return info;
}

function nonEmpty(v: unknown): string | undefined {
  const s = asString(v);
  return s === undefined || s.trim() === '' ? undefined : s;
}

/** Defaults keep a provider without a settings file presentable: the brand is its name's first word. */
export function buildSettings(provider: string, input: SettingsInput | undefined): ProviderSettings {
  const first = provider.split(/[_-]/)[0] ?? provider;
  const defaultBrand = first.charAt(0).toUpperCase() + first.slice(1);
  const brand = asString(input?.data['brand']) ?? defaultBrand;
  const out: { -readonly [K in keyof ProviderSettings]: ProviderSettings[K] } = {
    brand,
    description: asString(input?.data['description']) ?? `Query, deploy and manage ${brand} resources using SQL`,
    image: asString(input?.data['image']) ?? `/img/providers/${provider}/stackql-${brand.toLowerCase()}-provider-featured-image.png`,
    body: input?.body ?? '',
  };
  if (input) out.source = { file: input.file, pointer: '' };
  return out;
}

/** The environment variables a provider's auth config reads (`*_env_var` keys and `__env__NAME` templates). */
export function buildAuth(auth: Record<string, unknown> | undefined): AuthInfo | undefined {
  if (!auth) return undefined;
  const envVars: { key: string; name: string }[] = [];
  const seen = new Set<string>();
  const add = (key: string, name: string): void => {
    if (seen.has(name)) return;
    seen.add(name);
    envVars.push({ key, name });
  };
  for (const [key, value] of Object.entries(auth)) {
    const s = asString(value);
    if (!s) continue;
    if (/env_?var$/i.test(key)) add(key, s);
    for (const m of s.matchAll(/__env__([A-Za-z_][A-Za-z0-9_]*)/g)) add(key, m[1]!);
  }
  return { type: asString(auth['type']) ?? 'unknown', envVars };
}
