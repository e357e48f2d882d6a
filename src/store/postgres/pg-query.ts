import type pg from 'pg';
import { StoreUnavailableError } from '../store.ts';
import { translatePgError } from './pg-errors.ts';

/** Where a statement runs: the pool (any connection) or one checked-out connection (inside a transaction). */
export type Queryable = pg.Pool | pg.PoolClient;

/** Runs one statement and returns its rows, turning connection failures into StoreUnavailableError. */
export async function queryRows<R extends object = object>(db: Queryable, sql: string, params: unknown[] = []): Promise<R[]> {
  try {
    const result = await db.query<R>(sql, params);
    return result.rows;
  } catch (error) {
    throw translatePgError(error);
  }
}

/** Runs `work` in one transaction on one connection of `pool`; a connection that failed is discarded, not reused. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    throw translatePgError(error);
  }
  let broken: Error | undefined;
  // A checked-out client has no pool listener: a connection cut between two queries would otherwise emit an
  // unhandled 'error' and crash the process. The next query fails with StoreUnavailableError instead.
  const onError = (error: Error): void => {
    broken = error;
  };
  client.on('error', onError);
  try {
    await queryRows(client, 'BEGIN');
    const result = await work(client);
    await queryRows(client, 'COMMIT');
    return result;
  } catch (error) {
    if (error instanceof StoreUnavailableError) broken = error;
    else await client.query('ROLLBACK').catch((e: unknown) => (broken = e instanceof Error ? e : new Error(String(e))));
    throw error;
  } finally {
    client.off('error', onError);
    client.release(broken);
  }
}
