import type { Logger } from 'pino';
import type { Config } from '../config/config.ts';
import { describeStore } from '../ops/store-description.ts';
import { MIGRATIONS } from '../store/migrations/all-migrations.ts';
import { createStore } from '../store/create-store.ts';

/** `some-advisor migrate`: applies pending migrations and exits (a pre-deploy job; `serve` also migrates at start). */
export async function runMigrate(config: Config, logger: Logger, stdout: NodeJS.WritableStream): Promise<number> {
  const store = await createStore({ databaseUrl: config.DATABASE_URL, sqlitePath: config.SQLITE_PATH, logger });
  try {
    await store.migrate();
  } finally {
    await store.close();
  }
  const latest = MIGRATIONS.at(-1);
  stdout.write(`${describeStore(config)} is migrated: ${MIGRATIONS.length} migrations, the latest ${latest?.version} (${latest?.name}).\n`);
  return 0;
}
