import type { Logger } from 'pino';
import type { Store } from './store.ts';

/**
 * Purges expired conversation state and seen ids now and then every `intervalMs`. Failures are logged, never thrown
 * (the next run tries again). The timer does not keep the process alive. Returns a function that stops it.
 */
export function startPurgeTimer(store: Store, intervalMs: number, stateTtlMs: number, logger: Logger): () => void {
  let running = false;
  const purge = async (): Promise<void> => {
    if (running) return;
    running = true;
    try {
      const removed = await store.purgeExpired(new Date(), stateTtlMs);
      if (removed > 0) logger.info({ removed }, 'purged expired conversation state and seen event ids');
    } catch (error) {
      logger.warn({ err: error }, 'purging expired state failed; retrying at the next interval');
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void purge(), 0);
  const timer = setInterval(() => void purge(), intervalMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
