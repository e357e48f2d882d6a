import pg from 'pg';

/** The local PostgreSQL server the benchmark uses (trust auth on loopback). */
export const PG_SERVER_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A throw-away database: its URL and how to drop it. */
export interface TempDatabase {
  url: string;
  drop(): Promise<void>;
}

/** Creates a fresh database for one run on the server at `serverUrl`; `drop()` removes it. */
export async function createTempDatabase(serverUrl = PG_SERVER_URL): Promise<TempDatabase> {
  const name = `some_bench_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 2000 });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
