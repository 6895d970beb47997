import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from './cli.js';

/** A service file with one resource `things` (one SELECT method), as YAML text. */
export function serviceYaml(opts: { resourceKey?: string; resourceId?: string; description?: string } = {}): string {
  const key = opts.resourceKey ?? 'things';
  return [
    'openapi: 3.0.0',
    'info:',
    '  title: Things',
    '  version: 1.0.0',
    'paths:',
    '  /things:',
    '    get:',
    '      operationId: listThings',
    `      description: ${opts.description ?? 'Lists things.'}`,
    '      responses:',
    "        '200':",
    '          description: ok',
    '          content:',
    '            application/json:',
    '              schema:',
    '                type: object',
    '                properties:',
    '                  id:',
    '                    type: string',
    'components:',
    '  x-stackQL-resources:',
    `    ${key}:`,
    `      id: ${opts.resourceId ?? `p.s.${key}`}`,
    `      name: ${key}`,
    '      methods:',
    '        list:',
    '          operation:',
    "            $ref: '#/paths/~1things/get'",
    '          response:',
    '            mediaType: application/json',
    "            openAPIDocKey: '200'",
    '      sqlVerbs:',
    '        select:',
    `          - $ref: '#/components/x-stackQL-resources/${key}/methods/list'`,
    '        insert: []',
    '        update: []',
    '        delete: []',
    '',
  ].join('\n');
}

/** provider.yaml naming each service by `$ref` (relative to the registry root). */
export function providerYaml(provider: string, services: Record<string, string>, extra = ''): string {
  const lines = [`id: ${provider}`, `name: ${provider}`, 'version: v1', extra, 'providerServices:'].filter((l) => l !== '');
  for (const [name, ref] of Object.entries(services)) {
    lines.push(`  ${name}:`, `    id: '${name}:v1'`, `    name: ${name}`, '    service:', `      $ref: ${ref}`, `    title: ${name} service`);
  }
  return lines.join('\n') + '\n';
}

/** Writes `files` (path relative to the root -> text) into a fresh temporary registry root. */
export function writeRegistry(files: Record<string, string>): string {
  const root = tempDir('pd-registry-');
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}
