import { parseFeedbackAction } from './feedback-actions.ts';
import type { FeedbackTarget } from './turn-events.ts';
import type { ConversationState } from '../shared/conversation-state.ts';

/** True when this conversation was shown the form `formId` (a submission of any other form is forged or stale). */
export function formWasOffered(state: ConversationState, formId: string): boolean {
  return state.offered?.forms[formId] !== undefined;
}

/** True when this conversation was recently shown 👍/👎 for `target`. */
export function feedbackWasOffered(state: ConversationState, target: FeedbackTarget): boolean {
  return Object.keys(state.offered?.choices ?? {}).some((id) => {
    const offered = parseFeedbackAction(id)?.target;
    return offered?.kind === target.kind && offered.id === target.id;
  });
}
