import type { Pool, PoolClient } from 'pg';
import type { Migration } from '../migrations/migration.ts';
import { isConnectionError } from './pg-errors.ts';

/** The advisory lock id that serialises migrations of one database across instances ("SoMe" in ASCII followed by 01). */
export const MIGRATION_LOCK_KEY = 0x536f4d65_01;

async function applyPending(client: PoolClient, migrations: readonly Migration[]): Promise<void> {
  await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
  )`);
  const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
  const applied = new Set(rows.map((r) => r.version));
  for (const m of migrations) {
    if (applied.has(m.version)) continue;
    await client.query('BEGIN');
    try {
      await client.query(m.postgres);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }
}

/**
 * Applies pending migrations while holding a session-level `pg_advisory_lock`, so instances that start together
 * take turns: the first applies them, the others then find nothing left to do.
 */
export async function migratePostgres(pool: Pool, migrations: readonly Migration[]): Promise<void> {
  const client = await pool.connect();
  let broken: Error | undefined;
  // A checked-out client has no pool listener; a cut connection must fail the next query, not crash the process.
  const onError = (error: Error): void => {
    broken = error;
  };
  client.on('error', onError);
  try {
    await client.query('SELECT pg_advisory_lock($1::bigint)', [MIGRATION_LOCK_KEY]);
    try {
      await applyPending(client, migrations);
    } finally {
      // A lost connection releases the lock by itself; only unlock on a live one.
      await client.query('SELECT pg_advisory_unlock($1::bigint)', [MIGRATION_LOCK_KEY]).catch((e: unknown) => {
        if (!isConnectionError(e)) throw e;
      });
    }
  } catch (error) {
    if (isConnectionError(error) && error instanceof Error) broken = error;
    throw error;
  } finally {
    client.off('error', onError);
    client.release(broken);
  }
}
