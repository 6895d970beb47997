import type { Method, ProviderInfo, Resource, Service } from '../model/types.js';
import { resourcePageBase, viewDefinitionTabs } from './classic-context.js';
import { uniqueValues, viewTabValue } from './unique-values.js';
import { noColumnsReason } from './body-values.js';
import { bodyProps, docstring } from './detailed-body.js';
import { fieldViews, methodAnchor, parameterRows, type FieldView, type ParamRef } from './detailed-tables.js';
import { detailedManifest, example, execParts, requiredParamItems, safeHttpUrl, viewSelect, whereLines, type DeleteExample, type ExecExample, type InsertExample, type ManifestTab, type ModifyExample, type SelectExample } from './detailed-examples.js';

// Page context of the detailed layout's resource page. Like the classic
// builders it decides what the page says, never how: every list the templates
// walk is precomputed here (anchors, SQL lines and their commas, manifests), so
// templates stay free of logic and every spec string still reaches the page
// through an escaping helper, or inside a code block, where it is literal.
//
// Cost: linear in the size of the resource. Field views and sample values are
// memoised per model object (the model shares field arrays between methods
// that use the same schema), so a 10 MB spec costs no more than its distinct
// schemas.

/** One tab of the Fields section: a view or a SELECT method. */
export interface FieldTab {
  readonly label: string;
  readonly value: string;
  /** The SELECT method (model); absent for a view. */
  readonly method?: Method;
  readonly fields: readonly FieldView[];
}

export interface MethodRow {
  readonly name: string;
  /** Unique on the page, `method-<slug>`: where `:method:` references link (method-refs.ts). */
  readonly anchor: string;
  readonly verb: Method['verb'];
  readonly description: string;
  readonly required: readonly ParamRef[];
  readonly optional: readonly ParamRef[];
  /** http(s) link to the operation's external docs, validated; absent otherwise. */
  readonly docsUrl?: string;
}

export function detailedResourceContext(provider: ProviderInfo, service: Service, resource: Resource) {
  const merged = resource.kind === 'resource' ? resource.views : [];
  const views = resource.kind === 'view' ? resource.views.slice(0, 1) : merged;
  const params = parameterRows(resource.methods);
  const anchorOf = (name: string) => params.anchors.get(name)!;
  const byVerb = (verb: Method['verb']) => resource.methods.filter((m) => m.verb === verb);

  const fieldValues = uniqueValues();
  const fieldTabs: FieldTab[] = [
    ...views.map((v, i) => ({ label: v.name, value: fieldValues(viewTabValue(views.length, i, v.name)), fields: fieldViews(v.fields, 0) })),
    ...resource.selectMethods.map((m) => ({ label: m.name, value: fieldValues(m.name), method: m, fields: fieldViews(m.responseFields, 0) })),
  ];

  const methods: MethodRow[] = resource.methods.map((m) => {
    const req = new Set(m.requiredParams);
    const row: { -readonly [K in keyof MethodRow]: MethodRow[K] } = {
      name: m.name,
      anchor: methodAnchor(m.name),
      verb: m.verb,
      description: docstring(m).description,
      required: m.requiredParams.map((n) => ({ name: n, anchor: anchorOf(n) })),
      optional: m.params.filter((p) => !req.has(p.name)).map((p) => ({ name: p.name, anchor: anchorOf(p.name) })),
    };
    const url = safeHttpUrl(m.externalDocsUrl);
    if (url) row.docsUrl = url;
    return row;
  });

  const selectValues = uniqueValues();
  const selects: SelectExample[] = [
    ...views.map((v, i) => viewSelect(v, selectValues(viewTabValue(views.length, i, v.name)))),
    ...resource.selectMethods.map((m) => ({
      ...example(m, resource, selectValues),
      columns: m.responseFields.map((f) => f.name),
      where: whereLines(m),
    })),
  ];

  const insertMethods = byVerb('insert');
  const insertValues = uniqueValues();
  const inserts: InsertExample[] = insertMethods.map((m) => ({
    ...example(m, resource, insertValues),
    noColumns: noColumnsReason(m),
    columns: [...requiredParamItems(m), ...bodyProps(m).map((b) => ({ column: `data__${b.name}`, var: b.name, quoted: b.quoted, required: b.required }))],
    returning: m.responseFields.map((f) => f.name),
  }));
  const manifests: ManifestTab[] = insertMethods.map((m) => ({
    label: insertMethods.length === 1 ? 'Manifest' : `Manifest (${m.name})`,
    value: insertValues(insertMethods.length === 1 ? 'manifest' : `manifest_${m.name}`),
    manifest: detailedManifest(resource, m),
  }));

  const modify = (verb: 'update' | 'replace'): ModifyExample[] => {
    const values = uniqueValues();
    return byVerb(verb).map((m) => ({
      ...example(m, resource, values),
      statement: verb === 'update' ? 'UPDATE' : 'REPLACE',
      set: bodyProps(m).map((b) => ({ column: `data__${b.name}`, var: b.name, quoted: b.quoted, required: b.required })),
      where: whereLines(m),
    }));
  };
  const deleteValues = uniqueValues();
  const deletes: DeleteExample[] = byVerb('delete').map((m) => ({ ...example(m, resource, deleteValues), where: whereLines(m, true) }));
  const execValues = uniqueValues();
  const execs: ExecExample[] = byVerb('exec').map((m) => ({ ...example(m, resource, execValues), ...execParts(m) }));

  return {
    ...resourcePageBase(provider, service, resource),
    hasFields: fieldTabs.length > 0,
    fieldTabs,
    definitions: viewDefinitionTabs(resource),
    methods,
    // Columns with nothing in them on this page are left out.
    methodColumns: {
      required: methods.some((m) => m.required.length > 0),
      optional: methods.some((m) => m.optional.length > 0),
      description: methods.some((m) => m.description.trim() !== ''),
    },
    params: params.rows,
    paramColumns: { description: params.rows.some((p) => p.description.trim() !== '' || p.variants.length > 0) },
    selects,
    inserts,
    manifests,
    updates: modify('update'),
    replaces: modify('replace'),
    deletes,
    execs,
  };
}
