import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PostgresStore } from '../../../src/store/postgres/postgres-store.ts';
import { SqliteStore } from '../../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../../src/store/store.ts';
import { createPgDatabase, TEST_DATABASE_URL } from './pg-test-database.ts';

/** A fresh store for CLI processes: the environment that points them at it, and a direct handle for assertions. */
export interface CliStore {
  env: Record<string, string>;
  /** A store instance in the test process on the same database (closed by `dispose`). */
  inspect(): Store;
  dispose(): Promise<void>;
}

/** A new SQLite file in a temporary directory (SQLITE_PATH). */
export async function sqliteCliStore(): Promise<CliStore> {
  const dir = mkdtempSync(join(tmpdir(), 'some-advisor-cli-'));
  const path = join(dir, 'data', 'some-advisor.db');
  const opened: Store[] = [];
  return {
    env: { SQLITE_PATH: path },
    inspect: () => {
      const store = new SqliteStore(path);
      opened.push(store);
      return store;
    },
    dispose: async () => {
      await Promise.all(opened.map((s) => s.close()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A new PostgreSQL database on the test server (DATABASE_URL). */
export async function postgresCliStore(): Promise<CliStore> {
  const db = await createPgDatabase(TEST_DATABASE_URL ?? '');
  const opened: Store[] = [];
  return {
    env: { DATABASE_URL: db.url },
    inspect: () => {
      const store = new PostgresStore({ connectionString: db.url });
      opened.push(store);
      return store;
    },
    dispose: async () => {
      await Promise.all(opened.map((s) => s.close()));
      await db.drop();
    },
  };
}

/** The store kinds to run CLI integration tests against: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const CLI_STORES: { name: string; make: () => Promise<CliStore>; enabled: boolean }[] = [
  { name: 'SQLite', make: sqliteCliStore, enabled: true },
  { name: 'PostgreSQL', make: postgresCliStore, enabled: Boolean(TEST_DATABASE_URL) },
];
