// The read-only model that templates see. Plain data only: no class instances,
// no functions, no references back into the raw spec.

/** Where a model node came from, so diagnostics and reviewers can find it. */
export interface Source {
  /** Path of the spec file, relative to the registry root when there is one. */
  readonly file: string;
  /** JSON pointer inside that file (RFC 6901, e.g. `/components/x-stackQL-resources/users`). */
  readonly pointer: string;
  /** 1-based line of the node in the file, when known. */
  readonly line?: number;
}

export type SqlVerb = 'select' | 'insert' | 'delete' | 'update' | 'replace' | 'exec';

/** Display order of verbs on every page. */
export const VERB_ORDER: readonly SqlVerb[] = ['select', 'insert', 'delete', 'update', 'replace', 'exec'];

export interface Field {
  readonly name: string;
  /** The schema's `type` as written, `unknown` when absent. */
  readonly type: string;
  readonly format?: string;
  /** Raw spec text (markdown-like, untrusted). Empty string when none. */
  readonly description: string;
  /** True when the enclosing schema lists this property as required. */
  readonly required: boolean;
  /** Sub-fields of an object (or of an array's object items), depth-limited. */
  readonly fields: readonly Field[];
  /** For arrays: the item type (`string`, `object`, ...). */
  readonly itemType?: string;
  readonly enumValues?: readonly string[];
  /** For a field of some alternatives of a `oneOf`/`anyOf` (not all): which ones (titles, schema names or `option N`). */
  readonly alternatives?: { readonly keyword: 'oneOf' | 'anyOf'; readonly of: readonly string[] };
  readonly source: Source;
}

export type ParamLocation = 'path' | 'query' | 'header' | 'cookie' | 'server';

export interface Param {
  readonly name: string;
  readonly in: ParamLocation;
  readonly required: boolean;
  /** `unknown` when the spec gives no schema. */
  readonly type: string;
  readonly format?: string;
  readonly description: string;
  readonly source: Source;
}

export interface RequestBody {
  readonly required: boolean;
  readonly mediaType: string;
  /** Top-level properties of the body schema, in spec order. */
  readonly fields: readonly Field[];
  /** The schema's `example`, as plain JSON data (key order preserved); undefined when absent. */
  readonly example?: unknown;
  /** The first of the media type's `examples` (its `value`) or of the schema's `examples` list (OpenAPI 3.1); undefined when none. */
  readonly examples?: unknown;
  /** The body schema's type as written (`object`, `string`, ...); `unknown` when it has none. */
  readonly schemaType: string;
}

export interface Method {
  readonly name: string;
  readonly verb: SqlVerb;
  readonly operationId: string;
  /** Lower-case HTTP method (`get`, `post`, ...). */
  readonly httpMethod: string;
  readonly path: string;
  readonly summary: string;
  /** Raw spec text (untrusted). */
  readonly description: string;
  /**
   * Required parameter names: the operation's required parameters de-duplicated
   * and sorted, then the server variables.
   */
  readonly requiredParams: readonly string[];
  /** Every parameter, required and optional, including server variables; sorted required first, then by name. */
  readonly params: readonly Param[];
  readonly requestBody?: RequestBody;
  /** `response.objectKey` as written (e.g. `$.items`). */
  readonly objectKey?: string;
  /** Fields of the response (after objectKey), ordered as on the page. */
  readonly responseFields: readonly Field[];
  readonly externalDocsUrl?: string;
  readonly source: Source;
}

/** A view's DDL in one SQL dialect (`sqlite3`, `postgres`, ...; `default` when its predicate names none). */
export interface ViewDefinition {
  readonly dialect: string;
  readonly ddl: string;
}

/** A SQL view (`vw_*`), merged into its base resource or standing alone, or the SELECT of a resource that also has methods. */
export interface View {
  readonly name: string;
  readonly id: string;
  readonly fields: readonly Field[];
  readonly requiredParams: readonly string[];
  readonly description: string;
  /** The DDL per dialect, in the spec's order (`select`, then its `fallback`s). */
  readonly definitions: readonly ViewDefinition[];
  /** True when the view is the resource's own SELECT (`config.views` on a resource with methods): same name and id. */
  readonly own: boolean;
  readonly source: Source;
}

export interface Resource {
  readonly id: string;
  readonly name: string;
  readonly title: string;
  /** `resource` normally; `view` for a view with no base resource in the same service. */
  readonly kind: 'resource' | 'view';
  readonly description: string;
  /** In verb order (select, insert, delete, update, replace, exec), then by name. */
  readonly methods: readonly Method[];
  /** Select methods in SELECT tab order: fewest required params first, then by name. */
  readonly selectMethods: readonly Method[];
  /** Fields of the first method listed under sqlVerbs.select (or the view's fields for a standalone view). */
  readonly fields: readonly Field[];
  /** Views merged into this resource (shown first among fields and SELECT tabs). */
  readonly views: readonly View[];
  readonly source: Source;
}

export interface Service {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  /** Sorted by name; merged views are not here. */
  readonly resources: readonly Resource[];
  readonly source: Source;
}

export interface AuthInfo {
  readonly type: string;
  /** Environment variables the provider reads, with the config key that names each. */
  readonly envVars: readonly { readonly key: string; readonly name: string }[];
}

export interface ProviderSettings {
  /** Brand word used in keywords and descriptions, e.g. `Databricks`. */
  readonly brand: string;
  readonly description: string;
  readonly image: string;
  /** Markdown prose for the provider page (trusted: written by us, still escaped where it is inserted as text). */
  readonly body: string;
  readonly source?: Source;
}

/** What every page knows about its provider. */
export interface ProviderInfo {
  readonly name: string;
  readonly version: string;
  readonly title: string;
  readonly description: string;
  readonly auth?: AuthInfo;
  readonly settings: ProviderSettings;
  readonly source: Source;
}

export interface Provider extends ProviderInfo {
  readonly services: readonly Service[];
}

/** A resource as the provider page sees it: enough to list and count, not to document. */
export interface ResourceOverview {
  readonly id: string;
  readonly name: string;
  readonly title: string;
  readonly kind: Resource['kind'];
  /** Distinct method names, sorted. */
  readonly methodNames: readonly string[];
  /** Each method's operationId, in method order: what Sphinx `:method:` references name. */
  readonly operations: readonly { readonly method: string; readonly operationId: string }[];
  readonly source: Source;
}

export interface ServiceOverview {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly resources: readonly ResourceOverview[];
  readonly source: Source;
}

/** The provider page's model: services summarised (services are rendered, possibly in another thread, before it). */
export interface ProviderOverview extends ProviderInfo {
  readonly services: readonly ServiceOverview[];
}

export interface Registry {
  readonly root: string;
  readonly providers: readonly Provider[];
}
