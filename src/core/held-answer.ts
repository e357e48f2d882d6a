import { conversationStrings } from '../i18n/conversation-strings.ts';
import { words } from '../knowledge/danish-text.ts';
import type { SearchOutcome } from '../knowledge/search-policy.ts';
import { textMessage } from './answers.ts';
import type { Message } from './message.ts';
import type { Locale } from '../shared/locale.ts';

/** Button: take the held text as the answer to the guide's free-text step. */
export const USE_AS_ANSWER = 'held:answer';
/** Button: answer the held text as a question, then show the step again. */
export const ANSWER_FIRST = 'held:ask';

/** Words a Danish or English question starts with: question words, and verbs that open a yes/no question ("må vi …"). */
const QUESTION_STARTS = new Set([
  'hvad', 'hvordan', 'hvorfor', 'hvornaar', 'hvor', 'hvem', 'hvilke', 'hvilken', 'hvilket', 'maa', 'kan', 'skal', 'boer',
  'er', 'har', 'goer', 'vil', 'findes', 'what', 'how', 'why', 'when', 'where', 'who', 'which', 'can', 'should', 'may',
  'is', 'are', 'do', 'does', 'must',
]);

/**
 * True when text typed where a guide expects a free-text answer reads as a question: it has a question mark, or it
 * starts as a question does and the search would answer it with confidence. (A confident hit alone is not enough: a
 * good answer to "Hvem skal I nå?" names the topic of an entry too.)
 */
export function readsAsQuestion(text: string, search: SearchOutcome): boolean {
  if (text.includes('?')) return true;
  const first = words(text)[0];
  return search.decision === 'answer' && first !== undefined && QUESTION_STARTS.has(first);
}

/** Asks whether a question typed in a free-text step is the answer, or a question to answer before going on. */
export function heldAnswerOffer(locale: Locale): Message {
  const c = conversationStrings(locale);
  return textMessage(c.heldQuestion, [
    { id: USE_AS_ANSWER, label: c.useAsAnswer, style: 'primary' },
    { id: ANSWER_FIRST, label: c.answerFirst },
  ]);
}
