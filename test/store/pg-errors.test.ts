import { describe, expect, it } from 'vitest';
import { translatePgError } from '../../src/store/postgres/pg-errors.ts';
import { StoreConfigurationError, StoreUnavailableError } from '../../src/store/store.ts';

/** An error shaped like the pg driver's DatabaseError (a FATAL at connect carries `routine`). */
function pgError(code: string, message: string, routine = ''): Error {
  return Object.assign(new Error(message), { code, severity: 'FATAL', routine });
}

describe('translatePgError', () => {
  it.each([
    ['55000 (ALLOW_CONNECTIONS false)', pgError('55000', 'database "x" is not currently accepting connections', 'CheckMyDatabase')],
    ['55000 with a translated message (lc_messages)', pgError('55000', 'databasen "x" accepterer ikke forbindelser i øjeblikket', 'CheckMyDatabase')],
    ['08006 (connection failure)', pgError('08006', 'connection failure')],
    ['08001 (unable to connect)', pgError('08001', 'could not connect')],
    ['57P01 (admin shutdown, pg_terminate_backend)', pgError('57P01', 'terminating connection due to administrator command')],
    ['57P02 (crash shutdown)', pgError('57P02', 'terminating connection because of crash of another server process')],
    ['57P03 (cannot connect now)', pgError('57P03', 'the database system is starting up')],
    ['53300 (too many connections)', pgError('53300', 'sorry, too many clients already')],
    ['a connection cut mid-query', new Error('Connection terminated unexpectedly')],
    ['ECONNREFUSED', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
  ])('treats %s as a store that is down for now', (_name, error) => {
    const translated = translatePgError(error);
    expect(translated).toBeInstanceOf(StoreUnavailableError);
    expect(translated).not.toBeInstanceOf(StoreConfigurationError);
    expect((translated as StoreUnavailableError).publicMessage).toMatch(/DATABASE_URL is running/);
  });

  it.each([
    ['28P01 (bad password)', pgError('28P01', 'password authentication failed for user "x"')],
    ['28000 (unknown role, no pg_hba.conf entry)', pgError('28000', 'role "x" does not exist')],
    ['3D000 (no such database)', pgError('3D000', 'database "x" does not exist', 'InitPostgres')],
  ])('treats %s as a configuration error naming DATABASE_URL', (_name, error) => {
    const translated = translatePgError(error);
    expect(translated).toBeInstanceOf(StoreConfigurationError);
    expect((translated as Error).message).toBe(`The database refused the connection: ${error.message}; check the user name, password and database name in DATABASE_URL`);
  });

  it.each([
    ['a 55000 raised by a query', pgError('55000', 'cannot refresh materialized view concurrently', 'ExecRefreshMatView')],
    ['a missing table (42P01)', pgError('42P01', 'relation "x" does not exist')],
  ])('passes %s through', (_name, error) => {
    expect(translatePgError(error)).toBe(error);
  });
});
