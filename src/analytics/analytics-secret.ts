import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Store } from '../store/store.ts';

/** The settings key under which a generated analytics secret is kept. */
export const ANALYTICS_SECRET_SETTING = 'analytics-secret';
/** Shortest generated or migrated secret accepted (a generated one is 64 hex characters). */
const MIN_STORED_LENGTH = 32;

/** Where earlier versions kept a generated secret: a file next to the SQLite database; none for an in-memory database. */
export function secretFilePath(sqlitePath: string): string | undefined {
  return sqlitePath === ':memory:' ? undefined : join(dirname(sqlitePath), 'analytics-secret');
}

/** The secret in a file written by an earlier version, or undefined when there is no such file. */
function legacySecret(file: string | undefined): string | undefined {
  if (file === undefined) return undefined;
  let stored: string;
  try {
    stored = readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`Could not read the analytics secret at ${file} (${(error as Error).message}); fix its permissions or set ANALYTICS_SECRET.`);
  }
  if (stored.length < MIN_STORED_LENGTH) {
    throw new Error(`The analytics secret in ${file} is shorter than ${MIN_STORED_LENGTH} characters; delete the file to generate a new one or set ANALYTICS_SECRET.`);
  }
  return stored;
}

/**
 * The generated secret for pseudonymising ids (used when ANALYTICS_SECRET is unset), kept in the store's settings table
 * so every instance on one database uses the same one. The first caller stores it (insert if absent, then read back,
 * so instances starting together agree): the secret of an `analytics-secret` file an earlier version wrote next to the
 * SQLite database when there is one (pseudonyms stay what they were), else a new random one.
 */
export async function storedAnalyticsSecret(store: Store, legacyFile: string | undefined): Promise<string> {
  const existing = (await store.getSetting(ANALYTICS_SECRET_SETTING))?.secret;
  if (typeof existing === 'string' && existing.length >= MIN_STORED_LENGTH) return existing;
  const candidate = legacySecret(legacyFile) ?? randomBytes(32).toString('hex');
  const kept = (await store.putSettingIfAbsent(ANALYTICS_SECRET_SETTING, { secret: candidate, createdAt: new Date().toISOString() })).secret;
  if (typeof kept !== 'string' || kept.length < MIN_STORED_LENGTH) {
    throw new Error(`The "${ANALYTICS_SECRET_SETTING}" setting in the database is not a secret of ${MIN_STORED_LENGTH}+ characters; delete that row to generate a new one or set ANALYTICS_SECRET.`);
  }
  return kept;
}
