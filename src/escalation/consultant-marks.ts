import type { Logger } from 'pino';
import type { ConversationState } from '../shared/conversation-state.ts';
import type { Store } from '../store/store.ts';
import { updateConversation } from '../store/update-conversation.ts';

/**
 * Keeps in the requester's conversation whether a consultant's message waits for an answer, so that what they type
 * next is offered to the consultant. Never throws: the message itself is delivered either way.
 */
export interface ConsultantMarks {
  /** A consultant's message in an open case was delivered into the conversation. */
  wrote(conversationId: string, mark: NonNullable<ConversationState['consultantMessage']>): Promise<void>;
  /** The consultant's message in the case whose answer form is `replyFormId` was answered another way (a Slack thread). */
  settled(conversationId: string, replyFormId: string): Promise<void>;
  /** That case was closed: nothing waits for an answer, and its answer buttons shown before refuse at once. */
  closed(conversationId: string, replyFormId: string): Promise<void>;
}

/** How many closed cases a conversation remembers for their old answer buttons. */
const CLOSED_KEPT = 20;

/** Marks kept in the conversation state in the store (only of conversations that exist there). */
export function consultantMarks(store: Store, logger: Logger): ConsultantMarks {
  const change = async (conversationId: string, apply: (state: ConversationState) => void): Promise<void> => {
    try {
      if (!(await store.loadConversation(conversationId))) return;
      await updateConversation(store, conversationId, apply);
    } catch (error) {
      logger.warn({ err: error, conversation: conversationId }, "the consultant's message is delivered; whether it waits for an answer could not be saved");
    }
  };
  const unmark = (state: ConversationState, replyFormId: string): void => {
    if (state.consultantMessage?.replyFormId === replyFormId) delete state.consultantMessage;
  };
  return {
    wrote: (conversationId, mark) => change(conversationId, (state) => void (state.consultantMessage = mark)),
    settled: (conversationId, replyFormId) => change(conversationId, (state) => unmark(state, replyFormId)),
    closed: (conversationId, replyFormId) =>
      change(conversationId, (state) => {
        unmark(state, replyFormId);
        state.closedCaseForms = [...(state.closedCaseForms ?? []).filter((id) => id !== replyFormId), replyFormId].slice(-CLOSED_KEPT);
      }),
  };
}
