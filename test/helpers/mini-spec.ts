import { DiagnosticBag } from '../../generator/diagnostics.js';
import { buildService } from '../../generator/model/build-service.js';
import type { Service } from '../../generator/model/types.js';

export interface MiniOp {
  method?: string;
  params?: { name: string; in?: string; required?: boolean; schema?: unknown }[];
  response?: unknown;
  body?: unknown;
  /** Replaces the default `application/json` content of the request body (e.g. to give `examples`). */
  bodyContent?: Record<string, unknown>;
  description?: string;
}

/**
 * A service file in memory: `ops` become paths, `resources` map method names to
 * ops and verbs. Small enough to state one rule per table row.
 */
export function miniService(
  resources: Record<string, { methods: Record<string, MiniOp & { objectKey?: string }>; sqlVerbs?: Record<string, string[]>; config?: unknown }>,
  opts: { servers?: boolean } = {},
): { service: Service; bag: DiagnosticBag } {
  const paths: Record<string, Record<string, unknown>> = {};
  const xr: Record<string, unknown> = {};
  for (const [rname, r] of Object.entries(resources)) {
    const methods: Record<string, unknown> = {};
    for (const [mname, op] of Object.entries(r.methods)) {
      const p = `/${rname}/${mname}`;
      const http = op.method ?? 'get';
      paths[p] = {
        [http]: {
          operationId: `${rname}-${mname}`,
          description: op.description ?? `${mname} ${rname}`,
          parameters: (op.params ?? []).map((x) => ({ in: 'query', schema: { type: 'string' }, ...x })),
          responses: op.response === undefined ? {} : { '200': { content: { 'application/json': { schema: op.response } } } },
          ...(op.bodyContent ? { requestBody: { content: op.bodyContent } } : op.body === undefined ? {} : { requestBody: { content: { 'application/json': { schema: op.body } } } }),
        },
      };
      methods[mname] = {
        operation: { $ref: `#/paths/${p.replace(/~/g, '~0').replace(/\//g, '~1')}/${http}` },
        response: { mediaType: 'application/json', openAPIDocKey: '200', ...(op.objectKey ? { objectKey: op.objectKey } : {}) },
      };
    }
    const sqlVerbs: Record<string, unknown[]> = {};
    for (const [verb, names] of Object.entries(r.sqlVerbs ?? {})) {
      sqlVerbs[verb] = names.map((n) => ({ $ref: `#/components/x-stackQL-resources/${rname}/methods/${n}` }));
    }
    xr[rname] = { id: `p.s.${rname}`, name: rname, methods, sqlVerbs, ...(r.config ? { config: r.config } : {}) };
  }
  const doc = {
    openapi: '3.0.0',
    ...(opts.servers === false ? {} : { servers: [{ url: 'https://{deployment_name}.example', variables: { deployment_name: { default: 'x' } } }] }),
    paths,
    components: { 'x-stackQL-resources': xr },
  };
  const bag = new DiagnosticBag();
  const service = buildService({ ctx: { file: 'mini.yaml', doc, bag }, provider: 'p', name: 's', entry: {} });
  return { service, bag };
}
