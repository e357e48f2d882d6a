import type { Logger } from 'pino';
import type { Store } from '../store/store.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Deletes analytics events older than `retentionDays` before `now`; returns how many went. */
export async function purgeOldAnalytics(store: Store, retentionDays: number, now: Date = new Date()): Promise<number> {
  return store.purgeAnalyticsOlderThan(new Date(now.getTime() - retentionDays * DAY_MS));
}

/**
 * Purges old analytics events now and then every `intervalMs`. Failures are logged, never thrown; the timer does not
 * keep the process alive. Returns a function that stops it.
 */
export function startAnalyticsPurge(store: Store, retentionDays: number, intervalMs: number, logger: Logger): () => void {
  const purge = (): void => {
    purgeOldAnalytics(store, retentionDays)
      .then((removed) => {
        if (removed > 0) logger.info({ removed, retentionDays }, 'purged old analytics events');
      })
      .catch((error: unknown) => logger.warn({ err: error }, 'purging old analytics events failed; retrying at the next interval'));
  };
  const first = setTimeout(purge, 0);
  const timer = setInterval(purge, intervalMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
