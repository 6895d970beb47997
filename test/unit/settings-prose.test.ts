import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../generator/diagnostics.js';
import { loadSettings } from '../../generator/load/load-settings.js';
import { proseBlock } from '../../generator/render/spec-text.js';
import { tempDir } from '../helpers/cli.js';
import { loadTemplates } from '../../generator/load/load-templates.js';
import { classicProviderContext } from '../../generator/render/classic-context.js';
import { splitProviderProse } from '../../generator/render/provider-prose.js';
import { compileTemplates } from '../../generator/render/template-env.js';
import { renderRegistry } from '../helpers/render.js';
import { REPO, sharedPath, skipNotice } from '../helpers/shared.js';

describe('provider prose from a settings file', () => {
  it.each([
    ['# Title\n\nText.', '## Title\n\nText.'],
    ['### Authentication\n\nUse `DATABRICKS_TOKEN`.', '### Authentication\n\nUse `DATABRICKS_TOKEN`.'],
    ['## A <b>bold</b> {x}', '## A \\<b\\>bold\\</b\\> \\{x\\}'],
    ['- one\n- two', '- one\n- two'],
  ])('%j', (input, expected) => {
    expect(proseBlock(input)).toBe(expected);
  });
});

describe('settings validation', () => {
  function load(frontmatter: string) {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'p.md'), `---\n${frontmatter}\n---\nBody\n`);
    const bag = new DiagnosticBag();
    return { settings: loadSettings(dir, ['p'], bag), bag };
  }

  it.each(['/img/p.png', 'https://example.com/p.png'])('accepts image %s', (image) => {
    const { settings, bag } = load(`image: ${image}`);
    expect(bag.all).toEqual([]);
    expect(settings.get('p')?.data['image']).toBe(image);
  });

  it.each(['\'/a"b{c}\'', 'javascript:alert(1)', 'img/p.png', '[1, 2]'])('rejects image %s with the line', (image) => {
    const { settings, bag } = load(`brand: P\nimage: ${image}`);
    expect(settings.has('p')).toBe(false);
    expect(bag.all.map((d) => `${d.code}:${d.line}`)).toEqual(['settings-invalid:3']);
  });
});

describe('provider prose belongs to a provider of a registry', () => {
  function write(frontmatter: string) {
    const root = tempDir();
    const settings = path.join(root, 'site', 'providers');
    fs.mkdirSync(settings, { recursive: true });
    const provider = (folder: string, text: string) => {
      fs.mkdirSync(path.join(root, folder, 'p', 'v1'), { recursive: true });
      fs.writeFileSync(path.join(root, folder, 'p', 'v1', 'provider.yaml'), text);
    };
    provider('specs', 'id: p\nconfig: {auth: {type: bearer}}\n');
    provider('copy', 'id: p\nconfig: {auth: {type: bearer}}\n');
    provider('other', 'id: p\nconfig: {auth: {type: oauth2}}\n');
    fs.writeFileSync(path.join(settings, 'p.md'), `---\n${frontmatter}\n---\nProse for p.\n`);
    return { root, settings };
  }

  it.each([
    ['registry: ../../specs', 'specs', true],
    ['registry: ../../specs', 'other', false],
    ['registry: ../../specs', 'copy', true],
    ['registry: ../../nowhere', 'specs', true],
    ['registry: ../../specs/', 'specs', true],
    ['brand: P', 'other', true],
  ])('%s, run on %s (copy: the same provider.yaml; other: another; nowhere: not there): applied %s', (frontmatter, registry, applied) => {
    const { root, settings } = write(frontmatter);
    const bag = new DiagnosticBag();
    const loaded = loadSettings(settings, ['p'], bag, path.join(root, registry));
    expect(bag.all).toEqual([]);
    expect(loaded.has('p')).toBe(applied);
  });

  it.each(['registry: 3', "registry: ''"])('rejects %s with the line', (frontmatter) => {
    const { root, settings } = write(`brand: P\n${frontmatter}`);
    const bag = new DiagnosticBag();
    expect(loadSettings(settings, ['p'], bag, path.join(root, 'specs')).has('p')).toBe(false);
    expect(bag.all.map((d) => `${d.code}:${d.line}`)).toEqual(['settings-invalid:3']);
  });

  it('our sample prose is applied to our specs only (generate with the default settings)', async () => {
    const first = 'talks to the REST API of a single Databricks';
    const own = await renderRegistry(path.join(REPO, 'specs'), 'classic', { providers: ['databricks_workspace'] });
    expect(own.files.find((f) => f.path === 'providers/databricks_workspace/index.md')?.contents).toContain(first);
    const other = sharedPath('specs', 'databricks-2026-07');
    if (!other) return skipNotice('the prose check on databricks-2026-07');
    const theirs = (await renderRegistry(other, 'detailed', { providers: ['databricks_workspace'] })).files.find((f) => f.path === 'providers/databricks_workspace/index.md')!.contents;
    for (const s of [first, 'user_tokens', 'DATABRICKS_TOKEN', '## Overview']) expect(theirs).not.toContain(s);
    expect(theirs).toContain('## Authentication\n\nThe provider authenticates with `oauth2`.');
  }, 120_000);
});

describe('prose sections headed like the provider page own sections add to them', () => {
  it.each([
    ['Intro.\n\n### Authentication\n\nUse a token.\n\n### Notes\n\n- n', { overview: 'Intro.\n\n### Notes\n\n- n', authentication: 'Use a token.' }],
    ['## Overview\n\nText.\n\n## Installation\n\nPull it.\n\n#### Detail\n\nMore.', { overview: 'Text.', installation: 'Pull it.\n\n#### Detail\n\nMore.' }],
    ['```md\n## Authentication\n```\n\nText.', { overview: '```md\n## Authentication\n```\n\nText.' }],
    ['## **Services**\n\nSee below.', { services: 'See below.' }],
    ['', {}],
  ])('%j', (markdown, expected) => {
    expect(splitProviderProse(markdown)).toEqual({ overview: '', installation: '', authentication: '', services: '', ...expected });
  });

  it('the page keeps one Authentication heading: what the spec says, then the prose', () => {
    const ctx = classicProviderContext({
      name: 'p', version: 'v1', title: 'P', description: '', services: [], source: { file: 'p.yaml', pointer: '' },
      auth: { type: 'bearer', envVars: [{ key: 'credentialsenvvar', name: 'P_TOKEN' }] },
      settings: { brand: 'P', description: 'D', image: '/i.png', body: 'Intro.\n\n### Authentication\n\nGet a token from the console.' },
    });
    const page = compileTemplates(loadTemplates('classic')).page('provider')(ctx);
    expect(page.match(/Authentication/g)).toHaveLength(1);
    expect(page).toContain('## Overview\n\nIntro.\n\n');
    expect(page).toContain('- <CopyableCode code="P_TOKEN" /> (from `credentialsenvvar`)\n\nGet a token from the console.\n');
  });
});
