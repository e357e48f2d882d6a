import { describe, expect, it, vi } from 'vitest';
import { createAnalytics } from '../../src/analytics/analytics-module.ts';
import { silentLogger } from '../../src/logging/logger.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';

describe('the analytics retention purge', () => {
  it('waits for the migrations (with the store down at start it failed and warned at every interval until then)', async () => {
    const store = new SqliteStore(':memory:');
    await store.migrate();
    const purge = vi.spyOn(store, 'purgeAnalyticsOlderThan');
    let migrationsApplied = (): void => undefined;
    const migrated = new Promise<void>((resolve) => (migrationsApplied = resolve));
    const analytics = createAnalytics({ ANALYTICS_RETENTION_DAYS: 30, SQLITE_PATH: ':memory:', ANALYTICS_SECRET: 'a-test-secret-0123456789' }, store, silentLogger(), migrated);
    try {
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(purge).not.toHaveBeenCalled();
      migrationsApplied();
      await vi.waitFor(() => expect(purge).toHaveBeenCalledTimes(1));
    } finally {
      await analytics.close();
      await store.close();
    }
  });
});
