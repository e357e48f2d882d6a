import type { Logger } from 'pino';
import type { Config } from '../config/config.ts';
import { flowAction } from '../core/answers.ts';
import type { EscalationHandler } from '../core/router-deps.ts';
import type { Store } from '../store/store.ts';
import { CaseService, type CaseChangeObserver } from './case-service.ts';
import { consultantMarks, type ConsultantMarks } from './consultant-marks.ts';
import type { ConfirmationExtras } from './confirmation-message.ts';
import { MessengerRegistry } from './conversation-messenger.ts';
import { emailNotifier } from './email-notifier.ts';
import { createEscalationHandler } from './escalation-handler.ts';
import { checkEscalationRoutes, type EscalationRoutes } from './escalation-routes.ts';
import { NotifierRegistry } from './notifier.ts';
import { OutboxWorker } from './outbox-worker.ts';
import { requesterNotifier } from './requester-notifier.ts';

export { SLACK_INBOX_KIND, TEAMS_INBOX_KIND, TEAMS_INBOX_SETTING } from './escalation-routes.ts';

/** The escalation parts a runtime holds: adapters register their messengers and inbox notifiers here. */
export interface Escalation {
  handler: EscalationHandler;
  cases: CaseService;
  notifiers: NotifierRegistry;
  messengers: MessengerRegistry;
  /** Whether a consultant's message waits for an answer in a requester's conversation. */
  marks: ConsultantMarks;
  worker: OutboxWorker;
  /** Where new cases can go right now (for `/readyz`, `doctor` and the start-up warning). */
  routes(): Promise<EscalationRoutes>;
  /**
   * At start-up (once migrations are applied): logs the consultant routes, or a warning naming what is missing when there
   * is none, and sends the cases registered while there was none to the routes there are now.
   */
  announceRoutes(): Promise<void>;
  /** Stops the worker and closes SMTP connections. */
  close(): Promise<void>;
}

/** The settings escalation reads. */
export type EscalationConfig = Pick<
  Config,
  | 'SMTP_URL'
  | 'CONSULTANT_EMAIL'
  | 'SMTP_FROM'
  | 'OUTBOX_POLL_MS'
  | 'OUTBOX_RETRY_BASE_MS'
  | 'CONSULTANT_SLACK_CHANNEL'
  | 'SLACK_BOT_TOKEN'
  | 'CASE_PREFIX'
  | 'URGENT_CONTACT_TEXT'
>;

/** The flow offered to urgent requests as "what to do now" (the shitstorm guide). */
export const CRISIS_FLOW_ID = 'crisis';

/** What escalation asks of the live knowledge: a flow's title, when the flow exists. */
export type FlowTitles = (flowId: string) => string | undefined;

/**
 * Builds cases, notifiers (e-mail when SMTP_URL and CONSULTANT_EMAIL are set; the requester's, per registered messenger),
 * the consultant channels and the outbox worker.
 */
export function createEscalation(config: EscalationConfig, store: Store, logger: Logger, onChange?: CaseChangeObserver, flowTitles?: FlowTitles): Escalation {
  // Read per case: the Teams inbox is registered in a channel at run time and kept in the store (any process sees it).
  const routes = () => checkEscalationRoutes(config, store);
  const cases = new CaseService({ store, consultantChannels: async () => (await routes()).channels, casePrefix: config.CASE_PREFIX, logger, ...(onChange ? { onChange } : {}) });
  const notifiers = new NotifierRegistry();
  // Requester notifications are kept per platform, so a process claims only those its messengers can deliver.
  const marks = consultantMarks(store, logger);
  const messengers = new MessengerRegistry((messenger) => notifiers.register(requesterNotifier(cases, messenger, marks)));
  const closers: (() => void)[] = [];
  if (config.SMTP_URL && config.CONSULTANT_EMAIL) {
    const email = emailNotifier({ smtpUrl: config.SMTP_URL, to: config.CONSULTANT_EMAIL, from: config.SMTP_FROM ?? config.CONSULTANT_EMAIL, cases });
    notifiers.register(email);
    closers.push(() => email.close());
  } else if (config.SMTP_URL || config.CONSULTANT_EMAIL) {
    logger.warn('consultant e-mail is off: set both SMTP_URL and CONSULTANT_EMAIL to send new cases by e-mail');
  }
  const extras = (): ConfirmationExtras => {
    const title = flowTitles?.(CRISIS_FLOW_ID);
    return { ...(title ? { crisisGuide: { actionId: flowAction(CRISIS_FLOW_ID), title } } : {}), ...(config.URGENT_CONTACT_TEXT ? { urgentContact: config.URGENT_CONTACT_TEXT } : {}) };
  };
  const worker = new OutboxWorker({ store, notifiers, cases, logger, pollMs: config.OUTBOX_POLL_MS, retryBaseMs: config.OUTBOX_RETRY_BASE_MS });
  return {
    handler: createEscalationHandler({ cases, messengers, logger, extras }),
    cases,
    notifiers,
    messengers,
    marks,
    worker,
    routes,
    async announceRoutes() {
      const found = await routes();
      if (found.status === 'no-route') {
        logger.warn({ missing: found.missing }, `escalation: no consultant delivery route, so requests are registered but reach nobody (see "some-advisor cases list"): ${found.missing.join('; ')}`);
      } else {
        logger.info({ routes: found.channels.map((c) => c.kind) }, 'escalation: new cases go to the consultant routes listed');
      }
      const forwarded = await cases.forwardUnrouted();
      if (forwarded > 0) logger.info({ cases: forwarded }, 'escalation: cases registered without a consultant route were sent to the routes there are now');
    },
    async close() {
      await worker.stop();
      for (const close of closers) close();
    },
  };
}
