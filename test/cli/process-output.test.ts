import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, runCli } from '../support/run-cli.ts';
import { FIXTURE_KNOWLEDGE } from '../store/support/chat-process.ts';

/** Runs `some-advisor <args>` with its stdout closed by the reader at once (as `… | head -3` does once it has enough). */
function runWithClosedStdout(args: string[], env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('the some-advisor process and its output', () => {
  it('exits quietly when its reader closes stdout (doctor | head -3): no EPIPE stack trace', { timeout: 30_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'some-epipe-'));
    try {
      const run = await runWithClosedStdout(['doctor'], { KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE, SQLITE_PATH: join(dir, 'state.db') });
      expect(run.stderr).toBe('');
      expect(run.code).not.toBeNull();
      const help = await runWithClosedStdout(['--help'], {});
      expect(help).toEqual({ code: 0, stderr: '' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('--version and version print the installed version and the Node.js version', async () => {
    const { version } = JSON.parse(await readFile(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
    for (const args of [['--version'], ['version']]) {
      const run = await runCli(args);
      expect(run, args[0]).toEqual({ code: 0, stdout: `some-advisor ${version} (Node.js ${process.version})\n`, stderr: '' });
    }
    expect((await runCli(['--help'])).stdout).toContain('version, --version');
  });
});
