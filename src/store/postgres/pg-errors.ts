import { StoreConfigurationError, StoreUnavailableError } from '../store.ts';

// Socket-level failures: the server is down, unreachable or went away.
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
// SQLSTATEs of a server that refuses us for now: connection exception (class 08), operator intervention (57P0x:
// admin shutdown and pg_terminate_backend, crash shutdown, cannot connect now while starting or in recovery …) and
// too many connections (53300).
const TEMPORARY_SQLSTATE = /^(08|57P0|53300$)/;
// SQLSTATEs that retrying cannot fix: invalid authorization (class 28: bad password, unknown role, no pg_hba.conf
// entry) and an unknown database (3D000).
const CONFIGURATION_SQLSTATE = /^(28|3D000$)/;
// The pg driver reports some failures only through its messages.
const MESSAGE_PATTERN = /Connection terminated|timeout exceeded when trying to connect|not queryable|Cannot use a pool after calling end/i;

const HINT = 'check that the PostgreSQL server named in DATABASE_URL is running and reachable and that its database accepts connections';
const CONFIGURATION_HINT = 'check the user name, password and database name in DATABASE_URL';

/** A string property of a driver error (`code`, `routine` …), or '' when it has none. */
function field(error: unknown, name: string): string {
  if (typeof error !== 'object' || error === null) return '';
  const value: unknown = Reflect.get(error, name);
  return value === undefined ? '' : String(value);
}

/**
 * 55000 (object not in prerequisite state) at connect: the database is not accepting connections for now
 * (ALTER DATABASE … ALLOW_CONNECTIONS false). The message may be translated (lc_messages); the routine name is not.
 */
function isDatabaseClosed(error: Error): boolean {
  return field(error, 'code') === '55000' && (/not currently accepting connections/i.test(error.message) || field(error, 'routine') === 'CheckMyDatabase');
}

/** True when PostgreSQL cannot be reached or refuses us for now, so trying again later may work (as opposed to a bad query). */
export function isConnectionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = field(error, 'code');
  if (NETWORK_CODES.has(code) || TEMPORARY_SQLSTATE.test(code)) return true;
  if (isDatabaseClosed(error) || MESSAGE_PATTERN.test(error.message)) return true;
  // Connecting to a host with several addresses fails with an AggregateError of the per-address errors.
  return error instanceof AggregateError && error.errors.some(isConnectionError);
}

/** True when PostgreSQL refuses the connection DATABASE_URL describes (credentials, role, database name). */
function isConfigurationError(error: unknown): boolean {
  return error instanceof Error && CONFIGURATION_SQLSTATE.test(field(error, 'code'));
}

/** Turns a connection-level pg error into StoreUnavailableError (StoreConfigurationError when retrying cannot help); other errors pass through. */
export function translatePgError(error: unknown): unknown {
  if (error instanceof StoreUnavailableError) return error;
  if (isConfigurationError(error)) return new StoreConfigurationError(error, CONFIGURATION_HINT);
  return isConnectionError(error) ? new StoreUnavailableError(error, HINT) : error;
}

/** True for a unique violation (SQLSTATE 23505) of the constraint or unique index named `constraint`. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  return field(error, 'code') === '23505' && typeof error === 'object' && error !== null && 'constraint' in error && error.constraint === constraint;
}
