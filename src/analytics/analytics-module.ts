import type { Logger } from 'pino';
import type { TurnObserver } from '../core/bot.ts';
import type { CaseChangeObserver } from '../escalation/case-service.ts';
import type { Store } from '../store/store.ts';
import { startAnalyticsPurge } from './analytics-purge.ts';
import { createAnalyticsRecorder } from './analytics-recorder.ts';
import { secretFilePath, storedAnalyticsSecret } from './analytics-secret.ts';
import { escalationEvents } from './escalation-events.ts';
import { pseudonymiser } from './pseudonym.ts';

const PURGE_INTERVAL_MS = 6 * 60 * 60 * 1000;

/** The analytics settings read from the environment. */
export interface AnalyticsConfig {
  ANALYTICS_SECRET?: string;
  ANALYTICS_RETENTION_DAYS: number;
  SQLITE_PATH: string;
}

/** Analytics as the composition root wires it: the bot observer, and a close that flushes and stops the purge. */
export interface Analytics {
  observer: TurnObserver;
  /** Records escalation cases being opened, claimed and resolved. */
  caseObserver: CaseChangeObserver;
  /** Stops the retention purge and waits for pending writes (call before closing the store). */
  close(): Promise<void>;
}

/** Makes `make` run once its result is needed, and again after a failure (e.g. the store was down), never twice at once. */
function onceSucceeded<T>(make: () => Promise<T>): () => Promise<T> {
  let result: Promise<T> | undefined;
  return () =>
    (result ??= make().catch((error: unknown) => {
      result = undefined;
      throw error;
    }));
}

/**
 * Builds the analytics recorder and its retention purge, which starts once `migrated` resolves (with the store down at
 * start it would fail, and warn, at every interval until then). Ids are pseudonymised with ANALYTICS_SECRET, or else
 * with a secret generated once and kept in the store's settings table (shared by every instance on the database), read
 * when the first event is recorded.
 */
export function createAnalytics(config: AnalyticsConfig, store: Store, logger: Logger, migrated: Promise<void>): Analytics {
  const configured = config.ANALYTICS_SECRET;
  const pseudonymise = configured
    ? onceSucceeded(async () => pseudonymiser(configured))
    : onceSucceeded(async () => pseudonymiser(await storedAnalyticsSecret(store, secretFilePath(config.SQLITE_PATH))));
  const recorder = createAnalyticsRecorder(store, pseudonymise, logger);
  let closed = false;
  let stopPurge = (): void => undefined;
  void migrated.then(() => {
    if (!closed) stopPurge = startAnalyticsPurge(store, config.ANALYTICS_RETENTION_DAYS, PURGE_INTERVAL_MS, logger);
  });
  return {
    observer: recorder.observe,
    caseObserver: escalationEvents(recorder),
    async close() {
      closed = true;
      stopPurge();
      await recorder.flush();
    },
  };
}
