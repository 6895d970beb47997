import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENERATE_OPTIONS, toGenerateOptions } from '../../generator/options.js';
import { runCli } from '../helpers/cli.js';
import { REPO } from '../helpers/shared.js';

// One table of generate options: the CLI and the dev-server script take their
// flags and help from it (the Docusaurus plugin builds its command's flags from it too).

describe('the table of generate options', () => {
  it('every option is a flag of `provider-docs generate`, documented in its help', () => {
    const help = runCli(['generate', '--help']).stdout;
    for (const o of GENERATE_OPTIONS) expect(help).toContain(`--${o.name}`);
  });

  it('every option but the one-shot ones is a flag of `npm start`, documented in its help', () => {
    const r = spawnSync(process.execPath, [path.join(REPO, 'site', 'scripts', 'start.mjs'), '--help'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    for (const o of GENERATE_OPTIONS) {
      if (o.oneShot) expect(r.stdout).not.toContain(`--${o.name}`);
      else expect(r.stdout).toContain(`--${o.name}`);
    }
  });

  it('turns flag values into generate() options, flags over the caller\'s fallbacks', () => {
    const abs = (p: string) => `/abs/${p}`;
    expect(toGenerateOptions({ out: 'o', provider: ['b'], strict: true }, { out: 'x', registry: '/r', providers: ['a'], layout: 'detailed' }, abs)).toEqual({
      out: '/abs/o',
      registry: '/r',
      providers: ['b'],
      layout: 'detailed',
      check: false,
      force: false,
      strict: true,
    });
    expect(toGenerateOptions({ provider: [] }, { out: 'x', providers: ['a'] })).toMatchObject({ out: 'x', providers: ['a'] });
  });
});
