import { spawn } from 'node:child_process';
import { join } from 'node:path';

/**
 * Path of the `some-advisor` entry point that runs the TypeScript sources (through tsx), so tests exercise the code as
 * it is, not a possibly stale dist/. The compiled entry point (bin/some-advisor.js) has its own tests (test/production/).
 */
export const CLI = join(import.meta.dirname, '..', '..', 'scripts', 'dev-cli.js');

/** What a finished CLI run printed and how it exited. */
export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `some-advisor` with arguments, stdin text and extra environment; resolves when it exits. */
export function runCli(args: string[], stdin = '', env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, LOG_LEVEL: 'warn', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}
