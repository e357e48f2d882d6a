import { StoreUnavailableError } from '../store.ts';

// Result codes (and their extended forms, e.g. SQLITE_IOERR_WRITE) that mean the file cannot be used right now.
const UNAVAILABLE_CODES = ['SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_IOERR', 'SQLITE_CANTOPEN', 'SQLITE_FULL', 'SQLITE_READONLY', 'SQLITE_NOTADB', 'SQLITE_CORRUPT', 'SQLITE_PERM', 'SQLITE_AUTH'];

const HINT = 'check the file at SQLITE_PATH (free disk space, permissions, not locked by a stuck process)';

/** Turns a better-sqlite3 error that means "the database cannot be used" into StoreUnavailableError; other errors pass through. */
export function translateSqliteError(error: unknown): unknown {
  if (error instanceof StoreUnavailableError) return error;
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (UNAVAILABLE_CODES.some((c) => code === c || code.startsWith(`${c}_`))) return new StoreUnavailableError(error, HINT);
  // better-sqlite3 throws a TypeError for any use of a closed connection.
  if (error instanceof TypeError && /database connection is not open/i.test(error.message)) {
    return new StoreUnavailableError(error, 'it was already closed');
  }
  return error;
}
