import { pyyamlDump } from './pyyaml-dump.js';
import { splitProviderProse } from './provider-prose.js';
import { uniqueValues, viewTabValue } from './unique-values.js';
import { bodyValue, classicBodyKeys, noColumnsReason } from './body-values.js';
import type { Method, ProviderInfo, ProviderOverview, Resource, ResourceOverview, Service, ServiceOverview } from '../model/types.js';

// Page contexts: everything a classic page shows, derived from the model alone.
// Templates decide the markup; this decides what goes in it.

export interface Link {
  readonly href: string;
  readonly label: string;
}

export function keywords(provider: ProviderInfo, service?: { readonly name: string }, resource?: { readonly name: string }): string[] {
  const k = [provider.settings.brand];
  if (resource) k.push(resource.name);
  if (service) k.push(service.name);
  k.push(provider.name, 'stackql', 'infrastructure-as-code', 'configuration-as-data', 'cloud inventory');
  return k;
}

/** Two columns, the first taking the larger half. */
export function twoColumns<T>(items: readonly T[]): T[][] {
  const half = Math.ceil(items.length / 2);
  return [items.slice(0, half), items.slice(half)];
}

/**
 * A name as one safe path segment: the one mapping from names to folders and
 * URLs, so paths and links always agree. Docusaurus skips files and folders
 * whose name starts with `_` (partials) or `.` (hidden), so such a name (okta's
 * `_well_known`) loses those leading characters; one made of nothing else
 * keeps them as dashes. Pages still show the real name.
 */
export function pathSegment(name: string): string {
  const s = name.replace(/[^A-Za-z0-9_.-]/g, '-');
  const lead = /^[_.]*/.exec(s)![0].length;
  if (lead === 0) return s === '' ? '-' : s;
  return lead === s.length ? '-'.repeat(lead) : s.slice(lead);
}

export function resourceHref(provider: ProviderInfo, service: { readonly name: string }, resource: { readonly name: string }): string {
  return `/providers/${pathSegment(provider.name)}/${pathSegment(service.name)}/${pathSegment(resource.name)}/`;
}

export function serviceHref(provider: ProviderInfo, service: { readonly name: string }): string {
  return `/providers/${pathSegment(provider.name)}/${pathSegment(service.name)}/`;
}

interface SelectTab {
  readonly label: string;
  readonly value: string;
  readonly columns: readonly string[];
  readonly from: string;
  readonly params: readonly string[];
}

interface InsertColumn {
  readonly column: string;
  readonly value: string;
}

/** What every layout's resource page context starts with. */
export function resourcePageBase(provider: ProviderInfo, service: Service, resource: Resource) {
  return { provider, service, resource, title: resource.name, keywords: keywords(provider, service, resource), isView: resource.kind === 'view' };
}

export function classicResourceContext(provider: ProviderInfo, service: Service, resource: Resource) {
  const selects: SelectTab[] = [];
  const selectValue = uniqueValues();
  const merged = resource.kind === 'resource' ? resource.views : [];
  merged.forEach((v, i) =>
    selects.push({ label: v.name, value: selectValue(viewTabValue(merged.length, i, v.name)), columns: v.fields.map((f) => f.name), from: v.id, params: v.requiredParams }),
  );
  if (resource.kind === 'view') {
    const v = resource.views[0]!;
    selects.push({ label: v.name, value: selectValue('view'), columns: v.fields.map((f) => f.name), from: v.id, params: v.requiredParams });
  }
  for (const m of resource.selectMethods) {
    selects.push({ label: `${resource.name} (${m.name})`, value: selectValue(m.name), columns: resource.fields.map((f) => f.name), from: resource.id, params: m.requiredParams });
  }
  const fieldValue = uniqueValues();
  // A resource whose only view is its own SELECT and that has no SELECT method shows the view's columns as its fields, without tabs.
  const fieldTabs =
    merged.length > 0 && (resource.selectMethods.length > 0 || merged.some((v) => !v.own))
      ? [
          ...merged.map((v, i) => ({ label: v.own ? `${v.name} (view)` : v.name, value: fieldValue(viewTabValue(merged.length, i, v.name)), fields: v.fields })),
          { label: resource.name, value: fieldValue('resource'), fields: resource.fields },
        ]
      : undefined;
  const byVerb = (verb: Method['verb']) => resource.methods.filter((m) => m.verb === verb);
  const inserts = byVerb('insert');
  const modify = (ms: Method[], replace: boolean) => ms.map((m) => ({ name: m.name, id: resource.id, params: m.requiredParams, replace }));
  return {
    ...resourcePageBase(provider, service, resource),
    definitions: viewDefinitionTabs(resource),
    // Said instead of a Fields table with no rows.
    noFields:
      resource.kind === 'view' || resource.views.some((v) => v.own)
        ? 'The spec does not list the columns of this view; its SQL definition shows what it selects.'
        : 'The response has no documented fields.',
    hasFields: resource.kind === 'view' || resource.selectMethods.length > 0 || merged.length > 0,
    fieldTabs,
    methods: resource.methods,
    selects,
    insert: inserts.length > 0 ? insertContext(resource, inserts) : undefined,
    updates: modify(byVerb('update'), false),
    replaces: modify(byVerb('replace'), true),
    deletes: byVerb('delete').map((m) => ({ name: m.name, id: resource.id, params: m.requiredParams })),
  };
}

