import type { Store } from '../../store/store.ts';
import type { ConversationMessenger } from '../../escalation/conversation-messenger.ts';
import { recordNotification } from './conversation-history.ts';

/**
 * Delivers notifications to playground conversations: they are written to the conversation's history (once per
 * idempotency key), where the open page picks them up by polling and a reloaded page reads them back.
 */
export function webMessenger(store: Store): ConversationMessenger {
  return {
    channel: 'web',
    async post(reference, messages, idempotencyKey) {
      await recordNotification(store, reference.conversationId, messages, idempotencyKey);
    },
  };
}
