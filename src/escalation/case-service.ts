import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { redact, type PersonalDataKind } from '../core/redact.ts';
import { storableText } from '../core/sanitise-input.ts';
import type { ConversationState } from '../shared/conversation-state.ts';
import type { EscalationCase } from '../store/records.ts';
import { DEFAULT_CASE_PREFIX } from '../store/case-number.ts';
import type { Store } from '../store/store.ts';
import { cleanMessage, MAX_CASE_MESSAGES, MESSAGE_PREFIX, type CaseMessage, type CleanedMessage, type MessageRefusal, type MessageSource } from './case-messages.ts';
import { everyRouteGaveUp, outboxMessage, recipientsOf } from './case-outbox.ts';
import { storedCaseNumber } from './case-number-spelling.ts';
import { DELIVERY_PREFIX, readCase, requesterConversationOf, type CasePayload, type CaseView, type DeliveryRecord } from './case-payload.ts';
import { stateForOpenCases } from './kept-for-open-cases.ts';
import type { CaseEvent, ConsultantChannel } from './notifier.ts';

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
  /** CASE_PREFIX: the case numbers' prefix ("KL" when omitted). */
  casePrefix?: string;
  /** Where a deletion is logged (who deleted which case number); nothing is logged when omitted. */
  logger?: Logger;
}

/**
 * The outcome of adding a message to a case: the message, the case and the kinds of personal data taken out of the text
 * before it was stored and sent (none for a redelivered message); or why it was refused.
 */
export type MessageOutcome = { ok: true; view: CaseView; message: CaseMessage; removed: PersonalDataKind[] } | { ok: false; reason: MessageRefusal; view?: CaseView };

const NEXT: Record<'claim' | 'resolve', { from: EscalationCase['status'][]; to: 'claimed' | 'resolved' }> = {
  claim: { from: ['new'], to: 'claimed' },
  resolve: { from: ['new', 'claimed'], to: 'resolved' },
};

/**
 * Whether a message may be added to a case: refused once the case is closed, for its text, or when the case is full;
 * the message itself when it is stored already (a redelivery); else the text to store.
 */
function admission(view: CaseView, messageId: string, cleaned: CleanedMessage): { refused: MessageRefusal } | { stored: CaseMessage } | { text: string; removed: PersonalDataKind[] } {
  if (view.case.status === 'resolved') return { refused: 'resolved' };
  const stored = view.messages.find((m) => m.id === messageId);
  if (stored) return { stored };
  if ('refused' in cleaned) return cleaned;
  return view.messages.length >= MAX_CASE_MESSAGES ? { refused: 'full' } : cleaned;
}

/** Opens, claims and resolves escalation cases and carries their exchange; every change enqueues its notifications through the outbox. */
export class CaseService {
  constructor(private readonly deps: CaseServiceDeps) {}

  /**
   * Opens a case with its consultant notifications in one transaction. The same submission opens one case, also when
   * it reaches several instances at once: the database keeps one case per submission key, and every later opening gets
   * that case back (its notifications are not enqueued again, and observers hear of it once).
   */
  async open(payload: CasePayload): Promise<CaseView> {
    const channels = await this.deps.consultantChannels();
    const routed: CasePayload = { ...payload, routes: channels.map((c) => c.kind) };
    const numberPrefix = this.deps.casePrefix;
    let created = false;
    const stored = await this.deps.store.createCaseWithNotifications(
      { payload: routed, createdAt: this.now(), submissionKey: payload.submissionKey, ...(numberPrefix ? { numberPrefix } : {}) },
      (c) => {
        created = true;
        return channels.map((channel) => outboxMessage(c, channel.kind, 'new'));
      },
    );
    const view = readCase(stored);
    if (created) this.deps.onChange?.('created', view);
    return view;
  }

  /** Lists cases, oldest first. */
  async list(status?: EscalationCase['status']): Promise<CaseView[]> {
    return (await this.deps.store.listCases(status)).map(readCase);
  }

  /** The case `match` picks (e.g. by where its inbox card is), looking at unresolved cases first and then resolved ones. */
  async find(match: (view: CaseView) => boolean): Promise<CaseView | undefined> {
    const open = [...(await this.list('new')), ...(await this.list('claimed'))];
    return open.find(match) ?? (await this.list('resolved')).find(match);
  }

  /** Finds a case by id, or by number in any letter case ("kl-2026-0004"). */
  async get(ref: string): Promise<CaseView | null> {
    const number = storedCaseNumber(ref, this.deps.casePrefix ?? DEFAULT_CASE_PREFIX);
    const found = (await this.deps.store.getCase(ref)) ?? (number === undefined ? null : await this.deps.store.getCase(number));
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
    await this.notify(moved, to);
    return moved;
  }

  /**
   * Deletes a case now, whatever its status, with everything stored about it (an erasure request) — the requester's
   * conversation too: its state, history and sent cards, but what another case of it still open needs (see
   * eraseConversation) — and logs who did it with the case number only. Returns the deleted case's number, or undefined
   * when there is no such case.
   */
  async delete(ref: string, by: string): Promise<string | undefined> {
    const number = storedCaseNumber(ref, this.deps.casePrefix ?? DEFAULT_CASE_PREFIX);
    const deleted = (await this.deps.store.deleteCase(ref)) ?? (number === undefined ? null : await this.deps.store.deleteCase(number));
    if (!deleted) return undefined;
    const conversation = requesterConversationOf(deleted);
    if (conversation !== undefined) await this.eraseConversation(conversation);
    this.deps.logger?.info({ case: deleted.number, by: redact(storableText(by)) }, 'case deleted with everything stored about it');
    return deleted.number;
  }

