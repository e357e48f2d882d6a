import { parseFeedbackAction } from '../analytics/feedback-actions.ts';
import type { FeedbackTarget } from '../analytics/turn-events.ts';
import type { ConversationState } from './conversation-state.ts';
import type { Message } from './message.ts';

/** How many offered forms and feedback targets a conversation remembers (the most recent ones). */
const MAX_FORMS = 5;
const MAX_FEEDBACK = 20;

function targetKey(target: FeedbackTarget): string {
  return `${target.kind}:${target.id}`;
}

function appendBounded(list: readonly string[] | undefined, added: readonly string[], max: number): string[] {
  const kept = (list ?? []).filter((item) => !added.includes(item));
  return [...kept, ...new Set(added)].slice(-max);
}

/** The state with the forms and 👍/👎 targets that `messages` offer added to what was offered before (bounded). */
export function rememberOffered(state: ConversationState, messages: readonly Message[]): ConversationState {
  const blocks = messages.flatMap((m) => m.blocks);
  const forms = blocks.flatMap((b) => (b.type === 'form' ? [b.form.id] : []));
  const feedback = blocks.flatMap((b) => (b.type === 'choices' ? b.choices.flatMap((c) => parseFeedbackAction(c.id)?.target ?? []) : [])).map(targetKey);
  if (forms.length === 0 && feedback.length === 0) return state;
  return {
    ...state,
    offeredForms: forms.length > 0 ? appendBounded(state.offeredForms, forms, MAX_FORMS) : state.offeredForms,
    offeredFeedback: feedback.length > 0 ? appendBounded(state.offeredFeedback, feedback, MAX_FEEDBACK) : state.offeredFeedback,
  };
}

/** True when this conversation was shown the form `formId` (a submission of any other form is forged or stale). */
export function formWasOffered(state: ConversationState, formId: string): boolean {
  return state.offeredForms?.includes(formId) ?? false;
}

/** True when this conversation was shown 👍/👎 for `target`. */
export function feedbackWasOffered(state: ConversationState, target: FeedbackTarget): boolean {
  return state.offeredFeedback?.includes(targetKey(target)) ?? false;
}
