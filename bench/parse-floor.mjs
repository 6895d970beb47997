// The floor: read every YAML file of a registry (or the one file given) and parse it with
// js-yaml, as the generator does (same schema), and nothing else.
//
// With `--write <pack> <folder>` it then also writes the pages packed in <pack>
// (bench/pack-pages.mjs: the pages a generate run wrote, paths and contents) into
// <folder> with bare mkdir and writeFileSync: the floor of any one-thread run that
// must both parse those files and create those pages, with no model, no render,
// no manifest, no staging and no cache.
import fs from 'node:fs';
import path from 'node:path';
import { deserialize } from 'node:v8';
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
const [input, flag, pack, target] = process.argv.slice(2);
if (flag !== undefined && (flag !== '--write' || pack === undefined || target === undefined)) throw new Error('usage: parse-floor.mjs <registry or file> [--write <pack> <folder>]');
let n = 0;
for (const f of fs.statSync(input).isDirectory() ? walk(input) : [input]) {
  if (!/\.ya?ml$/.test(f)) continue;
  load(fs.readFileSync(f, 'utf8'));
  n++;
}
if (n === 0) throw new Error('no YAML files');
if (flag === '--write') {
  const pages = deserialize(fs.readFileSync(pack));
  const made = new Set();
  for (const [rel, contents] of pages) {
    const file = path.join(target, rel);
    const dir = path.dirname(file);
    if (!made.has(dir)) {
      fs.mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    fs.writeFileSync(file, contents);
  }
}
