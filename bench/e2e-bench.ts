import { runRound, type RoundResult } from './load-round.ts';
import type { SendMessage } from './platform-requests.ts';
import type { ReplyWaiters } from './reply-waiters.ts';
import { median } from './stats.ts';

/** One platform's end-to-end comparison: medians over alternating rounds (warm-up rounds excluded). */
export interface E2eResult {
  rounds: number;
  requestsPerRound: number;
  concurrency: number;
  /** Median over rounds of ours' throughput divided by the bare app's in the same round pair. */
  throughputRatio: number;
  ours: { throughput: number; ackP99: number; replyP99: number; failures: number };
  bare: { throughput: number; ackP99: number; replyP99: number; failures: number };
}

/** The two sides of a comparison and the load to put on them. */
export interface E2eOptions {
  ours: SendMessage;
  bare: SendMessage;
  waiters: ReplyWaiters;
  /** Conversation key prefix for this platform (Slack DM channels start with D). */
  prefix: string;
  rounds: number;
  requestsPerRound: number;
  concurrency: number;
  text: (i: number) => string;
}

const summary = (rs: RoundResult[]) => ({
  throughput: median(rs.map((r) => r.throughput)),
  ackP99: median(rs.map((r) => r.ackP99)),
  replyP99: median(rs.map((r) => r.replyP99)),
  failures: rs.reduce((n, r) => n + r.failures, 0),
});

/** Alternates rounds (ours first in even rounds, bare first in odd ones) after one uncounted warm-up round each. */
export async function e2eBench(o: E2eOptions): Promise<E2eResult> {
  const round = (side: 'ours' | 'bare', r: number, requests: number) =>
    runRound({ send: o[side], waiters: o.waiters, prefix: `${o.prefix}${side}R${r}`, requests, concurrency: o.concurrency, text: o.text, users: 32 });
  await round('ours', -1, Math.max(o.concurrency * 4, Math.floor(o.requestsPerRound / 3)));
  await round('bare', -1, Math.max(o.concurrency * 4, Math.floor(o.requestsPerRound / 3)));
  const ours: RoundResult[] = [];
  const bare: RoundResult[] = [];
  for (let r = 0; r < o.rounds; r++) {
    if (r % 2 === 0) {
      ours.push(await round('ours', r, o.requestsPerRound));
      bare.push(await round('bare', r, o.requestsPerRound));
    } else {
      bare.push(await round('bare', r, o.requestsPerRound));
      ours.push(await round('ours', r, o.requestsPerRound));
    }
  }
  const ratios = ours.map((r, i) => r.throughput / (bare[i]?.throughput ?? Number.NaN));
  return {
    rounds: o.rounds,
    requestsPerRound: o.requestsPerRound,
    concurrency: o.concurrency,
    throughputRatio: median(ratios),
    ours: summary(ours),
    bare: summary(bare),
  };
}
