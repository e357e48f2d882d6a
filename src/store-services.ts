import type { Logger } from 'pino';
import { createAnalytics, type Analytics } from './analytics/analytics-module.ts';
import type { Config } from './config/config.ts';
import type { CaseService } from './escalation/case-service.ts';
import { createEscalation, type Escalation, type FlowTitles } from './escalation/escalation-module.ts';
import { countingStoreErrors } from './metrics/counting-store.ts';
import type { Metrics } from './metrics/metrics.ts';
import { createStore } from './store/create-store.ts';
import { openStore, type StoreGate } from './store/store-gate.ts';
import type { Store } from './store/store.ts';

/** The store with the analytics and the escalation built on it: what every command with a database shares. */
export interface StoreServices {
  gate: StoreGate;
  store: Store;
  analytics: Analytics;
  escalation: Escalation;
  /** Stops retrying the store, closes the analytics and the escalation, then the store. */
  close(): Promise<void>;
}

/** How the store is opened: `retryStore` for serve (a store down at start is retried), `metrics` to count its errors. */
export interface StoreServicesOptions {
  retryStore?: boolean;
  metrics?: Metrics;
}

/** Opens and migrates the store and builds the analytics and the escalation on it; `flowTitles` names guides in cases. */
export async function openStoreServices(config: Config, logger: Logger, options: StoreServicesOptions = {}, flowTitles?: FlowTitles): Promise<StoreServices> {
  const rawStore = await createStore({ databaseUrl: config.DATABASE_URL, sqlitePath: config.SQLITE_PATH, poolMax: config.DATABASE_POOL_MAX, logger });
  const gate = await openStore(rawStore, logger, { retry: options.retryStore === true }).catch(async (error: unknown) => {
    await rawStore.close().catch(() => undefined);
    throw error;
  });
  const { metrics } = options;
  const store = metrics ? countingStoreErrors(gate.store, metrics.storeError) : gate.store;
  metrics?.watchOutbox(store);
  const analytics = createAnalytics(config, store, logger, gate.migrated);
  const escalation = createEscalation(
    config,
    store,
    logger,
    (change, view) => {
      analytics.caseObserver(change, view);
      metrics?.caseObserver(change, view);
    },
    flowTitles,
  );
  return {
    gate,
    store,
    analytics,
    escalation,
    async close() {
      gate.stop();
      await analytics.close();
      await escalation.close();
      await store.close();
    },
  };
}

/** What the `cases` command works with: the cases and a way to close the store behind them. */
export interface CaseDesk {
  cases: CaseService;
  close(): Promise<void>;
}

/**
 * The cases without the knowledge: a consultant's `cases` command answers no question, so it neither loads the entries
 * nor builds the search (more than half of a command's start). Case changes still reach the analytics.
 */
export async function openCaseDesk(config: Config, logger: Logger): Promise<CaseDesk> {
  const services = await openStoreServices(config, logger);
  return { cases: services.escalation.cases, close: () => services.close() };
}
