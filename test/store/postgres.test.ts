import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/store/migrations/all-migrations.ts';
import { MIGRATION_LOCK_KEY } from '../../src/store/postgres/pg-migrate.ts';
import { PostgresStore } from '../../src/store/postgres/postgres-store.ts';
import { StoreConfigurationError, StoreUnavailableError } from '../../src/store/store.ts';
import { createOutageDatabase, createPgDatabase, databaseUrl, recycledPgDatabase, TEST_DATABASE_URL } from './support/pg-test-database.ts';
import { describeStoreContract } from './store-contract.ts';
import { freePort } from './support/free-port.ts';
import { TcpOutage } from './support/tcp-outage.ts';

describe.skipIf(!TEST_DATABASE_URL)('PostgresStore', () => {
  const baseUrl = TEST_DATABASE_URL ?? '';
  const contractDatabase = recycledPgDatabase(baseUrl);
  afterAll(() => contractDatabase.dispose());
  describeStoreContract(contractDatabase);

  describe('when the server is down', () => {
    const cleanup: (() => Promise<void>)[] = [];
    afterEach(async () => {
      for (const step of cleanup.splice(0).reverse()) await step();
    });

    it('reports StoreUnavailableError on every call when pointed at a closed port', async () => {
      const url = new URL(baseUrl);
      url.port = String(await freePort());
      const store = new PostgresStore({ connectionString: url.toString(), connectTimeoutMs: 1000 });
      cleanup.push(() => store.close());
      const started = Date.now();
      await expect(store.ping()).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.ping()).rejects.toThrow(/The store is unavailable: .*ECONNREFUSED.*; check that the PostgreSQL server named in DATABASE_URL is running/);
      await expect(store.migrate()).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.loadConversation('c1')).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.saveConversation('c1', { activeChoices: [], transcript: [] }, null)).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.markEventSeen('Ev01', 1000)).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.createCaseWithNotifications({ payload: {} }, () => [])).rejects.toBeInstanceOf(StoreUnavailableError);
      expect(Date.now() - started).toBeLessThan(5000);
    });

    it('reports StoreConfigurationError, naming DATABASE_URL, for a database that does not exist or a role that may not log in', async () => {
      const noDatabase = new PostgresStore({ connectionString: databaseUrl(baseUrl, 'some_advisor_no_such_db') });
      cleanup.push(() => noDatabase.close());
      await expect(noDatabase.ping()).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(noDatabase.migrate()).rejects.toBeInstanceOf(StoreConfigurationError);
      await expect(noDatabase.ping()).rejects.toThrow(/^The database refused the connection: .*some_advisor_no_such_db.*; check the user name, password and database name in DATABASE_URL$/);
      const url = new URL(baseUrl);
      url.username = 'some_advisor_no_such_role';
      const noRole = new PostgresStore({ connectionString: url.toString() });
      cleanup.push(() => noRole.close());
      await expect(noRole.ping()).rejects.toBeInstanceOf(StoreConfigurationError);
    });

    it('reports StoreUnavailableError while the database does not accept connections, also for pooled ones cut by pg_terminate_backend', async () => {
      const db = await createOutageDatabase(baseUrl, cleanup);
      const store = new PostgresStore({ connectionString: db.url, connectTimeoutMs: 1000 });
      cleanup.push(() => store.close());
      await store.migrate();
      await store.saveConversation('c1', { activeChoices: [], transcript: [] }, null);

      await db.takeDown();
      for (const call of [() => store.ping(), () => store.migrate(), () => store.loadConversation('c1'), () => store.createCaseWithNotifications({ payload: {} }, () => [])]) {
        const failure = await call().then(() => undefined, (error: unknown) => error);
        expect(failure).toBeInstanceOf(StoreUnavailableError);
        expect(failure).not.toBeInstanceOf(StoreConfigurationError);
      }
      // Once the cut connections are gone, every new one is refused by the server.
      await expect(store.ping()).rejects.toThrow(/not currently accepting connections.*DATABASE_URL/);

      await db.bringBack();
      await expect(store.ping()).resolves.toBeUndefined();
      expect(await store.saveConversation('c1', { activeChoices: ['x'], transcript: [] }, 1)).toBe(2);
    });

    it('recovers by itself once the server is reachable again', async () => {
      const db = await createPgDatabase(baseUrl);
      cleanup.push(() => db.drop());
      const server = new URL(db.url);
      const outage = new TcpOutage(server.hostname, Number(server.port || 5432));
      await outage.up();
      cleanup.push(() => outage.down());
      const store = new PostgresStore({ connectionString: outage.rewrite(db.url), connectTimeoutMs: 1000 });
      cleanup.push(() => store.close());
      await store.migrate();
      await store.saveConversation('c1', { activeChoices: [], transcript: [] }, null);

      await outage.down();
      // Pooled connections were cut mid-life and new ones are refused.
      await expect(store.ping()).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.saveConversation('c1', { activeChoices: ['x'], transcript: [] }, 1)).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.createCaseWithNotifications({ payload: {} }, () => [])).rejects.toBeInstanceOf(StoreUnavailableError);

      await outage.up();
      await expect(store.ping()).resolves.toBeUndefined();
      expect(await store.saveConversation('c1', { activeChoices: ['x'], transcript: [] }, 1)).toBe(2);
      expect((await store.createCaseWithNotifications({ payload: {} }, () => [])).number).toMatch(/^KL-\d{4}-0001$/);
    });
  });

  describe('migration lock', () => {
    it('waits for pg_advisory_lock held by another instance before migrating', async () => {
      const db = await createPgDatabase(baseUrl);
      const holder = new pg.Client({ connectionString: db.url });
      await holder.connect();
      const store = db.open();
      try {
        await holder.query('SELECT pg_advisory_lock($1::bigint)', [MIGRATION_LOCK_KEY]);
        let done = false;
        const migrating = store.migrate().then(() => (done = true));
        await new Promise((r) => setTimeout(r, 300));
        expect(done).toBe(false);
        await holder.query('SELECT pg_advisory_unlock($1::bigint)', [MIGRATION_LOCK_KEY]);
        await migrating;
        expect(await db.appliedVersions()).toEqual(MIGRATIONS.map((m) => m.version));
      } finally {
        await holder.end();
        await store.close();
        await db.drop();
      }
    });

    it('lets five instances start against one empty database at once', async () => {
      const db = await createPgDatabase(baseUrl);
      const stores = Array.from({ length: 5 }, () => db.open());
      try {
        await Promise.all(stores.map((s) => s.migrate()));
        expect(await db.appliedVersions()).toEqual(MIGRATIONS.map((m) => m.version));
      } finally {
        await Promise.all(stores.map((s) => s.close()));
        await db.drop();
      }
    });
  });
});
