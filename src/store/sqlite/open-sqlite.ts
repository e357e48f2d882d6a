import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { StoreUnavailableError } from '../store.ts';

/** Opens (and creates, with its directory) the SQLite file at `path` in WAL mode; `:memory:` gives a private in-memory database. */
export function openSqlite(path: string): Database.Database {
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    // Wait for another process's write instead of failing at once (several CLI processes may share one file).
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
    return db;
  } catch (error) {
    throw new StoreUnavailableError(
      new Error(`cannot open the SQLite database at ${path} (${error instanceof Error ? error.message : String(error)}); check SQLITE_PATH and that its directory is writable`, { cause: error }),
    );
  }
}
