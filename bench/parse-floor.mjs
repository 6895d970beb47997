// The floor: read every YAML file of a registry (or the one file given) and parse it with
// js-yaml, as the generator does (same schema), and nothing else.
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';

const walk = (d) => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
// A registry may carry scalars under tags no schema knows (godaddy's
// `!<tag:yaml.org,2002:js/undefined>`): those are parsed again with the tag
// known, as the generator does.
function load(text, tags = []) {
  const schema = tags.length === 0 ? yaml.CORE_SCHEMA : yaml.CORE_SCHEMA.extend({ explicit: tags.map((t) => new yaml.Type(t, { kind: 'scalar', construct: () => undefined })) });
  try {
    return yaml.load(text, { schema });
  } catch (e) {
    const tag = /^unknown tag !<(.*)>$/.exec(e.reason ?? '')?.[1];
    if (tag === undefined || tags.includes(tag)) throw e;
    return load(text, [...tags, tag]);
  }
}
let n = 0;
for (const f of fs.statSync(process.argv[2]).isDirectory() ? walk(process.argv[2]) : [process.argv[2]]) {
  if (!/\.ya?ml$/.test(f)) continue;
  load(fs.readFileSync(f, 'utf8'));
  n++;
}
if (n === 0) throw new Error('no YAML files');
