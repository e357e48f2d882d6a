import type { SendMessage } from './platform-requests.ts';
import type { ReplyWaiters } from './reply-waiters.ts';
import { quantile } from './stats.ts';

/** One closed-loop round: each of `concurrency` workers sends, waits for the ack and the reply, then sends the next. */
export interface RoundOptions {
  send: SendMessage;
  waiters: ReplyWaiters;
  /** Conversation key prefix: keeps each round's conversations apart (Dxxx for Slack channels). */
  prefix: string;
  requests: number;
  concurrency: number;
  /** The text of request `i`. */
  text: (i: number) => string;
  /** Users are `U<prefix-free index>` modulo this many. */
  users: number;
  replyTimeoutMs?: number;
}

/** What one round measured: completed requests per second, p99 ack and p99 request→reply (ms), and failures. */
export interface RoundResult {
  throughput: number;
  ackP99: number;
  replyP99: number;
  failures: number;
}

const KEYS_PER_WORKER = 4;

/** Runs one round; every request is bounded by the reply timeout, so the round always ends. */
export async function runRound(options: RoundOptions): Promise<RoundResult> {
  const acks: number[] = [];
  const replies: number[] = [];
  let failures = 0;
  let issued = 0;
  const timeout = options.replyTimeoutMs ?? 10_000;
  const worker = async (w: number) => {
    for (let k = 0; ; k++) {
      const i = issued;
      if (i >= options.requests) return;
      issued += 1;
      const key = `${options.prefix}W${w}K${k % KEYS_PER_WORKER}`;
      const user = `U${(w * KEYS_PER_WORKER + (k % KEYS_PER_WORKER)) % options.users}`;
      const sentAt = performance.now();
      const reply = options.waiters.wait(key, sentAt, timeout);
      const status = await options.send(key, user, options.text(i)).catch(() => 0);
      acks.push(performance.now() - sentAt);
      const arrivedAt = await reply;
      if (status !== 200 || arrivedAt === undefined) failures += 1;
      else replies.push(arrivedAt - sentAt);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: options.concurrency }, (_, w) => worker(w)));
  const elapsed = performance.now() - started;
  return { throughput: ((options.requests - failures) * 1000) / elapsed, ackP99: quantile(acks, 0.99), replyP99: quantile(replies, 0.99), failures };
}
