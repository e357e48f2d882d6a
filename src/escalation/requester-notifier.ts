import { escapeMarkdown, type Message } from '../core/message.ts';
import type { CaseView } from './case-payload.ts';
import { replyActionId } from './case-reply-form.ts';
import type { CaseService } from './case-service.ts';
import type { ConsultantMarks } from './consultant-marks.ts';
import type { ConversationMessenger } from './conversation-messenger.ts';
import { escalationStrings } from './escalation-strings.ts';
import { requesterKind, type Notification, type Notifier } from './notifier.ts';

/**
 * Tells requesters on the messenger's platform, in their original conversation, how their case goes and what the
 * consultant writes; `marks` keeps whether a consultant's message there waits for an answer.
 */
export function requesterNotifier(cases: CaseService, messenger: ConversationMessenger, marks?: ConsultantMarks): Notifier {
  return {
    kind: requesterKind(messenger.channel),
    async deliver(notification: Notification) {
      const view = await cases.get(notification.caseId);
      if (!view) throw new Error(`Case ${notification.caseId} is gone; the requester cannot be told.`);
      const reference = view.payload.requester.reference;
      if (reference.channel !== messenger.channel) {
        throw new Error(`Case ${view.case.number}'s requester is on ${reference.channel}, not ${messenger.channel}; the notification was stored under the wrong kind.`);
      }
      const message = requesterMessage(view, notification);
      if (message) await messenger.post(reference, [message], notification.idempotencyKey, view.case.id);
      const replyFormId = replyActionId(view.case.id);
      if (notification.event === 'reply' && view.case.status !== 'resolved') await marks?.wrote(reference.conversationId, { caseNumber: view.case.number, replyFormId });
      if (notification.event === 'resolved') await marks?.closed(reference.conversationId, replyFormId);
    },
  };
}

/** The requester's message for a case event (none for "new", told in the confirmation, or "answer", their own words). */
export function requesterMessage(view: CaseView, notification: Pick<Notification, 'event' | 'messageId'>): Message | undefined {
  const s = escalationStrings(view.payload.requester.reference.locale);
  const p = view.payload;
  const number = view.case.number;
  const plain = (text: string): Message => ({ blocks: [{ type: 'text', markdown: escapeMarkdown(text) }], fallback: text });
  switch (notification.event) {
    case 'claimed':
      return plain(s.claimed(p.claimedBy ?? 'KL', number));
    case 'resolved':
      return plain(s.resolved(p.resolvedBy ?? 'KL', number));
    case 'undeliverable':
      return plain(s.undeliverable(number));
    case 'reply': {
      const reply = view.messages.find((m) => m.id === notification.messageId);
      if (!reply) throw new Error(`Case ${number} has no message ${notification.messageId ?? '(none)'}; the reply cannot be relayed.`);
      const lead = s.consultantWrites(escapeMarkdown(reply.by ?? 'KL'), escapeMarkdown(number));
      // Once the case is resolved the exchange is over, so a late delivery comes without the button.
      const choices = view.case.status === 'resolved' ? [] : [{ type: 'choices' as const, choices: [{ id: replyActionId(view.case.id), label: s.replyButton, style: 'primary' as const }] }];
      return {
        blocks: [{ type: 'text', markdown: lead }, { type: 'text', markdown: escapeMarkdown(reply.text) }, ...choices],
        fallback: `${s.consultantWrites(reply.by ?? 'KL', number).replaceAll('**', '')} ${reply.text}`,
      };
    }
    case 'new':
    case 'answer':
      return undefined;
  }
}
