import type { webApi } from '@slack/bolt';
import type { Message } from '../../core/message.ts';
import type { ConversationReference } from '../../escalation/case-payload.ts';
import type { ConversationMessenger } from '../../escalation/conversation-messenger.ts';
import { renderMessage } from './render-message.ts';

/** The metadata event type on messages about a case; a reply in their thread is an answer to the consultant. */
export const CASE_METADATA_TYPE = 'some_advisor_case';

/** Posts into a Slack conversation named by its conversation id (DM, channel thread, or one user's ephemeral exchange). */
export function slackMessenger(client: webApi.WebClient): ConversationMessenger {
  return {
    channel: 'slack',
    async post(reference: ConversationReference, messages: Message[], _idempotencyKey: string, caseId?: string) {
      // slack:<team>:<channel> | slack:<team>:<channel>:<thread ts> | slack:<team>:<channel>:user:<user>
      const [, , channel, third, user] = reference.conversationId.split(':');
      if (!channel) throw new Error(`"${reference.conversationId}" is not a Slack conversation id; the requester cannot be reached on Slack.`);
      const metadata = caseId ? { metadata: { event_type: CASE_METADATA_TYPE, event_payload: { case_id: caseId } } } : {};
      for (const message of messages) {
        const rendered = renderMessage(message, reference.locale);
        if (third === 'user' && user) await client.chat.postEphemeral({ channel, user, text: rendered.text, blocks: rendered.blocks });
        else await client.chat.postMessage({ channel, text: rendered.text, blocks: rendered.blocks, ...(third ? { thread_ts: third } : {}), ...metadata });
      }
    },
  };
}
