import type { Logger } from 'pino';
import { SqliteStore } from './sqlite/sqlite-store.ts';
import type { Store } from './store.ts';

/** Where state lives: PostgreSQL when `databaseUrl` is set (DATABASE_URL), else the SQLite file at `sqlitePath` (SQLITE_PATH). */
export interface StoreConfig {
  databaseUrl?: string;
  sqlitePath: string;
  /** Most PostgreSQL connections this instance opens (DATABASE_POOL_MAX; the store's default when omitted). */
  poolMax?: number;
  logger?: Logger;
}

/** The default SQLite file when SQLITE_PATH is unset. */
export const DEFAULT_SQLITE_PATH = './data/some-advisor.db';

/** Builds the configured store (call `migrate()` on it before use); the PostgreSQL driver is loaded only when configured. */
export async function createStore(config: StoreConfig): Promise<Store> {
  if (config.databaseUrl) {
    const { PostgresStore } = await import('./postgres/postgres-store.ts');
    return new PostgresStore({ connectionString: config.databaseUrl, logger: config.logger, maxConnections: config.poolMax });
  }
  return new SqliteStore(config.sqlitePath);
}
