import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../generator/generate.js';
import { copySpecs, runCli, tempDir } from '../helpers/cli.js';
import { REPO } from '../helpers/shared.js';

// generate() is what the CLI, the dev server and the Docusaurus plugin run; the
// last two call it again and again in one process. Each run must read its
// inputs afresh: nothing of an earlier run (templates, file positions) may leak.

const SERVICE = 'databricks_workspace/v00.00.00000/services/workspace.yaml';
/** Files that are machine-local records of a run, not output. */
const LOCAL = new Set(['.provider-docs-inputs.json', '.provider-docs-cache.json', '.provider-docs-services']);

function tree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (LOCAL.has(e.name)) continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(path.relative(dir, p), fs.readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

function edit(file: string, from: string, to: string): void {
  const text = fs.readFileSync(file, 'utf8');
  expect(text).toContain(from);
  fs.writeFileSync(file, text.replace(from, to));
}

describe('two generate() runs in one process', () => {
  it('give what two CLI runs give, with a spec, a template and a settings file edited between them', async () => {
    const registry = copySpecs();
    const settings = tempDir('pd-settings-');
    fs.cpSync(path.join(REPO, 'site', 'providers'), settings, { recursive: true });
    const templates = tempDir('pd-templates-');
    fs.copyFileSync(path.join(REPO, 'templates', 'classic', 'partials', 'fields-table.hbs'), path.join(templates, 'fields-table.hbs'));
    const inProcess = tempDir('pd-out-api-');
    const cli = tempDir('pd-out-cli-');
    const opts = { registry, settings, templates };
    const args = ['generate', '--registry', registry, '--settings', settings, '--templates', templates, '--quiet'];

    await generate({ ...opts, out: inProcess });
    expect(runCli([...args, '--out', cli]).code).toBe(0);
    expect(tree(inProcess)).toEqual(tree(cli));
    const before = tree(inProcess);

    edit(path.join(registry, SERVICE), '                        head_commit_id:', '                        head_commit_sha:');
    edit(path.join(templates, 'fields-table.hbs'), '| Name | Datatype |', '| Field name | Datatype |');
    edit(path.join(settings, 'databricks_workspace.md'), 'talks to the REST API', 'speaks to the REST API');

    const second = await generate({ ...opts, out: inProcess });
    expect(second.upToDate).toBe(false);
    expect(runCli([...args, '--out', cli]).code).toBe(0);
    const after = tree(inProcess);
    expect(after).toEqual(tree(cli));
    // Each edit reached the pages.
    const changed = [...after].filter(([p, text]) => before.get(p) !== text).map(([, text]) => text);
    expect(changed.some((t) => t.includes('head_commit_sha'))).toBe(true);
    expect(changed.some((t) => t.includes('| Field name | Datatype |'))).toBe(true);
    expect(changed.some((t) => t.includes('speaks to the REST API'))).toBe(true);
    // And a third run agrees that everything is current.
    expect((await generate({ ...opts, out: inProcess })).upToDate).toBe(true);
  });

  it('report the line of an error as the file now has it, after lines were inserted above it', async () => {
    const registry = copySpecs();
    const file = path.join(registry, SERVICE);
    edit(file, "$ref: '#/paths/~1api~12.0~1token~1list/get'", "$ref: '#/paths/~1api~12.0~1token~1nope/get'");
    const lineOf = async () => {
      const r = await generate({ registry, out: tempDir(), check: true });
      const d = r.diagnostics.find((x) => x.severity === 'error');
      expect(d).toBeDefined();
      return d!.line!;
    };
    const first = await lineOf();
    fs.writeFileSync(file, '# one\n# two\n# three\n' + fs.readFileSync(file, 'utf8'));
    expect(await lineOf()).toBe(first + 3);
  });
});

describe('template errors name the template', () => {
  const run = async (source: string, name = 'fields-table.hbs', layout?: 'detailed') => {
    const templates = tempDir('pd-templates-');
    fs.writeFileSync(path.join(templates, name), source);
    const r = await generate({ out: tempDir(), templates, check: true, ...(layout ? { layout } : {}) });
    // Named from the current folder, as every message is.
    const errors = r.diagnostics.filter((d) => d.severity === 'error').map((d) => ({ ...d, file: path.resolve(d.file) }));
    return { file: path.join(templates, name), errors };
  };

  it('a syntax error: the file and the line', async () => {
    const { file, errors } = await run('| a |\n\n{{#each fields}}\n| {{text name}} |\n');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatchObject({ code: 'template-error', file });
    expect(errors[0]!.line).toBeGreaterThan(0);
    expect(errors[0]!.message).toMatch(/Parse error/);
  });

  it('a missing helper: the file', async () => {
    const { file, errors } = await run('{{nosuch fields}}\n');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatchObject({ code: 'template-error', file });
    expect(errors[0]!.message).toMatch(/nosuch/);
  });

  // An anchor must reach Docusaurus' link check, which only an HTML region's HtmlRegion tells it about.
  it('a name with an anchor outside an HTML region: the file', async () => {
    const source = '<table>{{#each params}}<tr><td>{{hcopy name anchor}}</td></tr>{{/each}}</table>\n';
    const { file, errors } = await run(source, 'params-table.hbs', 'detailed');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatchObject({ code: 'template-error', file });
    expect(errors[0]!.message).toMatch(/only for an \{\{#html\}\} region/);
    const inRegion = await run(`{{#html}}\n${source}{{/html}}\n`, 'params-table.hbs', 'detailed');
    expect(inRegion.errors).toEqual([]);
  });
});

describe('the inputs fingerprint', () => {
  it('sees a service file that lies outside its provider\'s folder', () => {
    const registry = copySpecs();
    // Move the workspace service to a shared folder under the root and point provider.yaml at it.
    const moved = 'shared/workspace.yaml';
    fs.mkdirSync(path.join(registry, 'shared'));
    fs.renameSync(path.join(registry, SERVICE), path.join(registry, moved));
    edit(path.join(registry, 'databricks_workspace/v00.00.00000/provider.yaml'), `$ref: ${SERVICE}`, `$ref: ${moved}`);
    const out = tempDir();
    let field = 'head_commit_id';
    for (const only of [[], ['--provider', 'databricks_workspace']]) {
      const args = ['generate', '--registry', registry, '--out', out, '--quiet', ...only];
      expect(runCli(args).code).toBe(0);
      expect(runCli(args).stdout).toMatch(/^up to date/);
      edit(path.join(registry, moved), `                        ${field}:`, `                        ${field}_${only.length}:`);
      field = `${field}_${only.length}`;
      const check = runCli([...args, '--check']);
      expect(check.code, check.stdout).toBe(1);
      expect(check.stdout).toMatch(/^change providers\/databricks_workspace\/workspace\/repos\/index\.md$/m);
      expect(runCli(args).code).toBe(0);
    }
  });
});
