import { Activity, ActivityTypes, type ConversationReference } from '@microsoft/agents-activity';
import type { CloudAdapter } from '@microsoft/agents-hosting';
import { z } from 'zod';
import { escapeMarkdown } from '../../core/message.ts';
import type { CaseView } from '../../escalation/case-payload.ts';
import type { CaseService } from '../../escalation/case-service.ts';
import { threadNotice } from '../../escalation/case-summary.ts';
import { TEAMS_INBOX_KIND } from '../../escalation/escalation-module.ts';
import type { Notification, Notifier } from '../../escalation/notifier.ts';
import type { Store } from '../../store/store.ts';
import { ADAPTIVE_CARD_CONTENT_TYPE } from './adaptive-card.ts';
import { inboxCard } from './inbox-card.ts';
import { loadInbox } from './inbox-registration.ts';
import { renderCard } from './render-card.ts';
import { storedReferenceSchema } from './stored-reference.ts';

/** Where a case's inbox card was posted (kept in the case so every later click updates the same card, also after a restart). */
const CARD_KEY = 'inbox:teams';
const postedSchema = z.object({ activityId: z.string(), reference: storedReferenceSchema });

/** Where a case's Teams inbox card is (its activity id is the root of its thread), if it has been posted. */
export function teamsCardOf(view: CaseView): z.infer<typeof postedSchema> | undefined {
  const posted = postedSchema.safeParse(view.case.payload[CARD_KEY]);
  return posted.success ? posted.data : undefined;
}

/** What the Teams inbox notifier writes with. */
export interface TeamsInboxNotifierDeps {
  adapter: CloudAdapter;
  appId: string | undefined;
  store: Store;
  cases: CaseService;
}

/**
 * Posts new cases as cards in the Teams channel registered as consultant inbox and updates the card (updateActivity) on
 * claim and resolve; the requester's answers, and replies a consultant wrote elsewhere, go in the card's thread. A card
 * that was already posted (a retry after a crash) is updated instead of posted twice.
 */
export function teamsInboxNotifier(deps: TeamsInboxNotifierDeps): Notifier {
  const botId = (reference: ConversationReference) => deps.appId ?? reference.agent?.id ?? 'anonymous';
  return {
    kind: TEAMS_INBOX_KIND,
    async deliver(notification: Notification) {
      const view = await deps.cases.get(notification.caseId);
      if (!view) throw new Error(`Case ${notification.caseId} is gone; its Teams card cannot be written.`);
      const posted = teamsCardOf(view);
      if (notification.event === 'answer' || notification.event === 'reply') {
        if (!posted) throw new Error(`The Teams card of ${view.case.number} is not posted yet; the message goes in its thread once it is.`);
        const notice = threadNotice(view, notification.messageId, 'da');
        const message = { blocks: [{ type: 'text' as const, markdown: `**${escapeMarkdown(notice.lead)}**` }, { type: 'text' as const, markdown: escapeMarkdown(notice.text) }], fallback: `${notice.lead} ${notice.text}` };
        const activity = Activity.fromObject({ type: ActivityTypes.Message, attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: renderCard(message, 'da') }] });
        // A conversation id ending in ";messageid=<root>" is the thread under that message: the post becomes a reply in it.
        const thread: ConversationReference = { ...posted.reference, conversation: { ...posted.reference.conversation, id: `${posted.reference.conversation.id};messageid=${posted.activityId}` } };
        await deps.adapter.continueConversation(botId(thread), thread, async (context) => {
          await context.sendActivity(activity);
        });
        return;
      }
      const card = Activity.fromObject({ type: ActivityTypes.Message, attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: inboxCard(view) }] });
      if (posted) {
        const { activityId, reference } = posted;
        card.id = activityId;
        await deps.adapter.continueConversation(botId(reference), reference, async (context) => {
          await context.updateActivity(card);
        });
        return;
      }
      const inbox = await loadInbox(deps.store);
      if (!inbox) throw new Error('No Teams channel is registered as consultant inbox; write "@SoMe-rådgiveren konsulentindbakke" in the consultants\' channel.');
      let activityId: string | undefined;
      await deps.adapter.continueConversation(botId(inbox.reference), inbox.reference, async (context) => {
        // Sent to the conversation, not as a reply (which TurnContext.sendActivity would make it), so it opens a new thread in the channel.
        card.applyConversationReference(inbox.reference);
        const [response] = await context.adapter.sendActivities(context, [card]);
        activityId = response?.id;
      });
      if (!activityId) throw new Error(`Teams did not return the id of the inbox card for ${view.case.number}; it will be posted again.`);
      await deps.cases.annotate(view.case.id, { [CARD_KEY]: { activityId, reference: inbox.reference } });
    },
  };
}
