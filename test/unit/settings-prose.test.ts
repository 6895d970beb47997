import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../generator/diagnostics.js';
import { loadSettings } from '../../generator/load/load-settings.js';
import { proseBlock } from '../../generator/render/spec-text.js';
import { tempDir } from '../helpers/cli.js';

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
