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

/** A test database whose outage a test can make and end, as the IT trial did: the server refuses it and ends its sessions. */
export interface OutageDatabase {
  url: string;
  /** Refuses new connections to the database (ALLOW_CONNECTIONS false) and ends the open ones (pg_terminate_backend), waiting until they are gone. */
  takeDown(): Promise<void>;
  /** Refuses new connections only, leaving open sessions (a database that is down when a process starts). */
  refuseConnections(): Promise<void>;
  /** Accepts connections again. */
  bringBack(): Promise<void>;
}

/** How long takeDown() waits for each ended session to be gone (pg_terminate_backend's timeout, PostgreSQL 14+). */
const TERMINATE_WAIT_MS = 10_000;

/** Creates such a database; the steps that undo it (accept connections, close the admin session, drop it) go to `cleanup`. */
export async function createOutageDatabase(baseUrl: string, cleanup: (() => Promise<unknown>)[]): Promise<OutageDatabase> {
  const db = await createPgDatabase(baseUrl);
  cleanup.push(() => db.drop());
  const name = new URL(db.url).pathname.slice(1);
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  cleanup.push(() => client.end());
  const allowConnections = (allow: boolean) => client.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS ${String(allow)}`);
  cleanup.push(() => allowConnections(true));
  return {
    url: db.url,
    async takeDown() {
      await allowConnections(false);
      // wait for each session to end: a backend slow to act on the signal (a loaded CI machine) would otherwise answer
      // the first query after bringBack() with "terminating connection due to administrator command"
      await client.query('SELECT pg_terminate_backend(pid, $2) FROM pg_stat_activity WHERE datname = $1', [name, TERMINATE_WAIT_MS]);
    },
    refuseConnections: async () => void (await allowConnections(false)),
    bringBack: async () => void (await allowConnections(true)),
  };
}
