import { escapeMarkdown, type Message } from '../core/message.ts';
import type { CaseView } from './case-payload.ts';
import type { CaseService } from './case-service.ts';
import type { MessengerRegistry } from './conversation-messenger.ts';
import { escalationStrings } from './escalation-strings.ts';
import { REQUESTER_KIND, type Notification, type Notifier } from './notifier.ts';

/** Tells the requester, in their original conversation and on their platform, that their case was claimed or resolved. */
export function requesterNotifier(cases: CaseService, messengers: MessengerRegistry): Notifier {
  return {
    kind: REQUESTER_KIND,
    async deliver(notification: Notification) {
      const view = await cases.get(notification.caseId);
      if (!view) throw new Error(`Case ${notification.caseId} is gone; the requester cannot be told.`);
      const reference = view.payload.requester.reference;
      const messenger = messengers.get(reference.channel);
      if (!messenger) throw new Error(`No ${reference.channel} messenger in this process; it is delivered when the ${reference.channel} adapter runs.`);
      const message = requesterMessage(view, notification.event);
      if (message) await messenger.post(reference, [message], notification.idempotencyKey);
    },
  };
}

/** The requester's message for a case event (none for "new": they got the confirmation in the chat). */
export function requesterMessage(view: CaseView, event: Notification['event']): Message | undefined {
  const s = escalationStrings(view.payload.requester.reference.locale);
  const p = view.payload;
  const by = event === 'claimed' ? (p.claimedBy ?? 'KL') : (p.resolvedBy ?? 'KL');
  const say = event === 'claimed' ? s.claimed : event === 'resolved' ? s.resolved : undefined;
  if (!say) return undefined;
  return { blocks: [{ type: 'text', markdown: say(escapeMarkdown(by), escapeMarkdown(view.case.number)) }], fallback: say(by, view.case.number) };
}
