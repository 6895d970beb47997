import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO } from './shared.js';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the real command (`bin/provider-docs.js`, compiled by the global setup). */
export function runCli(args: readonly string[], cwd = REPO, env: Readonly<Record<string, string>> = {}): CliRun {
  const r = spawnSync(process.execPath, [path.join(REPO, 'bin', 'provider-docs.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(prefix = 'pd-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Copies our sample registry somewhere it can be broken on purpose. */
export function copySpecs(): string {
  const dir = tempDir('pd-specs-');
  fs.cpSync(path.join(REPO, 'specs'), dir, { recursive: true });
  return dir;
}

/** Every file under `dir` with its bytes and mtime: to prove a run changed nothing. */
export function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!fs.existsSync(dir)) return out;
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        out.set(path.relative(dir, p) + '/', 'dir');
        walk(p);
      } else {
        const st = fs.statSync(p);
        out.set(path.relative(dir, p), `${st.mtimeMs}:${fs.readFileSync(p).toString('base64')}`);
      }
    }
  };
  walk(dir);
  return out;
}
