import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_RATE_LIMIT } from './bench-config.ts';
import { BENCH_SIGNING_SECRET } from './platform-requests.ts';
import { spawnServer, type SpawnedServer } from './spawned-server.ts';
import { median } from './stats.ts';

/** Startup and idle memory of the compiled `node bin/some-advisor.js serve` (dist/, built by `npm run bench`); the last server started is kept running for the rest. */
export interface StartupResult {
  readyMs: number;
  readyRuns: number[];
  idleRssMb: number;
  server: SpawnedServer;
  /** Stops the server and removes its temp SQLite folder. */
  cleanup(): Promise<void>;
}

const IDLE_SETTLE_MS = 1000;

/** Starts `serve` `runs` times (temp SQLite, free port, Slack on HTTP against `sinkUrl`) and times `/readyz` 200. */
export async function startupBench(sinkUrl: string, runs: number): Promise<StartupResult> {
  const dir = await mkdtemp(join(tmpdir(), 'some-bench-serve-'));
  const env = {
    SQLITE_PATH: join(dir, 'bench.db'),
    RATE_LIMIT_PER_MINUTE: BENCH_RATE_LIMIT,
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: BENCH_SIGNING_SECRET,
    SLACK_API_URL: `${sinkUrl}api/`,
    ANALYTICS_SECRET: 'bench-analytics-secret-0123456789',
    PLAYGROUND: 'off',
    LOG_LEVEL: 'info',
  };
  const readyRuns: number[] = [];
  let server: SpawnedServer | undefined;
  for (let i = 0; i < runs; i++) {
    await server?.stop();
    server = await spawnServer(['bin/some-advisor.js', 'serve'], env);
    readyRuns.push(server.readyMs);
  }
  if (!server) throw new Error('startupBench needs at least one run');
  await new Promise((resolve) => setTimeout(resolve, IDLE_SETTLE_MS));
  const idleRssMb = await server.rssMb();
  const running = server;
  return {
    readyMs: median(readyRuns),
    readyRuns,
    idleRssMb,
    server: running,
    async cleanup() {
      await running.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
