import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { CLI } from '../../support/run-cli.ts';

/** One line printed by `chat --json`: a reply, or a pushed notification. */
export interface ChatLine {
  messages?: { blocks: { type: string; [key: string]: unknown }[]; fallback: string }[];
  flow?: unknown;
  notification?: { messages: { fallback: string }[] };
}

/** A running `some-advisor chat --json` process that a test talks to line by line. */
export interface JsonChat {
  /** Sends one input line and resolves with the reply line it produced. */
  send(input: string | object): Promise<ChatLine>;
  /** Waits for a pushed notification line. */
  notification(timeoutMs?: number): Promise<ChatLine>;
  child: ChildProcessWithoutNullStreams;
  /** Ends stdin and waits for the process to exit. */
  close(): Promise<void>;
}

/** Spawns the JSON chat with the given environment. */
export function startJsonChat(env: Record<string, string>, args: string[] = []): JsonChat {
  const child = spawn(process.execPath, [CLI, 'chat', '--json', '--conversation', 'console:e2e', '--user', 'e2e-user', ...args], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const replies: ChatLine[] = [];
  const notifications: ChatLine[] = [];
  const waiters: (() => void)[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    const parsed = JSON.parse(line) as ChatLine;
    (parsed.notification ? notifications : replies).push(parsed);
    for (const wake of waiters.splice(0)) wake();
  });
  const take = async (queue: ChatLine[], what: string, timeoutMs: number): Promise<ChatLine> => {
    const deadline = Date.now() + timeoutMs;
    while (queue.length === 0) {
      if (Date.now() > deadline || child.exitCode !== null || child.signalCode !== null) throw new Error(`no ${what} from chat --json within ${timeoutMs} ms; stderr: ${stderr}`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
    return queue.shift() as ChatLine;
  };
  return {
    child,
    send(input) {
      child.stdin.write(`${typeof input === 'string' ? input : JSON.stringify(input)}\n`);
      return take(replies, 'reply', 15_000);
    },
    notification: (timeoutMs = 15_000) => take(notifications, 'notification', timeoutMs),
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.stdin.end();
      }),
  };
}
