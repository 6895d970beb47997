import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/shared.js';

// The stage boundaries of eslint.config.js (run by `npm test`), tried on small
// files linted as if they sat in a stage folder: each forbidden import is
// reported, each allowed one is not.

const eslint = new ESLint({ cwd: REPO });

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(REPO, file) });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('stage boundaries (eslint)', () => {
  it.each([
    ['generator/model/fixture.ts', "import fs from 'node:fs';\nexport const x = fs;\n", /model\/ is pure/],
    ['generator/model/fixture.ts', "import { readFile } from 'fs/promises';\nexport const x = readFile;\n", /model\/ is pure/],
    ['generator/render/fixture.ts', "import { readFileSync } from 'fs';\nexport const x = readFileSync;\n", /render\/ is pure/],
    ['generator/render/fixture.ts', "import { PACKAGE_ROOT } from '../package-root.js';\nexport const x = PACKAGE_ROOT;\n", /render\/ is pure/],
    ['generator/model/fixture.ts', "import { escapeText } from '../render/escape.js';\nexport const x = escapeText;\n", /model\/ may not import render\//],
    ['generator/model/fixture.ts', "import { loadRegistry } from '../load/load-registry.js';\nexport const x = loadRegistry;\n", /model\/ may take only types from load\//],
    ['generator/load/fixture.ts', "import { buildService } from '../model/build-service.js';\nexport const x = buildService;\n", /load\/ may not import model\//],
    ['generator/render/fixture.ts', "import { writeOutput } from '../write/write-output.js';\nexport const x = writeOutput;\n", /render\/ may not import write\//],
    ['generator/write/fixture.ts', "import { loadSettings } from '../load/load-settings.js';\nexport const x = loadSettings;\n", /write\/ may not import load\//],
    ['generator/render/fixture.ts', "import { templatesFor } from '../pipeline/service-job.js';\nexport const x = templatesFor;\n", /what runs the stages/],
    ['generator/model/fixture.ts', "import { generate } from '../generate.js';\nexport const x = generate;\n", /what runs the stages/],
  ])('%s: %s is an error', async (file, code, message) => {
    const found = await problems(file, code);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^@typescript-eslint\/no-restricted-imports: /);
    expect(found[0]).toMatch(message);
  });

  it.each([
    ['generator/model/fixture.ts', "import type { LoadedFile } from '../load/load-registry.js';\nexport type X = LoadedFile;\n"],
    ['generator/render/fixture.ts', "import { providerOverview } from '../model/overview.js';\nexport const x = providerOverview;\n"],
    ['generator/write/fixture.ts', "import fs from 'node:fs';\nimport type { OutputFile } from '../render/render-pages.js';\nexport type X = OutputFile;\nexport const y = fs;\n"],
    ['generator/load/fixture.ts', "import fs from 'node:fs';\nimport { DiagnosticBag } from '../diagnostics.js';\nexport const x = [fs, DiagnosticBag];\n"],
    ['generator/pipeline/fixture.ts', "import { loadRegistry } from '../load/load-registry.js';\nimport { writeOutput } from '../write/write-output.js';\nexport const x = [loadRegistry, writeOutput];\n"],
  ])('%s: allowed imports pass', async (file, code) => {
    expect(await problems(file, code)).toEqual([]);
  });
});
