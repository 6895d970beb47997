import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Diagnostic } from '../../generator/diagnostics.js';
import { generate } from '../../generator/generate.js';
import type { OutputFile } from '../../generator/render/render-pages.js';

export interface RenderedRegistry {
  readonly files: OutputFile[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Runs `generate()`, the CLI's own code path, into a fresh folder and reads the
 * pages back: what these tests check is what a user's run writes.
 */
export async function renderRegistry(root: string, layout = 'classic', o: { templates?: string; providers?: readonly string[]; settings?: string } = {}): Promise<RenderedRegistry> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-render-'));
  try {
    const r = await generate({ registry: root, out, layout, ...o });
    const files = r.paths.map((p) => ({ path: p, contents: fs.readFileSync(path.join(out, p), 'utf8') }));
    return { files, diagnostics: r.diagnostics };
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}
