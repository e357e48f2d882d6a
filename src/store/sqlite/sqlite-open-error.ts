import { StoreUnavailableError } from '../store.ts';

/** True for Node's error when better-sqlite3's native module was compiled for another Node.js (another NODE_MODULE_VERSION). */
function builtForAnotherNode(error: unknown): boolean {
  return error instanceof Error && error.message.includes('NODE_MODULE_VERSION');
}

/**
 * The StoreUnavailableError for a SQLite database at `path` that cannot be opened, saying what to do: rebuild
 * better-sqlite3 when it was built for another Node.js version (an install made under Node 20, run under Node 24),
 * else check SQLITE_PATH.
 */
export function sqliteOpenError(path: string, error: unknown): StoreUnavailableError {
  const message = builtForAnotherNode(error)
    ? `cannot open the SQLite database at ${path}: better-sqlite3 was built for another Node.js version than this one (${process.version}); run \`npm rebuild better-sqlite3\` (or \`npm ci\`) with the Node.js you run it with`
    : `cannot open the SQLite database at ${path} (${error instanceof Error ? error.message : String(error)}); check SQLITE_PATH and that its directory is writable`;
  return new StoreUnavailableError(new Error(message, { cause: error }));
}
