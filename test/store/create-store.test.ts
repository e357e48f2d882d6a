import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/create-store.ts';
import { PostgresStore } from '../../src/store/postgres/postgres-store.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { TEST_DATABASE_URL } from './support/pg-test-database.ts';

describe('createStore', () => {
  it('uses the SQLite file when no DATABASE_URL is given', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'some-advisor-create-'));
    try {
      const store = await createStore({ sqlitePath: join(dir, 'data', 'some-advisor.db') });
      expect(store).toBeInstanceOf(SqliteStore);
      await store.migrate();
      await store.ping();
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('uses PostgreSQL when a DATABASE_URL is given, without connecting yet', async () => {
    const store = await createStore({ databaseUrl: 'postgres://nobody@127.0.0.1:1/none', sqlitePath: '/unused' });
    expect(store).toBeInstanceOf(PostgresStore);
    await store.close();
  });

  it.skipIf(!TEST_DATABASE_URL)('reaches the PostgreSQL server at DATABASE_URL', async () => {
    const store = await createStore({ databaseUrl: TEST_DATABASE_URL, sqlitePath: '/unused' });
    await store.ping();
    await store.close();
  });
});
