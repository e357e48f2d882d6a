import type { Logger } from 'pino';
import type { TurnObserver } from '../core/bot.ts';
import type { CaseChangeObserver } from '../escalation/case-service.ts';
import type { Store } from '../store/store.ts';
import { startAnalyticsPurge } from './analytics-purge.ts';
import { createAnalyticsRecorder } from './analytics-recorder.ts';
import { resolveAnalyticsSecret, secretFilePath } from './analytics-secret.ts';
import { escalationEvents } from './escalation-events.ts';
import { pseudonymiser } from './pseudonym.ts';

const PURGE_INTERVAL_MS = 6 * 60 * 60 * 1000;

/** The analytics settings read from the environment. */
export interface AnalyticsConfig {
  ANALYTICS_SECRET?: string;
  ANALYTICS_RETENTION_DAYS: number;
  SQLITE_PATH: string;
  DATABASE_URL?: string;
}

/** Analytics as the composition root wires it: the bot observer, and a close that flushes and stops the purge. */
export interface Analytics {
  observer: TurnObserver;
  /** Records escalation cases being opened, claimed and resolved. */
  caseObserver: CaseChangeObserver;
  /** Stops the retention purge and waits for pending writes (call before closing the store). */
  close(): Promise<void>;
}

/** Builds the analytics recorder (pseudonymising with ANALYTICS_SECRET or a generated secret) and its retention purge. */
export function createAnalytics(config: AnalyticsConfig, store: Store, logger: Logger): Analytics {
  const secretFile = secretFilePath(config.SQLITE_PATH);
  if (!config.ANALYTICS_SECRET && config.DATABASE_URL) {
    logger.warn({ secretFile }, 'ANALYTICS_SECRET is unset: using a generated secret kept in a local file; set ANALYTICS_SECRET so every instance pseudonymises ids alike');
  }
  const pseudonymise = pseudonymiser(resolveAnalyticsSecret(config.ANALYTICS_SECRET, secretFile));
  const recorder = createAnalyticsRecorder(store, pseudonymise, logger);
  const stopPurge = startAnalyticsPurge(store, config.ANALYTICS_RETENTION_DAYS, PURGE_INTERVAL_MS, logger);
  return {
    observer: recorder.observe,
    caseObserver: escalationEvents(recorder, pseudonymise),
    async close() {
      stopPurge();
      await recorder.flush();
    },
  };
}
