import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { RequestHandler } from 'express';
import type { TurnObserver } from '../core/bot.ts';
import type { CaseChangeObserver } from '../escalation/case-service.ts';
import { StoreUnavailableError, type OutboxBacklog, type Store } from '../store/store.ts';

/** The routes latency is measured per; any other path counts as "other" (keeps the label set small). */
const ROUTES = new Set(['/slack/events', '/api/messages', '/healthz', '/readyz', '/metrics', '/playground/api/turn']);

/** The assistant's Prometheus metrics: a registry, and the observers and middleware that feed it. */
export interface Metrics {
  registry: Registry;
  /** Counts turns per channel, answers per kind and guides started/completed (a Bot observer). */
  turnObserver: TurnObserver;
  /** Counts escalation cases opened, claimed and resolved. */
  caseObserver: CaseChangeObserver;
  /** Counts a store call that failed because the store was unavailable. */
  storeError(): void;
  /** Times every HTTP request (express middleware; mount it before the routes). */
  requestTimer: RequestHandler;
  /** Reads the outbox backlog from this store on each scrape. */
  watchOutbox(store: Pick<Store, 'outboxBacklog'>): void;
}

/** Builds the metrics (process metrics included), each registered in its own registry (no global state). */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'some_advisor_' });
  const registers = [registry];
  const turns = new Counter({ name: 'some_advisor_turns_total', help: 'Turns handled, by channel.', labelNames: ['channel'], registers });
  const answers = new Counter({
    name: 'some_advisor_answers_total',
    help: 'Typed questions by outcome: confident answer, "Mente du" suggestions, no answer, or outside the field.',
    labelNames: ['kind'],
    registers,
  });
  const guides = new Counter({ name: 'some_advisor_guides_total', help: 'Guides started and completed.', labelNames: ['event'], registers });
  const escalations = new Counter({ name: 'some_advisor_escalations_total', help: 'Consultant cases opened, claimed and resolved.', labelNames: ['change'], registers });
  const storeErrors = new Counter({ name: 'some_advisor_store_errors_total', help: 'Store calls that failed because the database was unavailable.', registers });
  const latency = new Histogram({
    name: 'some_advisor_http_request_duration_seconds',
    help: 'HTTP request duration, by route, method and status.',
    labelNames: ['route', 'method', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers,
  });
  let outboxStore: Pick<Store, 'outboxBacklog'> | undefined;
  // While the store is down a scrape still answers: the gauges keep the last reading (the oldest one's age keeps
  // growing) and store_errors_total counts the failed read.
  let lastBacklog: OutboxBacklog = { pending: 0, oldestPendingAt: null, givenUp: 0 };
  const readBacklog = async (): Promise<OutboxBacklog> => {
    try {
      if (outboxStore) lastBacklog = await outboxStore.outboxBacklog();
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
    }
    return lastBacklog;
  };
  // One read serves the three outbox gauges of a scrape.
  let backlogRead: Promise<OutboxBacklog> | undefined;
  const backlog = () => {
    backlogRead ??= readBacklog().finally(() => setImmediate(() => (backlogRead = undefined)));
    return backlogRead;
  };
  new Gauge({
    name: 'some_advisor_outbox_pending',
    help: 'Notifications waiting to be sent (including those being retried).',
    registers,
    async collect() {
      this.set((await backlog()).pending);
    },
  });
  new Gauge({
    name: 'some_advisor_outbox_oldest_pending_age_seconds',
    help: 'Age of the oldest notification waiting to be sent (0 when none waits).',
    registers,
    async collect() {
      const oldest = (await backlog()).oldestPendingAt;
      this.set(oldest ? Math.max(0, (Date.now() - oldest.getTime()) / 1000) : 0);
    },
  });
  new Gauge({
    name: 'some_advisor_outbox_given_up',
    help: 'Notifications that failed every attempt and are no longer retried (see cases show).',
    registers,
    async collect() {
      this.set((await backlog()).givenUp);
    },
  });
  return {
    registry,
    turnObserver(turn, routed) {
      turns.inc({ channel: turn.channel });
      for (const event of routed.events ?? []) {
        if (event.type === 'question_asked') {
          if (event.decision === 'answer') answers.inc({ kind: 'confident' });
          else if (event.decision === 'suggest') answers.inc({ kind: 'did_you_mean' });
        } else if (event.type === 'no_answer') answers.inc({ kind: event.outside ? 'outside_field' : 'none' });
        else if (event.type === 'flow_started') guides.inc({ event: 'started' });
        else if (event.type === 'flow_completed') guides.inc({ event: 'completed' });
      }
    },
    caseObserver(change) {
      escalations.inc({ change });
    },
    storeError() {
      storeErrors.inc();
    },
    requestTimer(req, res, next) {
      const stop = latency.startTimer();
      res.once('finish', () => stop({ route: ROUTES.has(req.path) ? req.path : 'other', method: req.method, status: String(res.statusCode) }));
      next();
    },
    watchOutbox(store) {
      outboxStore = store;
    },
  };
}
