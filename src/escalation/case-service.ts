import { redact } from '../core/redact.ts';
import { storableText } from '../core/sanitise-input.ts';
import type { EscalationCase, NewOutboxMessage } from '../store/records.ts';
import type { Store } from '../store/store.ts';
import { DELIVERY_PREFIX, readCase, type CasePayload, type CaseView, type DeliveryRecord } from './case-payload.ts';
import { requesterKind, type CaseEvent, type ConsultantChannel } from './notifier.ts';

/** Thrown when a case cannot move as asked (unknown number, or already further along). */
export class CaseTransitionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CaseTransitionError';
  }
}

/** Told about each case that was opened, claimed or resolved (analytics plugs in here); must not throw. */
export type CaseChangeObserver = (change: 'created' | 'claimed' | 'resolved', view: CaseView) => void;

/** What the case service needs: the store and the consultant channels configured (or registered at run time). */
export interface CaseServiceDeps {
  store: Store;
  consultantChannels: () => ConsultantChannel[] | Promise<ConsultantChannel[]>;
  now?: () => Date;
  onChange?: CaseChangeObserver;
}

const NEXT: Record<'claim' | 'resolve', { from: EscalationCase['status'][]; to: 'claimed' | 'resolved' }> = {
  claim: { from: ['new'], to: 'claimed' },
  resolve: { from: ['new', 'claimed'], to: 'resolved' },
};

/** Opens, claims and resolves escalation cases; every change enqueues its notifications through the outbox. */
export class CaseService {
  constructor(private readonly deps: CaseServiceDeps) {}

  /**
   * Opens a case with its consultant notifications in one transaction. The same submission opens one case, also when
   * it reaches several instances at once: the database keeps one case per submission key, and every later opening gets
   * that case back (its notifications are not enqueued again, and observers hear of it once).
   */
  async open(payload: CasePayload): Promise<CaseView> {
    const channels = await this.deps.consultantChannels();
    let created = false;
    const stored = await this.deps.store.createCaseWithNotifications({ payload, createdAt: this.now(), submissionKey: payload.submissionKey }, (c) => {
      created = true;
      return channels.map((channel) => outboxMessage(c, channel.kind, 'new'));
    });
    const view = readCase(stored);
    if (created) this.deps.onChange?.('created', view);
    return view;
  }

  /** Lists cases, oldest first. */
  async list(status?: EscalationCase['status']): Promise<CaseView[]> {
    return (await this.deps.store.listCases(status)).map(readCase);
  }

  /** Finds a case by number or id. */
  async get(ref: string): Promise<CaseView | null> {
    const found = await this.deps.store.getCase(ref);
    return found ? readCase(found) : null;
  }

  /**
   * Claims or resolves a case as `by` and enqueues the requester's notification and the inbox card updates.
   * Repeating a move that already happened re-enqueues the same notifications (idempotent), so a crash in between loses none.
   */
  async move(ref: string, action: 'claim' | 'resolve', consultant: string): Promise<CaseView> {
    // The consultant's display name comes from Slack or Teams and is stored in the case: redacted like any user text.
    const by = redact(storableText(consultant));
    const current = await this.get(ref);
    if (!current) throw new CaseTransitionError(`No case "${ref}". Check the number with "some-advisor cases list".`);
    const { from, to } = NEXT[action];
    let moved: CaseView = current;
    if (from.includes(current.case.status)) {
      const at = this.now().toISOString();
      const patch: Partial<CasePayload> = {
        history: [...current.payload.history, { status: to, at, by }],
        ...(to === 'claimed' ? { claimedBy: by } : { resolvedBy: by }),
      };
      const updated = await this.deps.store.transitionCase(current.case.id, current.case.status, to, patch);
      if (!updated) throw new CaseTransitionError(`Case ${current.case.number} changed while it was being updated; run the command again.`);
      moved = readCase(updated);
      this.deps.onChange?.(to, moved);
    } else if (current.case.status !== to) {
      throw new CaseTransitionError(`Case ${current.case.number} is ${current.case.status}; it cannot be ${to} now.`);
    }
    const kinds = [requesterKind(moved.payload.requester.reference.channel), ...(await this.deps.consultantChannels()).filter((c) => c.updatesOnChange).map((c) => c.kind)];
    for (const kind of kinds) await this.deps.store.enqueueOutbox(outboxMessage(moved.case, kind, to));
    return moved;
  }

  /** Records how a notification fared in its case (one payload key per notification, so writers never overwrite each other). */
  async recordDelivery(caseId: string, notification: string, record: DeliveryRecord): Promise<void> {
    await this.annotate(caseId, { [`${DELIVERY_PREFIX}${notification}`]: record });
  }

  /** Merges top-level keys into a case's payload without changing its status (e.g. where an inbox card was posted). */
  async annotate(caseId: string, patch: Record<string, unknown>): Promise<void> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const current = await this.deps.store.getCase(caseId);
      if (!current) return;
      if (await this.deps.store.transitionCase(caseId, current.status, current.status, patch)) return;
    }
  }

  private now(): Date {
    return (this.deps.now ?? (() => new Date()))();
  }
}

/** The outbox entry for one case event on one channel; its key makes enqueueing it twice harmless. */
function outboxMessage(c: EscalationCase, kind: string, event: CaseEvent): NewOutboxMessage {
  return { idempotencyKey: `${c.id}:${kind}:${event}`, kind, payload: { caseId: c.id, caseNumber: c.number, event } };
}
