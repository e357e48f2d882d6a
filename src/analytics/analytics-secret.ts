import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The file (next to the SQLite database) that keeps a generated analytics secret; none for an in-memory database. */
export function secretFilePath(sqlitePath: string): string | undefined {
  return sqlitePath === ':memory:' ? undefined : join(dirname(sqlitePath), 'analytics-secret');
}

/**
 * The secret for pseudonymising ids: ANALYTICS_SECRET when set; otherwise read from `file`, generating a random one
 * the first time (written with mode 0600) so pseudonyms stay stable across restarts. Without a file (an in-memory
 * database, which forgets everything anyway) a fresh random secret is used.
 */
export function resolveAnalyticsSecret(configured: string | undefined, file: string | undefined): string {
  if (configured) return configured;
  if (file === undefined) return randomBytes(32).toString('hex');
  try {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored.length >= 32) return stored;
    throw new Error(`The analytics secret in ${file} is shorter than 32 characters; delete the file to generate a new one or set ANALYTICS_SECRET.`);
  } catch (error) {
    if (!(error instanceof Error) || (error as NodeJS.ErrnoException).code === undefined) throw error;
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new Error(`Could not read the analytics secret at ${file} (${(error as Error).message}); fix its permissions or set ANALYTICS_SECRET.`);
    }
  }
  const secret = randomBytes(32).toString('hex');
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return resolveAnalyticsSecret(undefined, file);
    throw new Error(`Could not save a new analytics secret at ${file} (${(error as Error).message}); make the folder writable or set ANALYTICS_SECRET.`);
  }
  return secret;
}
