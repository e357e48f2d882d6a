import type { Logger } from 'pino';
import { createAnalytics } from './analytics/analytics-module.ts';
import type { Config } from './config/config.ts';
import { Bot } from './core/bot.ts';
import type { FlowRunner } from './core/flow-runner.ts';
import { createEscalation, type Escalation } from './escalation/escalation-module.ts';
import type { KnowledgeBase } from './knowledge/knowledge-base.ts';
import { KnowledgeError } from './knowledge/lint-error.ts';
import { loadKnowledge, type FlowLoader } from './knowledge/load-knowledge.ts';
import { createStore } from './store/create-store.ts';
import { startPurgeTimer } from './store/purge-timer.ts';
import type { Store } from './store/store.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const PURGE_INTERVAL_MS = 60 * 60 * 1000;

/** The running assistant: the bot and what it is built from. */
export interface Runtime {
  bot: Bot;
  store: Store;
  knowledge(): KnowledgeBase;
  flows(): FlowRunner;
  /** Cases, notifiers and the outbox worker; adapters register their messengers here. */
  escalation: Escalation;
  /** Stops timers and closes the store. */
  close(): Promise<void>;
}

/** What a command needs from the runtime: `outbox: false` for short-lived commands that must not deliver notifications. */
export interface RuntimeOptions {
  outbox?: boolean;
}

/** The composition root: loads knowledge, opens and migrates the store, and builds the bot. */
export async function createRuntime(config: Config, logger: Logger, loadFlows: FlowLoader, options: RuntimeOptions = {}): Promise<Runtime> {
  const loaded = await loadKnowledge(config.KNOWLEDGE_DIR, loadFlows);
  if (loaded.errors.length > 0) throw new KnowledgeError(loaded.errors);
  const live = { knowledge: loaded.knowledge, flows: loaded.flows };
  const store = createStore({ databaseUrl: config.DATABASE_URL, sqlitePath: config.SQLITE_PATH, logger });
  await store.migrate();
  const stopPurge = startPurgeTimer(store, PURGE_INTERVAL_MS, config.STATE_TTL_DAYS * DAY_MS, logger);
  const knowledge = () => live.knowledge;
  const analytics = createAnalytics(config, store, logger);
  const escalation = createEscalation(config, store, logger, analytics.caseObserver);
  if (options.outbox !== false) escalation.worker.start();
  const bot = new Bot({
    knowledge,
    flows: () => live.flows,
    store,
    escalation: escalation.handler,
    logger,
    observers: [analytics.observer],
  });
  return {
    bot,
    store,
    knowledge,
    flows: () => live.flows,
    escalation,
    async close() {
      stopPurge();
      await analytics.close();
      await escalation.close();
      await store.close();
    },
  };
}
