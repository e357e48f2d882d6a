import type { Channel } from '../core/turn.ts';

/**
 * What happened to a case that a notification tells about: opened, claimed, resolved; a consultant's `reply` (to the
 * requester, and to the other consultant channels); the requester's `answer` (to the consultant channels); and
 * `undeliverable` (to the requester, when every consultant channel gave up).
 */
export type CaseEvent = 'new' | 'claimed' | 'resolved' | 'reply' | 'answer' | 'undeliverable';

/** Every case event, for reading outbox payloads back. */
export const CASE_EVENTS: readonly CaseEvent[] = ['new', 'claimed', 'resolved', 'reply', 'answer', 'undeliverable'];

/** One notification to deliver, as read from the outbox. */
export interface Notification {
  /** Unique per notification; channels that can deduplicate use it (e-mail Message-ID, Slack metadata …). */
  idempotencyKey: string;
  caseId: string;
  event: CaseEvent;
  /** For `reply` and `answer`: the id of the case message to relay. */
  messageId?: string;
  /** Which delivery attempt this is (1 for the first). */
  attempt: number;
}

/** A delivery channel for case notifications (e-mail, a Slack inbox, the requester's conversation …). */
export interface Notifier {
  /** The outbox kind it delivers (e.g. "email", "slack-inbox", "requester:teams"). */
  readonly kind: string;
  /** Delivers one notification; throws when it did not arrive (the outbox retries it). */
  deliver(notification: Notification): Promise<void>;
}

/**
 * A consultant-facing channel that is configured: `updatesOnChange` when it also hears about claims and resolutions (to
 * update its card), `threads` when the exchange between consultant and requester is posted in it (under the card).
 */
export interface ConsultantChannel {
  kind: string;
  updatesOnChange: boolean;
  threads: boolean;
}

/** The outbox kind of requester notifications on one platform ("requester:slack"): only a process with that platform's messenger claims them. */
export function requesterKind(channel: Channel): string {
  return `requester:${channel}`;
}

/** The delivery channels this process can deliver, by kind. */
export class NotifierRegistry {
  private readonly notifiers = new Map<string, Notifier>();

  /** Adds (or replaces) the notifier for its kind. */
  register(notifier: Notifier): void {
    this.notifiers.set(notifier.kind, notifier);
  }

  /** The notifier for a kind, if this process has one. */
  get(kind: string): Notifier | undefined {
    return this.notifiers.get(kind);
  }

  /** The kinds this process can deliver (the outbox worker claims only these). */
  kinds(): string[] {
    return [...this.notifiers.keys()];
  }
}
