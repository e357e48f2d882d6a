import { escapeMarkdown, type Message } from '../core/message.ts';
import type { CaseView } from './case-payload.ts';
import type { CaseService } from './case-service.ts';
import type { ConversationMessenger } from './conversation-messenger.ts';
import { escalationStrings } from './escalation-strings.ts';
import { requesterKind, type Notification, type Notifier } from './notifier.ts';

/** Tells requesters on the messenger's platform, in their original conversation, that their case was claimed or resolved. */
export function requesterNotifier(cases: CaseService, messenger: ConversationMessenger): Notifier {
  return {
    kind: requesterKind(messenger.channel),
    async deliver(notification: Notification) {
      const view = await cases.get(notification.caseId);
      if (!view) throw new Error(`Case ${notification.caseId} is gone; the requester cannot be told.`);
      const reference = view.payload.requester.reference;
      if (reference.channel !== messenger.channel) {
        throw new Error(`Case ${view.case.number}'s requester is on ${reference.channel}, not ${messenger.channel}; the notification was stored under the wrong kind.`);
      }
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
