import { spawn } from 'node:child_process';
import { join } from 'node:path';

/**
 * Node arguments that run the `some-advisor` command from the TypeScript sources (through tsx), so tests exercise the
 * code as it is, not a possibly stale dist/. The compiled entry point has its own tests (test/production/).
 */
export const CLI_ARGS: readonly string[] = ['--import', 'tsx', join(import.meta.dirname, '..', '..', 'src', 'cli.ts')];

/** What a finished CLI run printed and how it exited. */
export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `some-advisor` with arguments, stdin text and extra environment; resolves when it exits. */
export function runCli(args: string[], stdin = '', env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...CLI_ARGS, ...args], { env: { ...process.env, LOG_LEVEL: 'warn', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}
