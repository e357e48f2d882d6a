import { Activity, ActivityTypes, type ConversationReference } from '@microsoft/agents-activity';
import type { CloudAdapter } from '@microsoft/agents-hosting';
import { BoundedCache } from '../../shared/bounded-cache.ts';
import type { Message } from '../../core/message.ts';
import type { ConversationReference as CaseReference } from '../../escalation/case-payload.ts';
import type { ConversationMessenger } from '../../escalation/conversation-messenger.ts';
import { ADAPTIVE_CARD_CONTENT_TYPE } from './adaptive-card.ts';
import { DEFAULT_CONNECTOR_TIMEOUT_MS, withTimeout } from './connector-retry.ts';
import { renderCard } from './render-card.ts';
import { storedReferenceSchema } from './stored-reference.ts';
import type { ConversationReferences } from './teams-turn-logic.ts';

/** How many conversations' references are kept in memory (the durable copy travels with each case). */
const MAX_REFERENCES = 10_000;

/**
 * Writes into Teams conversations proactively (escalation replies). It remembers each conversation's reference as
 * activities arrive; the reference is also stored with a case when it is opened, so a restart loses nothing.
 */
export function teamsMessenger(adapter: CloudAdapter, appId: string | undefined): ConversationMessenger & ConversationReferences {
  const references = new BoundedCache<string, ConversationReference>(MAX_REFERENCES);
  return {
    channel: 'teams',
    async save(conversationId, reference) {
      references.set(conversationId, reference);
    },
    platformReference(conversationId) {
      const reference = references.get(conversationId);
      return reference ? (JSON.parse(JSON.stringify(reference)) as Record<string, unknown>) : undefined;
    },
    async post(reference: CaseReference, messages: Message[]) {
      const stored = storedReferenceSchema.safeParse(reference.platform);
      const teamsReference: ConversationReference | undefined = stored.success ? stored.data : references.get(reference.conversationId);
      if (!teamsReference) throw new Error(`No Teams conversation reference for ${reference.conversationId}; it is sent once the user writes to the bot again.`);
      const botId = appId ?? teamsReference.agent?.id ?? 'anonymous';
      await adapter.continueConversation(botId, teamsReference, async (context) => {
        for (const message of messages) {
          const card = renderCard(message, reference.locale);
          const activity = Activity.fromObject({ type: ActivityTypes.Message, attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card }] });
          // The outbox retries a failed delivery; a connector that never answers must not hold the worker.
          await withTimeout('a proactive message', () => context.sendActivity(activity), DEFAULT_CONNECTOR_TIMEOUT_MS);
        }
      });
    },
  };
}
