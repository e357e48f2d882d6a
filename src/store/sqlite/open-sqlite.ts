import { chmodSync, closeSync, existsSync, openSync } from 'node:fs';
import Database from 'better-sqlite3';
import { createPrivateFolders } from '../../shared/private-folders.ts';
import { sqliteOpenError } from './sqlite-open-error.ts';

/** The database and its -wal and -shm files: only their owner may read them (chat text can hold personal data). */
const PRIVATE_FILE = 0o600;

/**
 * Makes the database file exist with mode 0600 before SQLite opens it (SQLite creates the -wal and -shm files with the
 * database file's mode), and sets 0600 on files an earlier version left readable to others. A file of another user
 * (an operator's CLI on the service's database) cannot be changed and is left to its owner's process.
 */
function makePrivateFiles(path: string): void {
  if (!existsSync(path)) closeSync(openSync(path, 'a', PRIVATE_FILE));
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    try {
      chmodSync(file, PRIVATE_FILE);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'EPERM') throw error;
    }
  }
}

/**
 * Opens (and creates, with its folder) the SQLite file at `path` in WAL mode; `:memory:` gives a private in-memory
 * database. New folders are 0700, and the database, -wal and -shm files 0600, whatever the umask.
 */
export function openSqlite(path: string): Database.Database {
  try {
    if (path !== ':memory:') {
      createPrivateFolders(path);
      makePrivateFiles(path);
    }
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    // Wait for another process's write instead of failing at once (several CLI processes may share one file).
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
    return db;
  } catch (error) {
    throw sqliteOpenError(path, error);
  }
}
