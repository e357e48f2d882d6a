import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { loadConfig } from '../src/config/config.ts';
import type { Message } from '../src/core/message.ts';
import { loadFlowEngine } from '../src/dialogs/load-flow-engine.ts';
import { createRuntime } from '../src/main.ts';
import { BENCH_RATE_LIMIT } from './bench-config.ts';
import { latencyOf, type Latency } from './stats.ts';
import { TurnMix } from './turn-mix.ts';
import { createTempDatabase } from './pg-database.ts';

/** Core figures for one store: turns per second (one turn in flight) and Bot.handle latency in ms. */
export interface CoreFigures extends Latency {
  turnsPerSecond: number;
  turns: number;
}

/** Section 2: Bot.handle on SQLite and PostgreSQL; `postgres` is a reason string when it could not run. */
export interface CoreResult {
  sqlite: CoreFigures;
  postgres: CoreFigures | string;
}

const CONVERSATIONS = 50;

/** Runs `warmup` uncounted and then `turns` counted turns through a runtime built by the composition root. */
async function measure(env: Record<string, string>, questions: readonly string[], turns: number, warmup: number): Promise<CoreFigures> {
  // Production logs every turn at info; the lines go to a sink so their cost is counted but nothing is printed.
  const logger = pino({ level: 'info' }, { write: () => undefined });
  const runtime = await createRuntime(loadConfig({ ANALYTICS_SECRET: 'bench-analytics-secret-0123456789', RATE_LIMIT_PER_MINUTE: BENCH_RATE_LIMIT, ...env }), logger, loadFlowEngine, { outbox: false });
  try {
    const mixes = Array.from({ length: CONVERSATIONS }, (_, i) => new TurnMix(questions, i * 7));
    const last: Message[][] = mixes.map(() => []);
    const samples: number[] = [];
    let started = 0;
    for (let i = 0; i < warmup + turns; i++) {
      if (i === warmup) started = performance.now();
      const c = i % CONVERSATIONS;
      const input = mixes[c]?.input(last[c] ?? []) ?? { kind: 'text', text: 'menu' };
      const t0 = performance.now();
      last[c] = await runtime.bot.handle({ channel: 'slack', conversationId: `bench-${c}`, user: { id: `U${c}`, locale: 'da' }, input });
      if (i >= warmup) samples.push(performance.now() - t0);
    }
    const elapsed = performance.now() - started;
    return { ...latencyOf(samples), turnsPerSecond: (turns * 1000) / elapsed, turns };
  } finally {
    await runtime.close();
  }
}

/** Measures Bot.handle with a temp SQLite file and with a fresh PostgreSQL database (dropped afterwards). */
export async function coreBench(questions: readonly string[], turns: number, warmup: number, withPostgres: boolean): Promise<CoreResult> {
  const dir = await mkdtemp(join(tmpdir(), 'some-bench-core-'));
  let sqlite: CoreFigures;
  try {
    sqlite = await measure({ SQLITE_PATH: join(dir, 'bench.db') }, questions, turns, warmup);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  if (!withPostgres) return { sqlite, postgres: 'skipped' };
  let database;
  try {
    database = await createTempDatabase();
  } catch (error) {
    return { sqlite, postgres: `PostgreSQL unreachable (${error instanceof Error ? error.message : String(error)})` };
  }
  try {
    return { sqlite, postgres: await measure({ DATABASE_URL: database.url }, questions, turns, warmup) };
  } finally {
    await database.drop();
  }
}
