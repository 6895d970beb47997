import type { Resource, Service, View } from './types.js';
import { joinPointer } from '../json-pointer.js';
import { asRecord, asString, type SpecContext } from './spec-context.js';
import { compareStrings } from '../compare.js';
import { FieldBuilder } from './build-fields.js';
import { buildResource, viewAsResource, withOwnView, withViews } from './build-resource.js';
import { buildView, hasMethods, isViewNode } from './build-view.js';

export interface ServiceInput {
  readonly ctx: SpecContext;
  readonly provider: string;
  readonly name: string;
  /** The provider.yaml entry for this service (title, description). */
  readonly entry: Readonly<Record<string, unknown>>;
}

/**
 * Builds a service: its resources sorted by name, each view merged into its
 * base resource (`vw_R` into `R`) when that resource is in the same service.
 */
export function buildService(input: ServiceInput): Service {
  const { ctx } = input;
  const fields = new FieldBuilder(ctx);
  const components = asRecord(ctx.doc['components']);
  const resourcesNode = asRecord(components?.['x-stackQL-resources']);
  if (!resourcesNode) {
    ctx.bag.error('service-no-resources', 'service file has no components.x-stackQL-resources', ctx.file, '/components/x-stackQL-resources');
  }
  const resources = new Map<string, Resource>();
  const viewNodes: { key: string; node: Record<string, unknown>; pointer: string }[] = [];
  const collect = (map: Record<string, unknown> | undefined, base: string): void => {
    for (const key of Object.keys(map ?? {})) {
      const at = joinPointer(base, key);
      const node = asRecord(map![key]);
      if (!node) {
        ctx.bag.error('resource-invalid', `resource "${key}" is not a mapping`, ctx.file, at);
        continue;
      }
      const name = asString(node['name']) ?? key;
      if ((isViewNode(node) && !hasMethods(node)) || base.endsWith('x-stackQL-views')) {
        viewNodes.push({ key, node, pointer: at });
        continue;
      }
      const id = idOf(input, node, key, at);
      const resource = buildResource({ ctx, fields, name, id, node, pointer: at });
      // Methods and config.views both: a resource whose SELECT is its view.
      resources.set(name, isViewNode(node) ? withOwnView(resource, buildView({ ctx, name, id, node, pointer: at }, resource, true)) : resource);
    }
  };
  collect(resourcesNode, '/components/x-stackQL-resources');
  collect(asRecord(components?.['x-stackQL-views']), '/components/x-stackQL-views');

  const merged = new Map<string, View[]>();
  for (const v of viewNodes) {
    const name = asString(v.node['name']) ?? v.key;
    const baseName = name.startsWith('vw_') ? name.slice(3) : undefined;
    const base = baseName !== undefined ? resources.get(baseName) : undefined;
    const view = buildView({ ctx, name, id: idOf(input, v.node, v.key, v.pointer), node: v.node, pointer: v.pointer }, base);
    if (base) merged.set(base.name, [...(merged.get(base.name) ?? []), view]);
    else resources.set(name, viewAsResource(view, asString(v.node['title']) ?? name));
  }
  for (const [name, views] of merged) resources.set(name, withViews(resources.get(name)!, views));

  const info = asRecord(ctx.doc['info']) ?? {};
  return {
    name: input.name,
    title: asString(input.entry['title']) ?? asString(info['title']) ?? input.name,
    description: asString(input.entry['description']) ?? asString(info['description']) ?? '',
    resources: [...resources.values()].sort((a, b) => compareStrings(a.name, b.name)),
    source: { file: ctx.file, pointer: '' },
  };
}

/**
 * A resource's id ends in its key (`p.s.key`), which is how StackQL addresses
 * it; an id naming something else (a copy-paste slip, or two keys sharing one
 * id) is replaced by the one the key gives, with a warning.
 */
function idOf(input: ServiceInput, node: Record<string, unknown>, key: string, pointer: string): string {
  const fromKey = `${input.provider}.${input.name}.${key}`;
  const id = asString(node['id']);
  if (id === undefined) return fromKey;
  if (id.slice(id.lastIndexOf('.') + 1) === key) return id;
  input.ctx.bag.warning('resource-id-mismatch', `resource id ${id} does not end in its key "${key}"; ${fromKey} is used`, input.ctx.file, joinPointer(pointer, 'id'));
  return fromKey;
}
