import { StoreUnavailableError } from '../store.ts';

// Socket-level failures: the server is down, unreachable or went away.
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
// SQLSTATE classes/codes meaning "this server cannot serve us now": connection exception (08), admin or crash
// shutdown and cannot-connect-now (57P0x), too many connections (53300), bad credentials (28), unknown database (3D000).
const SQLSTATE_PATTERN = /^(08|57P0|28|53300$|3D000$)/;
// The pg driver reports some failures only through its messages.
const MESSAGE_PATTERN = /Connection terminated|timeout exceeded when trying to connect|not queryable|Cannot use a pool after calling end/i;

const HINT = 'check that the PostgreSQL server named in DATABASE_URL is running, reachable and accepts these credentials';

function codeOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
}

/** True when the error means PostgreSQL cannot be reached or cannot serve us (as opposed to a bad query). */
export function isConnectionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = codeOf(error);
  if (NETWORK_CODES.has(code) || SQLSTATE_PATTERN.test(code) || MESSAGE_PATTERN.test(error.message)) return true;
  // Connecting to a host with several addresses fails with an AggregateError of the per-address errors.
  return error instanceof AggregateError && error.errors.some(isConnectionError);
}

/** Turns a connection-level pg error into StoreUnavailableError; other errors pass through. */
export function translatePgError(error: unknown): unknown {
  if (error instanceof StoreUnavailableError) return error;
  return isConnectionError(error) ? new StoreUnavailableError(error, HINT) : error;
}

/** True for a unique violation (SQLSTATE 23505) of the constraint or unique index named `constraint`. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  return codeOf(error) === '23505' && typeof error === 'object' && error !== null && 'constraint' in error && error.constraint === constraint;
}