  /**
   * Erases a deleted case's conversation: all of it, or, while other cases of it are open, all but their notices in its
   * history and the marks of them in its state (stateForOpenCases), so they still reach the requester there.
   */
  private async eraseConversation(conversationId: string): Promise<void> {
    const open = [...(await this.deps.store.listCases('new')), ...(await this.deps.store.listCases('claimed'))];
    const caseIds = open.filter((c) => requesterConversationOf(c) === conversationId).map((c) => c.id);
    const keep = caseIds.length === 0 ? undefined : { caseIds, state: (current: ConversationState) => stateForOpenCases(current, caseIds) };
    await this.deps.store.deleteConversation(conversationId, keep);
  }

  /**
   * A consultant's reply (from the terminal, or the Slack or Teams inbox thread) to the requester: redacted, bounded,
   * refused once the case is resolved. A reply to a new case claims it first (a refused one does not). `messageId` (the
   * platform's id of the reply) makes a redelivered reply a no-op; the outbox carries it to the requester and the other
   * consultant threads.
   */
  async reply(ref: string, text: string, by: string, source: Exclude<MessageSource, 'requester'>, messageId: string = randomUUID()): Promise<MessageOutcome> {
    let view = await this.get(ref);
    if (!view) return { ok: false, reason: 'not-found' };
    const cleaned = cleanMessage(text);
    if (view.case.status === 'new') {
      // Only a reply that will be sent takes the case: a refused one changes nothing.
      const admitted = admission(view, messageId, cleaned);
      if ('refused' in admitted) return { ok: false, reason: admitted.refused, view };
      view = await this.move(view.case.id, 'claim', by);
    }
    return this.addMessage(view, { id: messageId, from: 'consultant', by, source }, cleaned);
  }

  /** The requester's answer to the consultant, accepted only from the person and conversation the case was opened by, while it is open. */
  async answer(caseId: string, from: { conversationId: string; userId: string }, text: string, messageId: string = randomUUID()): Promise<MessageOutcome> {
    const view = await this.get(caseId);
    if (!view) return { ok: false, reason: 'not-found' };
    const requester = view.payload.requester;
    if (requester.conversationId !== from.conversationId || requester.userId !== from.userId) return { ok: false, reason: 'not-requester' };
    return this.addMessage(view, { id: messageId, from: 'requester', source: 'requester' }, cleanMessage(text));
  }

  /**
   * Records how a notification fared in its case (one payload key per notification, so writers never overwrite each
   * other). When the last consultant channel gives up on a new case, the requester is told through the outbox.
   */
  async recordDelivery(caseId: string, notification: string, record: DeliveryRecord): Promise<void> {
    await this.annotate(caseId, { [`${DELIVERY_PREFIX}${notification}`]: record });
    if (record.status !== 'failed' || !notification.endsWith(':new')) return;
    const view = await this.get(caseId);
    if (view && everyRouteGaveUp(view)) await this.notify(view, 'undeliverable');
  }

  /** Sends the new cases that had no consultant channel to the channels there are now (at start-up, or when an inbox is registered); returns how many. */
  async forwardUnrouted(): Promise<number> {
    const channels = await this.deps.consultantChannels();
    if (channels.length === 0) return 0;
    const waiting = (await this.list('new')).filter((v) => v.payload.routes?.length === 0);
    for (const view of waiting) {
      await this.annotate(view.case.id, { routes: channels.map((c) => c.kind), forwardedLater: true });
      await this.notify(view, 'new');
    }
    return waiting.length;
  }

  /** Merges top-level keys into a case's payload without changing its status (e.g. where an inbox card was posted). */
  async annotate(caseId: string, patch: Record<string, unknown>): Promise<void> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const current = await this.deps.store.getCase(caseId);
      if (!current) return;
      if (await this.deps.store.transitionCase(caseId, current.status, current.status, patch)) return;
    }
  }

  private async addMessage(view: CaseView, message: Omit<CaseMessage, 'text' | 'at' | 'seq'>, cleaned: CleanedMessage): Promise<MessageOutcome> {
    const admitted = admission(view, message.id, cleaned);
    if ('refused' in admitted) return { ok: false, reason: admitted.refused, view };
    let stored: CaseMessage;
    let removed: PersonalDataKind[] = [];
    if ('stored' in admitted) stored = admitted.stored;
    else {
      stored = { ...message, text: admitted.text, at: this.now().toISOString(), seq: view.messages.length + 1 };
      removed = admitted.removed;
      await this.annotate(view.case.id, { [`${MESSAGE_PREFIX}${message.id}`]: stored });
    }
    const event: CaseEvent = message.from === 'consultant' ? 'reply' : 'answer';
    await this.notify(view, event, stored);
    return { ok: true, view: (await this.get(view.case.id)) ?? view, message: stored, removed };
  }

  /** Enqueues one event's notifications for everyone who hears of it (see recipientsOf). */
  private async notify(view: CaseView, event: CaseEvent, message?: CaseMessage): Promise<void> {
    const kinds = recipientsOf(view, event, await this.deps.consultantChannels(), message?.source);
    for (const kind of kinds) await this.deps.store.enqueueOutbox(outboxMessage(view.case, kind, event, message?.id));
  }

  private now(): Date {
    return (this.deps.now ?? (() => new Date()))();
  }
}
