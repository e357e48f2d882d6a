import type { Logger } from 'pino';
import type { Config } from './config/config.ts';
import { Bot } from './core/bot.ts';
import { RateLimiter } from './core/rate-limiter.ts';
import type { FlowRunner } from './core/flow-runner.ts';
import type { FlowEngine } from './dialogs/flow-engine.ts';
import type { FlowDefinition } from './dialogs/flow-schema.ts';
import type { Escalation } from './escalation/escalation-module.ts';
import type { KnowledgeBase } from './knowledge/knowledge-base.ts';
import { formatLintError, KnowledgeError, type LintError } from './knowledge/lint-error.ts';
import { loadKnowledge, type FlowLoader } from './knowledge/load-knowledge.ts';
import { countingStoreError } from './metrics/counting-store.ts';
import type { Metrics } from './metrics/metrics.ts';
import { startPurgeTimer } from './store/purge-timer.ts';
import { openStoreServices } from './store-services.ts';
import type { Store } from './store/store.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const PURGE_INTERVAL_MS = 60 * 60 * 1000;

/** The running assistant: the bot and what it is built from. */
export interface Runtime {
  bot: Bot;
  store: Store;
  knowledge(): KnowledgeBase;
  flows(): FlowRunner;
  /** The live flows' definitions: what the chat runs (the playground's Guides page draws them). */
  flowDefinitions(): FlowDefinition[];
  /** Cases, notifiers and the outbox worker; adapters register their messengers here. */
  escalation: Escalation;
  /** Readiness of the store for `/readyz`: throws until migrations are applied and while the store is down. */
  storeReady(): Promise<void>;
  /** Resolves once the store's migrations are applied (at once, unless the store was down at start). */
  migrated: Promise<void>;
  /** Loads KNOWLEDGE_DIR again; a version with lint errors is rejected (errors logged, see `rejectedReload`) and the live one stays. */
  reload(): Promise<ReloadResult>;
  /** The latest reload when it was rejected; undefined when it went live (or none was tried since the start). */
  rejectedReload(): RejectedReload | undefined;
  /** Stops timers and closes the store. */
  close(): Promise<void>;
}

/** What a command needs from the runtime: `outbox: false` for short-lived commands that must not deliver notifications. */
export interface RuntimeOptions {
  outbox?: boolean;
  /** `true` for serve: a store that is down at start is retried in the background instead of failing. */
  retryStore?: boolean;
  /** Prometheus metrics (serve): fed by the bot, the cases and the store. */
  metrics?: Metrics;
}

/** The outcome of a knowledge reload: `errors` is empty when the new version went live. */
export interface ReloadResult {
  ok: boolean;
  errors: LintError[];
}

/** A rejected knowledge reload: when it was tried, and its lint errors as `file:line: message` (as the log has them). */
export interface RejectedReload {
  at: Date;
  errors: string[];
}

/** The composition root: loads knowledge, opens and migrates the store, and builds the bot. */
export async function createRuntime(config: Config, logger: Logger, loadFlows: FlowLoader<FlowEngine>, options: RuntimeOptions = {}): Promise<Runtime> {
  const loaded = await loadKnowledge(config.KNOWLEDGE_DIR, loadFlows);
  if (loaded.errors.length > 0) throw new KnowledgeError(loaded.errors);
  const live = { knowledge: loaded.knowledge, flows: loaded.flows };
  const { metrics } = options;
  const services = await openStoreServices(config, logger, options, (id) => live.knowledge.flows.get(id)?.title);
  const { gate, store, analytics, escalation } = services;
  let stopPurge = (): void => undefined;
  const knowledge = () => live.knowledge;
  let closing = false;
  let rejected: RejectedReload | undefined;
  // Purging and delivering start once migrations are applied (at once, unless the store was down at start).
  void gate.migrated.then(() => {
    if (closing) return;
    stopPurge = startPurgeTimer(store, PURGE_INTERVAL_MS, { stateTtlMs: config.STATE_TTL_DAYS * DAY_MS, caseRetentionMs: config.CASE_RETENTION_DAYS * DAY_MS }, logger);
    if (options.outbox !== false) escalation.worker.start();
  });
  const bot = new Bot({
    knowledge,
    flows: () => live.flows,
    store,
    escalation: escalation.handler,
    logger,
    observers: metrics ? [analytics.observer, metrics.turnObserver] : [analytics.observer],
    limiter: new RateLimiter(config.RATE_LIMIT_PER_MINUTE),
  });
  return {
    bot,
    store,
    knowledge,
    flows: () => live.flows,
    flowDefinitions: () => live.flows.definitions(),
    escalation,
    storeReady: () => (metrics ? countingStoreError(gate.ready(), metrics.storeError) : gate.ready()),
    migrated: gate.migrated,
    async reload() {
      const next = await loadKnowledge(config.KNOWLEDGE_DIR, loadFlows, new Date(), live.knowledge);
      if (next.errors.length > 0) {
        rejected = { at: new Date(), errors: next.errors.map(formatLintError) };
        logger.error({ errors: rejected.errors }, 'knowledge reload rejected: the previous version stays live; fix the files and save again (or send SIGHUP)');
        return { ok: false, errors: next.errors };
      }
      live.knowledge = next.knowledge;
      live.flows = next.flows;
      rejected = undefined;
      logger.info({ dir: config.KNOWLEDGE_DIR }, 'knowledge reloaded');
      return { ok: true, errors: [] };
    },
    rejectedReload: () => rejected,
    async close() {
      closing = true;
      stopPurge();
      await services.close();
    },
  };
}
