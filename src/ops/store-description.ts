import type { Config } from '../config/config.ts';

/** Where the store is, for logs and operator output, without the password: "SQLite at …" or "PostgreSQL db on host:port". */
export function describeStore(config: Pick<Config, 'DATABASE_URL' | 'SQLITE_PATH'>): string {
  if (!config.DATABASE_URL) return `SQLite at ${config.SQLITE_PATH}`;
  const url = new URL(config.DATABASE_URL);
  return `PostgreSQL database "${decodeURIComponent(url.pathname.slice(1)) || '(default)'}" on ${url.hostname}:${url.port || '5432'}`;
}
