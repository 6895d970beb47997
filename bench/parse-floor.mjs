// The floor: read every YAML file of a registry and parse it with js-yaml,
// as the generator does (same schema), and nothing else.
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';

const walk = (d) => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
let n = 0;
for (const f of walk(process.argv[2])) {
  if (!/\.ya?ml$/.test(f)) continue;
  yaml.load(fs.readFileSync(f, 'utf8'), { schema: yaml.CORE_SCHEMA });
  n++;
}
if (n === 0) throw new Error('no YAML files');
