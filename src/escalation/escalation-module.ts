import type { Logger } from 'pino';
import type { Config } from '../config/config.ts';
import type { EscalationHandler } from '../core/router.ts';
import type { Store } from '../store/store.ts';
import { CaseService, type CaseChangeObserver } from './case-service.ts';
import { MessengerRegistry } from './conversation-messenger.ts';
import { EMAIL_KIND, emailNotifier } from './email-notifier.ts';
import { createEscalationHandler } from './escalation-handler.ts';
import { NotifierRegistry, type ConsultantChannel } from './notifier.ts';
import { OutboxWorker } from './outbox-worker.ts';
import { requesterNotifier } from './requester-notifier.ts';

/** The escalation parts a runtime holds: adapters register their messengers and inbox notifiers here. */
export interface Escalation {
  handler: EscalationHandler;
  cases: CaseService;
  notifiers: NotifierRegistry;
  messengers: MessengerRegistry;
  worker: OutboxWorker;
  /** Stops the worker and closes SMTP connections. */
  close(): Promise<void>;
}

/** The settings escalation reads. */
export type EscalationConfig = Pick<
  Config,
  'SMTP_URL' | 'CONSULTANT_EMAIL' | 'SMTP_FROM' | 'OUTBOX_POLL_MS' | 'OUTBOX_RETRY_BASE_MS' | 'CONSULTANT_SLACK_CHANNEL' | 'SLACK_BOT_TOKEN'
>;

/** The outbox kind of the Slack consultant inbox (delivered by the Slack adapter's notifier). */
export const SLACK_INBOX_KIND = 'slack-inbox';

/** The outbox kind of the Teams consultant inbox (delivered by the Teams adapter's notifier). */
export const TEAMS_INBOX_KIND = 'teams-inbox';

/** The setting under which the Teams adapter keeps the channel registered as consultant inbox. */
export const TEAMS_INBOX_SETTING = 'consultant-inbox:teams';

/** Builds cases, notifiers (e-mail when SMTP_URL and CONSULTANT_EMAIL are set; the requester's, per registered messenger), the consultant channels and the outbox worker. */
export function createEscalation(config: EscalationConfig, store: Store, logger: Logger, onChange?: CaseChangeObserver): Escalation {
  const channels: ConsultantChannel[] = [];
  // The Teams inbox is registered in a channel at run time, so it is read from the store (any process sees it).
  const consultantChannels = async (): Promise<ConsultantChannel[]> =>
    (await store.getSetting(TEAMS_INBOX_SETTING)) ? [...channels, { kind: TEAMS_INBOX_KIND, updatesOnChange: true }] : channels;
  const cases = new CaseService({ store, consultantChannels, ...(onChange ? { onChange } : {}) });
  const notifiers = new NotifierRegistry();
  // Requester notifications are kept per platform, so a process claims only those its messengers can deliver.
  const messengers = new MessengerRegistry((messenger) => notifiers.register(requesterNotifier(cases, messenger)));
  const closers: (() => void)[] = [];
  if (config.SMTP_URL && config.CONSULTANT_EMAIL) {
    const email = emailNotifier({ smtpUrl: config.SMTP_URL, to: config.CONSULTANT_EMAIL, from: config.SMTP_FROM ?? config.CONSULTANT_EMAIL, cases });
    notifiers.register(email);
    channels.push({ kind: EMAIL_KIND, updatesOnChange: false });
    closers.push(() => email.close());
  } else if (config.SMTP_URL || config.CONSULTANT_EMAIL) {
    logger.warn('consultant e-mail is off: set both SMTP_URL and CONSULTANT_EMAIL to send new cases by e-mail');
  }
  // Known from the configuration (not from the adapter), so `cases claim` in another process still updates the card.
  if (config.CONSULTANT_SLACK_CHANNEL && config.SLACK_BOT_TOKEN) channels.push({ kind: SLACK_INBOX_KIND, updatesOnChange: true });
  const worker = new OutboxWorker({ store, notifiers, cases, logger, pollMs: config.OUTBOX_POLL_MS, retryBaseMs: config.OUTBOX_RETRY_BASE_MS });
  return {
    handler: createEscalationHandler({ cases, messengers, logger }),
    cases,
    notifiers,
    messengers,
    worker,
    async close() {
      await worker.stop();
      for (const close of closers) close();
    },
  };
}
