import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { freePort } from './free-port.ts';
import { spawnCli } from './chat-process.ts';

/** Log levels at which serve logs `listening on …` (info); spawnCli's default is warn. */
const INFO_LEVELS = new Set(['info', 'debug', 'trace']);

/** A running `some-advisor serve` on a free loopback port. */
export class ServeProcess {
  private stdoutText = '';
  private stderrText = '';
  readonly exited: Promise<number | null>;

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    readonly baseUrl: string,
  ) {
    child.stdout.on('data', (chunk: Buffer) => (this.stdoutText += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (this.stderrText += chunk.toString()));
    this.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  }

  /**
   * Starts the server with `env` (on 127.0.0.1 unless `env.HOST` says otherwise) and waits until `/healthz` answers and,
   * when the log level shows it, until serve has logged `listening on …`: its last step before it waits for a stop
   * signal (Socket Mode connected, surfaces logged, the knowledge watcher started).
   */
  static async start(env: Record<string, string>, timeoutMs = 45_000): Promise<ServeProcess> {
    const port = await freePort();
    const serve = new ServeProcess(spawnCli(['serve'], { PLAYGROUND: 'off', HOST: '127.0.0.1', ...env, PORT: String(port) }), `http://127.0.0.1:${port}`);
    const deadline = Date.now() + timeoutMs;
    const logsListening = INFO_LEVELS.has(env.LOG_LEVEL ?? '');
    while (!(await serve.answers('/healthz')) || (logsListening && !serve.stderrText.includes('"msg":"listening on '))) {
      if (!serve.alive) throw new Error(`serve exited before listening; stderr:\n${serve.stderrText}`);
      if (Date.now() > deadline) throw new Error(`serve did not listen within ${timeoutMs} ms; stderr:\n${serve.stderrText}`);
      await new Promise((r) => setTimeout(r, 25));
    }
    return serve;
  }

  /** True when `path` answers 200 (false while nothing listens yet). */
  private async answers(path: string): Promise<boolean> {
    try {
      const response = await fetch(`${this.baseUrl}${path}`, { signal: AbortSignal.timeout(1_000) });
      await response.arrayBuffer();
      return response.ok;
    } catch {
      return false;
    }
  }

  /** What the process wrote to stdout so far. */
  get stdout(): string {
    return this.stdoutText;
  }

  /** What the process wrote to stderr so far (its log lines). */
  get stderr(): string {
    return this.stderrText;
  }

  /** Sends a signal (e.g. SIGHUP to reload knowledge, SIGTERM to shut down) without waiting. */
  signal(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  /** True while the process runs. */
  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** GETs a path and returns the status and parsed JSON body. */
  async get(path: string): Promise<{ status: number; body: unknown }> {
    const response = await fetch(`${this.baseUrl}${path}`, { signal: AbortSignal.timeout(10_000) });
    return { status: response.status, body: await response.json() };
  }

  /** Asks the server to shut down (SIGTERM) and waits for the exit code. */
  async stop(): Promise<number | null> {
    if (this.alive) this.child.kill('SIGTERM');
    return this.exited;
  }
}
