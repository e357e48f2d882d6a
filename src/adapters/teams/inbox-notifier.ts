import { Activity, ActivityTypes } from '@microsoft/agents-activity';
import type { CloudAdapter } from '@microsoft/agents-hosting';
import { z } from 'zod';
import type { CaseService } from '../../escalation/case-service.ts';
import { TEAMS_INBOX_KIND } from '../../escalation/escalation-module.ts';
import type { Notification, Notifier } from '../../escalation/notifier.ts';
import type { Store } from '../../store/store.ts';
import { ADAPTIVE_CARD_CONTENT_TYPE } from './adaptive-card.ts';
import { inboxCard } from './inbox-card.ts';
import { loadInbox } from './inbox-registration.ts';
import { storedReferenceSchema } from './stored-reference.ts';

/** Where a case's inbox card was posted (kept in the case so every later click updates the same card, also after a restart). */
const CARD_KEY = 'inbox:teams';
const postedSchema = z.object({ activityId: z.string(), reference: storedReferenceSchema });

/** What the Teams inbox notifier writes with. */
export interface TeamsInboxNotifierDeps {
  adapter: CloudAdapter;
  appId: string | undefined;
  store: Store;
  cases: CaseService;
}

/**
 * Posts new cases as cards in the Teams channel registered as consultant inbox and updates the card (updateActivity) on
 * claim and resolve. A card that was already posted (a retry after a crash) is updated instead of posted twice.
 */
export function teamsInboxNotifier(deps: TeamsInboxNotifierDeps): Notifier {
  return {
    kind: TEAMS_INBOX_KIND,
    async deliver(notification: Notification) {
      const view = await deps.cases.get(notification.caseId);
      if (!view) throw new Error(`Case ${notification.caseId} is gone; its Teams card cannot be written.`);
      const card = Activity.fromObject({ type: ActivityTypes.Message, attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: inboxCard(view) }] });
      const posted = postedSchema.safeParse(view.case.payload[CARD_KEY]);
      if (posted.success) {
        const { activityId, reference } = posted.data;
        card.id = activityId;
        await deps.adapter.continueConversation(deps.appId ?? reference.agent?.id ?? 'anonymous', reference, async (context) => {
          await context.updateActivity(card);
        });
        return;
      }
      const inbox = await loadInbox(deps.store);
      if (!inbox) throw new Error('No Teams channel is registered as consultant inbox; write "@SoMe-rådgiveren konsulentindbakke" in the consultants\' channel.');
      let activityId: string | undefined;
      await deps.adapter.continueConversation(deps.appId ?? inbox.reference.agent?.id ?? 'anonymous', inbox.reference, async (context) => {
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
