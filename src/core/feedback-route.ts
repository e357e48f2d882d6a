import { textMessage } from './answers.ts';
import { putAsQuestion } from './held-answer.ts';
import { withoutPlaceholders } from './redact.ts';
import type { ConversationState } from '../shared/conversation-state.ts';
import type { RoutedTurn } from './routed-turn.ts';
import type { Locale } from '../shared/locale.ts';
import { stringsFor } from '../i18n/strings.ts';
import type { FeedbackAction } from './feedback-actions.ts';
import type { FeedbackTarget } from './turn-events.ts';

/**
 * Acknowledges a 👍/👎 without disturbing the conversation: the flow position and the previous buttons stay as they
 * were. After 👎 the next free-text message is taken as the optional "what was missing?" comment.
 */
export function acknowledgeFeedback(action: FeedbackAction, state: ConversationState, locale: Locale): RoutedTurn {
  const s = stringsFor(locale);
  const down = action.vote === 'down';
  return {
    messages: [textMessage(down ? s.feedbackAskComment : s.feedbackThanks)],
    state: { ...state, feedbackComment: down ? action.target : undefined },
    keepChoices: true,
    events: [{ type: 'feedback', vote: action.vote, target: action.target }],
  };
}

/**
 * The turn after a 👎: the text is recorded as the comment. A question (put as one, and answered with confidence) is
 * still answered, with a short acknowledgement first, so a real question is never swallowed, unless its answer is the
 * one just rated down; a remark ("svaret siger ikke noget om at sløre") only gets the acknowledgement, and the previous
 * buttons stay active.
 */
export function withFeedbackComment(target: FeedbackTarget, text: string, answered: RoutedTurn, state: ConversationState, locale: Locale): RoutedTurn {
  const s = stringsFor(locale);
  const comment = { type: 'feedback_comment' as const, target, text };
  const ratedDownAgain = target.kind === 'faq' && answered.search?.topId === target.id;
  if (answered.search?.confident && putAsQuestion(withoutPlaceholders(text)) && !ratedDownAgain) {
    return { ...answered, messages: [textMessage(s.feedbackCommentThanks), ...answered.messages], events: [comment, ...(answered.events ?? [])] };
  }
  return { messages: [textMessage(s.feedbackCommentThanks)], state, keepChoices: true, events: [comment] };
}
