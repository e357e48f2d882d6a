import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import type { Message } from '../../../src/core/message.ts';
import { CLI } from '../../support/run-cli.ts';

/** The repository root (the CLI runs from there). */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** A small knowledge folder for store integration tests: three linked FAQ entries and a two-question flow. */
export const FIXTURE_KNOWLEDGE = fileURLToPath(new URL('../fixtures/knowledge/', import.meta.url));

/** One line of `chat --json` output. */
export interface ChatReply {
  messages: Message[];
  flow: { id: string; node: string; outcome: boolean } | null;
}

/** The environment for a CLI child: this process's, minus store settings, plus `env`. */
export function cliEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { ...process.env, KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE, LOG_LEVEL: 'warn' };
  delete base.DATABASE_URL;
  delete base.SQLITE_PATH;
  return { ...base, ...env };
}

/** Starts `some-advisor <args>` as a child process from the repository root. */
export function spawnCli(args: string[], env: Record<string, string>): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, env: cliEnv(env) });
}

/** A running `some-advisor chat --json` process that the test talks to line by line. */
export class ChatProcess {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly pending: { resolve: (line: string) => void; reject: (error: Error) => void }[] = [];
  private readonly buffered: string[] = [];
  private stderrText = '';
  /** Resolves with the exit code (null when killed by a signal). */
  readonly exited: Promise<number | null>;

  constructor(conversationId: string, env: Record<string, string>, lang: 'da' | 'en' = 'da') {
    this.child = spawnCli(['chat', '--json', '--conversation', conversationId, '--lang', lang], env);
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderrText += chunk.toString()));
    createInterface({ input: this.child.stdout }).on('line', (line) => {
      const waiter = this.pending.shift();
      if (waiter) waiter.resolve(line);
      else this.buffered.push(line);
    });
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
    // A process that dies fails the waiting test at once, with its stderr, instead of after a timeout.
    this.child.on('exit', (code, signal) => {
      for (const waiter of this.pending.splice(0)) waiter.reject(new Error(`chat exited (${signal ?? code}) before replying; stderr:\n${this.stderrText}`));
    });
  }

  /** What the process wrote to stderr so far (its logs). */
  get stderr(): string {
    return this.stderrText;
  }

  /** True while the process runs. */
  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Sends one input (text, or a JSON object such as `{"action":"…"}`) and waits for its one reply line. */
  async send(input: string | Record<string, unknown>, timeoutMs = 45_000): Promise<ChatReply> {
    const line = this.nextLine(timeoutMs);
    this.child.stdin.write(`${typeof input === 'string' ? input : JSON.stringify(input)}\n`);
    return JSON.parse(await line) as ChatReply;
  }

  /** Writes several inputs at once (so the process handles them back to back) and waits for all their replies. */
  async sendAll(inputs: string[], timeoutMs = 45_000): Promise<ChatReply[]> {
    const lines = inputs.map(() => this.nextLine(timeoutMs));
    this.child.stdin.write(inputs.map((input) => `${input}\n`).join(''));
    return (await Promise.all(lines)).map((line) => JSON.parse(line) as ChatReply);
  }

  /** Kills the process without letting it clean up (a crash), and waits for it to be gone. */
  async crash(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.exited;
  }

  /** Closes stdin (the chat ends normally) and waits for the exit code. */
  async end(): Promise<number | null> {
    this.child.stdin.end();
    return this.exited;
  }

  private nextLine(timeoutMs: number): Promise<string> {
    const ready = this.buffered.shift();
    if (ready !== undefined) return Promise.resolve(ready);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no reply within ${timeoutMs} ms; stderr:\n${this.stderrText}`)), timeoutMs);
      this.pending.push({
        resolve: (line) => {
          clearTimeout(timer);
          resolve(line);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
    });
  }
}

/** The headings and texts of a reply, for readable assertions. */
export function replyText(reply: ChatReply): string {
  return reply.messages
    .flatMap((m) => m.blocks.flatMap((b) => (b.type === 'heading' ? [b.text] : b.type === 'text' ? [b.markdown] : [])))
    .join('\n');
}
