import type { Logger } from 'pino';
import type { Store } from './store.ts';

/** How long the purge keeps what it purges. */
export interface RetentionPeriods {
  /** Conversation state and its log, after the last activity (STATE_TTL_DAYS). */
  stateTtlMs: number;
  /** Escalation cases, after they were resolved (CASE_RETENTION_DAYS); open cases are never purged. */
  caseRetentionMs: number;
}

/**
 * Purges expired conversation state and seen ids, and cases resolved longer ago than their retention, now and then
 * every `intervalMs`. Failures are logged, never thrown (the next run tries again). The timer does not keep the
 * process alive. Returns a function that stops it.
 */
export function startPurgeTimer(store: Store, intervalMs: number, retention: RetentionPeriods, logger: Logger): () => void {
  let running = false;
  const purge = async (): Promise<void> => {
    if (running) return;
    running = true;
    const now = new Date();
    try {
      const removed = await store.purgeExpired(now, retention.stateTtlMs);
      if (removed > 0) logger.info({ removed }, 'purged expired conversation state and seen event ids');
    } catch (error) {
      logger.warn({ err: error }, 'purging expired state failed; retrying at the next interval');
    }
    try {
      const cases = await store.purgeResolvedCases(new Date(now.getTime() - retention.caseRetentionMs));
      if (cases > 0) logger.info({ cases }, 'deleted cases resolved longer ago than CASE_RETENTION_DAYS, with everything stored about them');
    } catch (error) {
      logger.warn({ err: error }, 'deleting cases past CASE_RETENTION_DAYS failed; retrying at the next interval');
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
