// Tiny model registries for the diff tables, built directly (no YAML).
import type { Field, Method, Provider, Registry, Resource, Service, SqlVerb, View } from '../../generator/model/types.js';

const src = { file: 'mem.yaml', pointer: '' };

export interface M {
  verbs?: SqlVerb[];
  required?: string[];
  /** `get /path`; default `get /<resource>/<method>` */
  op?: string;
}

export function field(name: string, type = 'string', extra: Partial<Field> = {}): Field {
  return { name, type, description: '', required: false, fields: [], source: src, ...extra };
}

export function view(name: string, fields: Field[]): View {
  return { name, id: name, fields, requiredParams: [], description: '', definitions: [], own: false, source: src };
}

/** A resource `id` (`p.s.r`) with methods by name and its Fields table. */
export function res(id: string, methods: Record<string, M> = {}, fields: Field[] = [], extra: Partial<Resource> = {}): Resource {
  const name = id.split('.').pop()!;
  const list: Method[] = [];
  for (const [mname, m] of Object.entries(methods)) {
    const [http, path] = (m.op ?? `get /${name}/${mname}`).split(' ') as [string, string];
    for (const verb of m.verbs ?? ['select']) {
      list.push({
        name: mname,
        verb,
        operationId: `${name}-${mname}`,
        httpMethod: http,
        path,
        summary: '',
        description: '',
        requiredParams: m.required ?? [],
        params: [],
        responseFields: [],
        source: src,
      });
    }
  }
  return { id, name, title: name, kind: 'resource', description: '', methods: list, selectMethods: [], fields, views: [], source: src, ...extra };
}

export function svc(name: string, resources: Resource[]): Service {
  return { name, title: name, description: '', resources, source: src };
}

export function prov(name: string, services: Service[]): Provider {
  return { name, version: 'v1', title: name, description: '', services, settings: { brand: name, description: '', image: '', body: '' }, source: src };
}

export function reg(...providers: Provider[]): Registry {
  return { root: '/mem', providers };
}

/** One provider `p` with one service `s` holding `resources`. */
export function one(...resources: Resource[]): Registry {
  return reg(prov('p', [svc('s', resources)]));
}
