import type { OpenAPIV3 } from 'openapi-types';

/**
 * The fields of `T` as a parsed file holds them before anything is checked:
 * each may be missing or of any type, and other keys (`x-stackQL-*`) may appear.
 * The model checks every value as it reads it.
 */
type Unchecked<T> = { readonly [K in keyof T]?: unknown } & { readonly [key: string]: unknown };

/** What a provider.yaml holds besides OpenAPI's fields. */
interface ProviderFields {
  id: string;
  name: string;
  title: string;
  version: string;
  description: string;
  providerServices: unknown;
  config: unknown;
}

/**
 * A spec file as read by the loader: a service file is an OpenAPI 3 document
 * (typed by openapi-types, the project's chosen spec types) whose
 * `components` carry `x-stackQL-resources`; a provider.yaml names its services
 * and their auth.
 */
export type RawSpec = Unchecked<OpenAPIV3.Document> & Unchecked<ProviderFields>;