/**
 * The SQL definition of the page's own view (a standalone view, or the view
 * that is a resource's SELECT), one tab per dialect; empty for a resource
 * whose views are merged `vw_*` views of their own.
 */
export function viewDefinitionTabs(resource: Resource): { label: string; value: string; ddl: string }[] {
  const own = resource.kind === 'view' ? resource.views[0] : resource.views.find((v) => v.own);
  const value = uniqueValues();
  return (own?.definitions ?? []).map((d) => ({ label: d.dialect, value: value(d.dialect), ddl: d.ddl }));
}

function insertContext(resource: Resource, inserts: readonly Method[]) {
  // The page shows one INSERT statement per insert method; the single-method
  // case keeps the classic `create` tab value.
  // Values are unique within the Tabs whatever the method names (a later
  // insert method may itself be named `create`, or `manifest`).
  const value = uniqueValues();
  const tabs = inserts.map((m, i) => ({
    label: inserts.length === 1 ? resource.name : `${resource.name} (${m.name})`,
    value: value(i === 0 ? 'create' : m.name),
    id: resource.id,
    columns: insertColumns(m),
    noColumns: noColumnsReason(m),
  }));
  return { tabs, manifest: classicManifest(inserts[0]!), manifestValue: value('manifest') };
}

/** Required params as they are, then `data__<key>` for each body field the INSERT lists (see classicBodyKeys). */
export function insertColumns(m: Method): InsertColumn[] {
  const cols: InsertColumn[] = m.requiredParams.map((p) => ({ column: p, value: p }));
  for (const key of classicBodyKeys(m)) cols.push({ column: `data__${key.name}`, value: key.name });
  return cols;
}

/**
 * The body as a stackql manifest (YAML): each field the INSERT lists with the
 * example's value, else a sample built from its schema; the empty manifest
 * when the body names no fields.
 */
export function classicManifest(m: Method): string {
  const keys = classicBodyKeys(m);
  if (keys.length === 0) {
    const why = m.requestBody ? `The request body (${m.requestBody.mediaType}) has no named fields` : 'No request body parameters required';
    return `- name: your_resource_model_name\n  props: []  # ${why}`;
  }
  const props = keys.map((k) => ({ name: k.name, value: bodyValue(m, k.name, k.field) }));
  return pyyamlDump([{ name: 'your_resource_model_name', props }]);
}

export function classicServiceContext(provider: ProviderInfo, service: Service) {
  const links: Link[] = service.resources.map((r) => ({ href: resourceHref(provider, service, r), label: r.name }));
  return { provider, service, title: service.name, keywords: keywords(provider, service), columns: twoColumns(links) };
}

export function classicProviderContext(provider: ProviderOverview) {
  const links: Link[] = provider.services.map((s: ServiceOverview) => ({ href: serviceHref(provider, s), label: s.name }));
  const resources = provider.services.reduce((n, s) => n + s.resources.length, 0);
  const methods = provider.services.reduce((n, s) => n + s.resources.reduce((k, r: ResourceOverview) => k + r.methodNames.length, 0), 0);
  return {
    provider,
    title: provider.title,
    docId: `${provider.name}-doc`,
    slug: `/providers/${pathSegment(provider.name)}`,
    keywords: keywords(provider),
    columns: twoColumns(links),
    totals: { resources, methods },
    // The settings file's prose: its sections headed like the page's own (Authentication, ...) add to them.
    prose: splitProviderProse(provider.settings.body),
  };
}

