import { emptyState, type ConversationState } from '../shared/conversation-state.ts';
import { VersionConflictError, type Store } from './store.ts';

/** What `updateConversation` returns: the result of the winning attempt and the version it saved. */
export interface ConversationUpdate<T> {
  result: T;
  state: ConversationState;
  version: number;
}

/**
 * Runs one turn against a conversation: loads its state (or a fresh one), lets `apply` change it, and saves it with the
 * version that was read. When another writer got there first, it reloads and re-applies, up to `maxAttempts` times, so
 * a conflicting write is never silently overwritten. `apply` may mutate the state it is given and may run more than
 * once, so it must not have side effects (send replies after this returns, from `result`).
 */
export async function updateConversation<T>(
  store: Store,
  conversationId: string,
  apply: (state: ConversationState) => Promise<T> | T,
  maxAttempts = 5,
): Promise<ConversationUpdate<T>> {
  for (let attempt = 1; ; attempt++) {
    const loaded = await store.loadConversation(conversationId);
    const state = loaded?.value ?? emptyState();
    const result = await apply(state);
    try {
      const version = await store.saveConversation(conversationId, state, loaded?.version ?? null);
      return { result, state, version };
    } catch (error) {
      if (!(error instanceof VersionConflictError) || attempt >= maxAttempts) throw error;
    }
  }
}
