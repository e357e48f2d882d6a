import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { generateAnalyticsEvents } from './analytics-events.ts';
import { spawnServer } from './spawned-server.ts';
import { latencyOf, median, type Latency } from './stats.ts';

/** `/healthz` latency while `/insights` is requested again and again over many analytics events. */
export interface InsightsResult {
  events: number;
  seconds: number;
  /** Latency of the /healthz requests that were answered; `failed` counts those that were not (connection reset, error status). */
  healthz: Latency & { requests: number; failed: number };
  /** /insights requests completed and their median duration. */
  insightsRequests: number;
  insightsMedianMs: number;
}

const HEALTHZ_EVERY_MS = 20;

async function timed(url: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url);
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return performance.now() - started;
}

/**
 * Writes `events` generated analytics events into a SQLite file, starts `serve` on it (playground on loopback) and for
 * `seconds` requests `/insights` one after another, each with a different `since` (so the one-minute cache never
 * answers and every request builds the report), while `/healthz` is requested every 20 ms.
 */
export async function insightsBench(events: number, seconds: number): Promise<InsightsResult> {
  const dir = await mkdtemp(join(tmpdir(), 'some-bench-insights-'));
  const sqlitePath = join(dir, 'bench.db');
  const store = new SqliteStore(sqlitePath);
  await store.migrate();
  await generateAnalyticsEvents(store, events);
  await store.close();
  const server = await spawnServer(['bin/some-advisor.js', 'serve'], { SQLITE_PATH: sqlitePath, HOST: '127.0.0.1', PLAYGROUND: 'on', LOG_LEVEL: 'warn', ANALYTICS_SECRET: 'bench-analytics-secret-0123456789' });
  try {
    const until = performance.now() + seconds * 1000;
    const insights: number[] = [];
    const healthz: number[] = [];
    let failed = 0;
    const insightsLoop = (async () => {
      for (let day = 1; performance.now() < until; day++) {
        const since = new Date(Date.UTC(2020, 0, day)).toISOString().slice(0, 10);
        insights.push(await timed(`${server.base}/insights?since=${since}`));
      }
    })();
    while (performance.now() < until) {
      await timed(`${server.base}/healthz`).then(
        (latency) => healthz.push(latency),
        () => failed++,
      );
      await new Promise((resolve) => setTimeout(resolve, HEALTHZ_EVERY_MS));
    }
    await insightsLoop;
    return { events, seconds, healthz: { ...latencyOf(healthz), requests: healthz.length, failed }, insightsRequests: insights.length, insightsMedianMs: median(insights) };
  } finally {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
