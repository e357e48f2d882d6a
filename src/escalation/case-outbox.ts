import type { EscalationCase, NewOutboxMessage } from '../store/records.ts';
import type { CaseView } from './case-payload.ts';
import type { MessageSource } from './case-messages.ts';
import { requesterKind, type CaseEvent, type ConsultantChannel } from './notifier.ts';

/** The outbox entry for one case event on one channel; its key makes enqueueing it twice harmless (per message for the exchange). */
export function outboxMessage(c: EscalationCase, kind: string, event: CaseEvent, messageId?: string): NewOutboxMessage {
  const payload = { caseId: c.id, caseNumber: c.number, event, ...(messageId ? { messageId } : {}) };
  return { idempotencyKey: `${c.id}:${kind}:${event}${messageId ? `:${messageId}` : ''}`, kind, payload };
}

/**
 * The outbox kinds a case event goes to: the requester hears of claims, resolutions, consultant replies and a delivery
 * that failed for good; consultant channels hear of new cases, claims and resolutions (those that update a card), the
 * requester's answers (all of them) and consultant replies written elsewhere (those that keep a thread).
 */
export function recipientsOf(view: CaseView, event: CaseEvent, channels: ConsultantChannel[], source?: MessageSource): string[] {
  const requester = requesterKind(view.payload.requester.reference.channel);
  switch (event) {
    case 'new':
      return channels.map((c) => c.kind);
    case 'claimed':
    case 'resolved':
      return [requester, ...channels.filter((c) => c.updatesOnChange).map((c) => c.kind)];
    case 'reply':
      return [requester, ...channels.filter((c) => c.threads && c.kind !== source).map((c) => c.kind)];
    case 'answer':
      return channels.map((c) => c.kind);
    case 'undeliverable':
      return [requester];
  }
}

/** True when every consultant channel the case was sent to has given up on it (so nobody has seen it). */
export function everyRouteGaveUp(view: CaseView): boolean {
  const routes = view.payload.routes ?? [];
  if (routes.length === 0) return false;
  return routes.every((kind) => view.deliveries.some((d) => d.notification === `${kind}:new` && d.status === 'failed'));
}
