import type { Store } from '../../store/store.ts';
import type { CaseService } from '../../escalation/case-service.ts';
import type { ConversationMessenger } from '../../escalation/conversation-messenger.ts';
import { recordNotification } from './conversation-history.ts';

/**
 * Delivers notifications to playground conversations: they are written to the conversation's history (once per
 * idempotency key) with the number of their case, where the open page picks them up by polling (also after "Ny samtale"
 * has left the conversation) and a reloaded page reads them back.
 */
export function webMessenger(store: Store, cases: Pick<CaseService, 'get'>): ConversationMessenger {
  return {
    channel: 'web',
    async post(reference, messages, idempotencyKey, caseId) {
      const caseNumber = caseId ? (await cases.get(caseId))?.case.number : undefined;
      await recordNotification(store, reference.conversationId, messages, idempotencyKey, caseNumber);
    },
  };
}
