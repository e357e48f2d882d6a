import type { Logger } from 'pino';
import type { OutboxMessage } from '../store/records.ts';
import { StoreUnavailableError, type Store } from '../store/store.ts';
import type { DeliveryRecord } from './case-payload.ts';
import type { CaseService } from './case-service.ts';
import { ConversationNotOpenError } from './conversation-messenger.ts';
import { FailureRunLog } from './failure-run-log.ts';
import { CASE_EVENTS, type CaseEvent, type NotifierRegistry } from './notifier.ts';

/** How the worker polls and retries. */
export interface OutboxWorkerOptions {
  store: Store;
  notifiers: NotifierRegistry;
  /** Where each notification's outcome is recorded, so `cases show` can tell. */
  cases: CaseService;
  logger: Logger;
  /** Time between polls when idle. */
  pollMs: number;
  /** First retry delay; it doubles per failed attempt up to `maxDelayMs`. */
  retryBaseMs: number;
  maxDelayMs?: number;
  /** After this many failed attempts a notification is given up (visible in `cases show` and the logs). */
  maxAttempts?: number;
  /** How long a claimed notification is reserved for this worker before another may retry it. */
  leaseMs?: number;
  now?: () => Date;
}

/** The bounded exponential backoff: base · 2^(attempt-1), at most `maxDelayMs`; null once `maxAttempts` is reached. */
export function retryDelay(attempt: number, baseMs: number, maxDelayMs: number, maxAttempts: number): number | null {
  if (attempt >= maxAttempts) return null;
  return Math.min(baseMs * 2 ** (attempt - 1), maxDelayMs);
}

/** Delivers outbox notifications with retries; one per process, stopped on shutdown. */
export class OutboxWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private stopped = true;
  /** Outcomes that could not be written while the store was down, by outbox id; written before the next claim. */
  private readonly unwritten = new Map<string, () => Promise<void>>();

  /** Failed polls (e.g. while the store is down): the first is logged, then about once a minute, then the recovery. */
  private readonly pollFailures: FailureRunLog;

  constructor(private readonly options: OutboxWorkerOptions) {
    this.pollFailures = new FailureRunLog(options.logger, 'outbox poll', () => this.now().getTime());
  }

  /** Starts polling (the first poll after `pollMs`). */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule();
  }

  /** Stops polling and waits for a delivery in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Delivers every due notification of the kinds this process has notifiers for; returns how many were sent. */
  async runOnce(): Promise<number> {
    const { store, notifiers, leaseMs = 60_000 } = this.options;
    // Only kinds this process can deliver: a claim it cannot deliver would burn one of the notification's attempts.
    const kinds = notifiers.kinds();
    if (kinds.length === 0) return 0;
    // Written first: a delivery whose "sent" mark was lost is not sent again, and a failed one is not held by its lease.
    for (const [id, write] of this.unwritten) {
      await write();
      this.unwritten.delete(id);
    }
    const due = await store.claimDueOutbox(this.now(), 20, leaseMs, kinds);
    let sent = 0;
    for (const message of due) if (await this.deliver(message)) sent++;
    return sent;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.runOnce().then(
        (sent) => {
          this.pollFailures.success();
          return sent;
        },
        (error: unknown) => {
          this.pollFailures.failure(error);
          return 0;
        },
      );
      void this.running.then(() => this.schedule());
    }, this.options.pollMs);
    this.timer.unref();
  }

  private async deliver(message: OutboxMessage): Promise<boolean> {
    const { store, notifiers, cases, logger, retryBaseMs, maxDelayMs = 10 * 60_000, maxAttempts = 12 } = this.options;
    const caseId = typeof message.payload.caseId === 'string' ? message.payload.caseId : undefined;
    const messageId = typeof message.payload.messageId === 'string' ? message.payload.messageId : undefined;
    const notification = `${message.kind}:${String(message.payload.event)}${messageId ? `:${messageId}` : ''}`;
    const record = async (status: DeliveryRecord['status'], lastError?: string) => {
      if (!caseId) return;
      const at = this.now().toISOString();
      await cases.recordDelivery(caseId, notification, lastError ? { status, attempts: message.attempts, at, lastError } : { status, attempts: message.attempts, at });
    };
    const log = { outbox: message.id, kind: message.kind, case: message.payload.caseNumber, attempt: message.attempts };
    try {
      const notifier = notifiers.get(message.kind);
      if (!notifier) throw new Error(`no "${message.kind}" notifier is configured in this process`);
      const event = message.payload.event;
      if (!caseId || !isEvent(event)) throw new Error('the outbox payload has no caseId/event; it was not written by the escalation module');
      await notifier.deliver({ idempotencyKey: message.idempotencyKey, caseId, event, attempt: message.attempts, ...(messageId ? { messageId } : {}) });
    } catch (error) {
      if (error instanceof ConversationNotOpenError) {
        // Not a failure: the conversation is open elsewhere or later, so the attempt is handed back uncounted.
        await this.write(message.id, () => store.releaseOutbox(message.id, this.now()));
        logger.debug({ ...log, reason: error.message }, 'notification waits for its conversation to open');
        return false;
      }
      const reason = error instanceof Error ? error.message : String(error);
      const delay = retryDelay(message.attempts, retryBaseMs, maxDelayMs, maxAttempts);
      await this.write(message.id, () => store.markOutboxFailed(message.id, reason, delay === null ? null : new Date(this.now().getTime() + delay)));
      await record(delay === null ? 'failed' : 'retrying', reason).catch(() => undefined);
      if (delay === null) logger.error({ ...log, reason }, 'notification gave up after repeated failures; see "some-advisor cases show"');
      else logger.warn({ ...log, reason, retryInMs: delay }, 'notification failed; will retry');
      return false;
    }
    const sentAt = this.now();
    await this.write(message.id, () => store.markOutboxSent(message.id, sentAt));
    await record('sent').catch((error: unknown) => logger.warn({ ...log, err: error }, 'notification delivered; its record in the case could not be written'));
    logger.info(log, 'notification delivered');
    return true;
  }

  /** Writes an outcome; with the store down it is kept and written before the next claim. */
  private async write(id: string, outcome: () => Promise<void>): Promise<void> {
    try {
      await outcome();
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
      this.unwritten.set(id, outcome);
      this.options.logger.warn({ outbox: id, err: error }, 'store unavailable; the notification outcome is written once it is back');
    }
  }

  private now(): Date {
    return (this.options.now ?? (() => new Date()))();
  }
}

function isEvent(value: unknown): value is CaseEvent {
  return CASE_EVENTS.some((event) => event === value);
}
