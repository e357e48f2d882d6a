import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { PostgresStore } from '../../../src/store/postgres/postgres-store.ts';
import type { TestDatabase } from '../store-contract.ts';

/** The server to test against (TEST_DATABASE_URL), or undefined to skip the PostgreSQL tests. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

/** The URL of `database` on the same server as `baseUrl`. */
export function databaseUrl(baseUrl: string, database: string): string {
  const url = new URL(baseUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin<T>(baseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database with a random name on the test server; `drop` removes it (closing leftover sessions). */
export async function createPgDatabase(baseUrl: string): Promise<TestDatabase & { url: string }> {
  const name = `some_advisor_test_${randomBytes(6).toString('hex')}`;
  await admin(baseUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = databaseUrl(baseUrl, name);
  return {
    url,
    open: (migrations) => new PostgresStore({ connectionString: url, migrations, maxConnections: 4 }),
    appliedVersions: () =>
      admin(url, async (c) => (await c.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).rows.map((r) => r.version)),
    drop: async () => {
      await admin(baseUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/**
 * One database for a whole test file, emptied for each test: every `createDatabase()` drops and recreates its `public`
 * schema (tens of milliseconds, where a new database takes hundreds). `dispose` drops the database.
 */
export function recycledPgDatabase(baseUrl: string): { createDatabase(): Promise<TestDatabase>; dispose(): Promise<void> } {
  let db: (TestDatabase & { url: string }) | undefined;
  return {
    async createDatabase() {
      if (db) await admin(db.url, (c) => c.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public'));
      else db = await createPgDatabase(baseUrl);
      return { ...db, drop: async () => undefined };
    },
    async dispose() {
      await db?.drop();
      db = undefined;
    },
  };
}
