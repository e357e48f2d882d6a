import pg from 'pg';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.ts';
import { loadFlowEngine } from '../../src/dialogs/load-flow-engine.ts';
import { createRuntime, type Runtime } from '../../src/main.ts';
import { FIXTURE_KNOWLEDGE } from './support/chat-process.ts';
import { createPgDatabase, TEST_DATABASE_URL } from './support/pg-test-database.ts';

describe('DATABASE_POOL_MAX', () => {
  it('defaults to 10, takes a whole number from 1 to 1000, and names itself when the value is bad', () => {
    expect(loadConfig({}).DATABASE_POOL_MAX).toBe(10);
    expect(loadConfig({ DATABASE_POOL_MAX: '' }).DATABASE_POOL_MAX).toBe(10);
    expect(loadConfig({ DATABASE_POOL_MAX: ' 25 ' }).DATABASE_POOL_MAX).toBe(25);
    for (const bad of ['0', 'ten', '2.5', '-3', '1001']) {
      expect(() => loadConfig({ DATABASE_POOL_MAX: bad }), bad).toThrow(ConfigError);
      expect(() => loadConfig({ DATABASE_POOL_MAX: bad }), bad).toThrow(/DATABASE_POOL_MAX: must be/);
    }
  });

  describe.skipIf(!TEST_DATABASE_URL)('on PostgreSQL', () => {
    const cleanup: (() => Promise<void>)[] = [];
    afterEach(async () => {
      for (const step of cleanup.splice(0).reverse()) await step();
    });

    it('opens at most DATABASE_POOL_MAX connections per instance, however many turns wait', { timeout: 30_000 }, async () => {
      const db = await createPgDatabase(TEST_DATABASE_URL ?? '');
      cleanup.push(() => db.drop());
      const config = loadConfig({ DATABASE_URL: db.url, DATABASE_POOL_MAX: '3', KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE, ANALYTICS_SECRET: 'pool-size-analytics-secret' });
      const runtime: Runtime = await createRuntime(config, pino({ level: 'silent' }), loadFlowEngine, { outbox: false });
      cleanup.push(() => runtime.close());
      const admin = new pg.Client({ connectionString: db.url });
      await admin.connect();
      cleanup.push(() => admin.end());
      // Every conversation read waits behind this lock, each holding a pooled connection while it waits.
      await admin.query('BEGIN');
      await admin.query('LOCK TABLE conversations IN ACCESS EXCLUSIVE MODE');
      const waiting = Array.from({ length: 20 }, (_, i) => runtime.store.loadConversation(`c${i}`));
      const connections = async () => {
        const { rows } = await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
        return rows[0]?.n ?? 0;
      };
      const counts: number[] = [];
      // on a loaded machine the pool may take a while to open its connections: sample until it has its three (or 15 s
      // have passed), then 20 times more, so one over the limit would still show
      const deadline = Date.now() + 15_000;
      let after = 0;
      while (after < 20 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        counts.push(await connections());
        if (Math.max(...counts) >= 3) after += 1;
      }
      await admin.query('COMMIT');
      expect(await Promise.all(waiting)).toEqual(Array.from({ length: 20 }, () => null));
      expect(Math.max(...counts)).toBe(3);
    });
  });
});
