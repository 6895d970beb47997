import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copySpecs, runCli, snapshot, tempDir } from '../helpers/cli.js';

// Regeneration through the real CLI: what a person re-running the generator after a spec change sees.

const SERVICE = 'databricks_workspace/v00.00.00000/services/workspace.yaml';
const REPOS_PAGE = 'providers/databricks_workspace/workspace/repos/index.md';
const TOKENS_PAGE = 'providers/databricks_workspace/workspace/user_tokens/index.md';

function mtimes(dir: string): Map<string, number> {
  const out = new Map<string, number>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (!e.name.startsWith('.provider-docs-')) out.set(path.relative(dir, p), fs.statSync(p).mtimeMs);
    }
  };
  walk(dir);
  return out;
}

/** Removes the `repos` resource (and its view) from the sample workspace service. */
function removeRepos(root: string): void {
  const p = path.join(root, SERVICE);
  const lines = fs.readFileSync(p, 'utf8').split('\n');
  const out: string[] = [];
  let skipping = false;
  for (const l of lines) {
    if (/^    (repos|vw_repos):/.test(l)) skipping = true;
    else if (skipping && /^    \S/.test(l)) skipping = false;
    if (!skipping) out.push(l);
  }
  fs.writeFileSync(p, out.join('\n'));
}

describe('regenerating', () => {
  it('a second run with no change writes no file', () => {
    const out = tempDir();
    expect(runCli(['generate', '--out', out]).code).toBe(0);
    const before = mtimes(out);
    const r = runCli(['generate', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/up to date|0 written/);
    expect(mtimes(out)).toEqual(before);
  });

  it('a second full run (inputs record lost) still writes nothing', () => {
    const out = tempDir();
    expect(runCli(['generate', '--out', out]).code).toBe(0);
    fs.rmSync(path.join(out, '.provider-docs-inputs.json'));
    const before = mtimes(out);
    const r = runCli(['generate', '--out', out]);
    expect(r.stdout).toMatch(/0 written, 21 unchanged/);
    expect(mtimes(out)).toEqual(before);
  });

  it('removing a resource from the spec removes its page only', () => {
    const root = copySpecs();
    const out = tempDir();
    expect(runCli(['generate', '--registry', root, '--out', out]).code).toBe(0);
    const before = snapshot(out);
    removeRepos(root);
    const r = runCli(['generate', '--registry', root, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(fs.existsSync(path.join(out, REPOS_PAGE))).toBe(false);
    expect(fs.existsSync(path.join(out, path.dirname(REPOS_PAGE)))).toBe(false);
    const after = snapshot(out);
    const changed = [...after.keys()].filter((k) => !k.startsWith('.provider-docs-') && after.get(k) !== before.get(k));
    // The service page lists resources and the provider page counts them; nothing else changes.
    expect(changed.sort()).toEqual(['providers/databricks_workspace/index.md', 'providers/databricks_workspace/workspace/index.md']);
    const gone = [...before.keys()].filter((k) => !k.startsWith('.provider-docs-') && !after.has(k));
    expect(gone.sort()).toEqual(['providers/databricks_workspace/workspace/repos/', REPOS_PAGE]);
  });

  it('a hand-written page in the output folder survives every run', () => {
    const root = copySpecs();
    const out = tempDir();
    const mine = path.join(out, 'providers', 'databricks_workspace', 'workspace', 'repos', 'notes.md');
    fs.mkdirSync(path.dirname(mine), { recursive: true });
    fs.writeFileSync(mine, '# my notes\n');
    expect(runCli(['generate', '--registry', root, '--out', out]).code).toBe(0);
    expect(runCli(['generate', '--registry', root, '--out', out, '--force']).code).toBe(0);
    removeRepos(root);
    expect(runCli(['generate', '--registry', root, '--out', out]).code).toBe(0);
    expect(fs.readFileSync(mine, 'utf8')).toBe('# my notes\n');
    // Its folder stays because it still holds a file that is not ours.
    expect(fs.existsSync(path.join(out, REPOS_PAGE))).toBe(false);
  });

  it('a hand-edited generated page stops the run; --force overwrites it', () => {
    const out = tempDir();
    expect(runCli(['generate', '--out', out]).code).toBe(0);
    const page = path.join(out, TOKENS_PAGE);
    const generated = fs.readFileSync(page, 'utf8');
    fs.writeFileSync(page, generated + '\nmy edit\n');
    // Make the run want to change the page: a different layout of the same data would, and so does a spec change.
    const root = copySpecs();
    const p = path.join(root, SERVICE);
    fs.writeFileSync(p, fs.readFileSync(p, 'utf8').replace('Lists all the valid tokens for a user-workspace pair.', 'Lists every valid token.'));
    const before = snapshot(out);
    const r = runCli(['generate', '--registry', root, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`error hand-edited: ${page} was edited by hand`);
    expect(snapshot(out)).toEqual(before);
    const forced = runCli(['generate', '--registry', root, '--out', out, '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(fs.readFileSync(page, 'utf8')).toContain('Lists every valid token.');
    expect(fs.readFileSync(page, 'utf8')).not.toContain('my edit');
  });

  it('--check lists stale files and exits 1, exits 0 when current, and writes nothing', () => {
    const root = copySpecs();
    const out = tempDir();
    const empty = runCli(['generate', '--registry', root, '--out', out, '--check']);
    expect(empty.code).toBe(1);
    expect(empty.stdout).toContain(`add ${TOKENS_PAGE}`);
    expect(fs.existsSync(out) ? fs.readdirSync(out) : []).toEqual([]);
    expect(runCli(['generate', '--registry', root, '--out', out]).code).toBe(0);
    fs.rmSync(path.join(out, '.provider-docs-inputs.json'));
    const current = runCli(['generate', '--registry', root, '--out', out, '--check']);
    expect(current.code, current.stdout).toBe(0);
    removeRepos(root);
    const p = path.join(root, SERVICE);
    fs.writeFileSync(p, fs.readFileSync(p, 'utf8').replace('Lists all the valid tokens for a user-workspace pair.', 'Lists every valid token.'));
    const before = snapshot(out);
    const stale = runCli(['generate', '--registry', root, '--out', out, '--check']);
    expect(stale.code).toBe(1);
    const lines = stale.stdout.split('\n').filter((l) => /^(add|change|remove) /.test(l));
    expect(lines).toEqual([
      'change providers/databricks_workspace/index.md',
      'change providers/databricks_workspace/workspace/index.md',
      `change ${TOKENS_PAGE}`,
      `remove ${REPOS_PAGE}`,
    ]);
    expect(snapshot(out)).toEqual(before);
  });
});
