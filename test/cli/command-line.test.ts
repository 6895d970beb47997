import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copySpecs, runCli, snapshot, tempDir } from '../helpers/cli.js';
import { REPO } from '../helpers/shared.js';

// What a user sees at the terminal: a closed pipe, inputs that are not what they
// claim to be, paths to open, and help for the command at hand.

const SPECS = path.join(REPO, 'specs');

/** Runs the CLI with its stdout closed before it writes, as `... | head` does once head has had enough. */
function runIntoClosedPipe(args: readonly string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(REPO, 'bin', 'provider-docs.js'), ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('the command line', () => {
  it('ends quietly when its output pipe is closed (diff --format json | head)', async () => {
    const head = copySpecs();
    fs.rmSync(path.join(head, 'databricks_account'), { recursive: true });
    const plain = await runIntoClosedPipe(['diff', '--base', SPECS, '--head', head, '--format', 'json']);
    expect(plain.stderr).toBe('');
    expect(plain.code).toBe(0);
    // --exit-code still says "differences found", not a crash.
    const withCode = await runIntoClosedPipe(['diff', '--base', SPECS, '--head', head, '--format', 'json', '--exit-code']);
    expect(withCode.stderr).toBe('');
    expect(withCode.code).toBe(1);
  });

  describe('inputs that are not what they claim: exit 2, a clear message, nothing written', () => {
    const cases: [string, (work: string) => string[], RegExp][] = [
      ['--settings naming a missing folder', (w) => ['--settings', path.join(w, 'no-such-settings')], /error settings-missing: settings folder not found: .*no-such-settings/],
      [
        'a registry with no provider',
        (w) => {
          fs.mkdirSync(path.join(w, 'empty', 'notes'), { recursive: true });
          return ['--registry', path.join(w, 'empty')];
        },
        /error registry-empty: no provider under .*empty/,
      ],
      [
        'a --registry naming a file',
        (w) => {
          fs.writeFileSync(path.join(w, 'provider.yaml'), 'id: x\n');
          return ['--registry', path.join(w, 'provider.yaml')];
        },
        /error registry-missing: registry root is a file, not a folder: .*provider\.yaml/,
      ],
    ];
    for (const [name, args, message] of cases) {
      it(name, () => {
        const work = tempDir('pd-cl-');
        const out = path.join(work, 'out');
        const extra = args(work);
        const before = snapshot(work);
        const r = runCli(['generate', '--out', out, ...extra], work);
        expect(r.code, r.stderr).toBe(2);
        expect(r.stderr).toMatch(message);
        expect(snapshot(work)).toEqual(before);
      });
    }
  });

  it('names files relative to the current folder, so they can be opened as printed', () => {
    const root = copySpecs();
    const work = tempDir('pd-cwd-');
    const service = path.join(root, 'databricks_workspace', 'v00.00.00000', 'services', 'workspace.yaml');
    fs.writeFileSync(service, fs.readFileSync(service, 'utf8').replace("'#/paths/~1api~12.0~1token~1list/get'", "'#/paths/~1nowhere/get'"));
    const r = runCli(['generate', '--registry', root, '--out', path.join(work, 'out')], work);
    expect(r.code).toBe(2);
    const line = r.stderr.split('\n').find((l) => l.includes('error ref-unresolved'));
    expect(line, r.stderr).toBeDefined();
    const printed = line!.split(':')[0]!;
    expect(printed).toBe(path.relative(work, service).split(path.sep).join('/'));
    expect(fs.existsSync(path.resolve(work, printed))).toBe(true);
  });

  it('points an unknown option at --help', () => {
    for (const command of ['generate', 'diff']) {
      const r = runCli([command, '--colour']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("Unknown option '--colour'");
      expect(r.stderr).toContain(`provider-docs ${command} --help`);
    }
  });

  it('prints only the options of the command asked about', () => {
    const generate = runCli(['generate', '--help']);
    expect(generate.code).toBe(0);
    expect(generate.stdout).toContain('--registry <root>');
    expect(generate.stdout).not.toContain('--base');
    expect(generate.stdout).not.toContain('diff options');
    const diff = runCli(['diff', '--help']);
    expect(diff.code).toBe(0);
    expect(diff.stdout).toContain('--base <root>');
    expect(diff.stdout).not.toContain('--registry');
    expect(diff.stdout).not.toContain('generate options');
    // The top-level help still lists both.
    const all = runCli(['--help']);
    expect(all.stdout).toContain('generate options');
    expect(all.stdout).toContain('diff options');
  });
});
