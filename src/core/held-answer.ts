import { conversationStrings } from '../i18n/conversation-strings.ts';
import { foldedPhrase, words } from '../knowledge/danish-text.ts';
import type { SearchOutcome } from '../knowledge/search-policy.ts';
import { textMessage } from './answers.ts';
import type { TypingSlip } from '../knowledge/typing-slips.ts';
import type { Message } from './message.ts';
import type { Locale } from '../shared/locale.ts';

/** Button: take the held text as the answer to the guide's free-text step. */
export const USE_AS_ANSWER = 'held:answer';
/** Button: answer the held text as a question, then show the step again. */
export const ANSWER_FIRST = 'held:ask';
/** Button: take the held text with its typing slips corrected as the answer. */
export const USE_CORRECTED = 'held:corrected';

/** The buttons that answer a held free-text answer. */
export function isHeldChoice(actionId: string): boolean {
  return actionId === USE_AS_ANSWER || actionId === ANSWER_FIRST || actionId === USE_CORRECTED;
}

/** Words a Danish or English question starts with: question words, and verbs that open a yes/no question ("må vi …"). */
const QUESTION_STARTS = new Set([
  'hvad', 'hvordan', 'hvorfor', 'hvornaar', 'hvor', 'hvem', 'hvilke', 'hvilken', 'hvilket', 'maa', 'kan', 'skal', 'boer',
  'er', 'har', 'goer', 'vil', 'findes', 'what', 'how', 'why', 'when', 'where', 'who', 'which', 'can', 'should', 'may',
  'is', 'are', 'do', 'does', 'must',
]);

/** Question words: a message of three words or more that starts with one asks something ("hvad koster det"). */
const QUESTION_WORDS = new Set(['hvad', 'hvordan', 'hvorfor', 'hvornaar', 'hvem', 'hvilke', 'hvilken', 'hvilket', 'what', 'how', 'why', 'when', 'who', 'which']);

/** Words after "hvor" that make it ask how much, long or often ("hvor mange timer …"), not say where ("hvor borgerne er"). */
const HOW_MUCH = new Set(['mange', 'meget', 'lang', 'langt', 'ofte', 'tit', 'stor', 'store', 'hurtigt', 'hurtig']);

/**
 * True when text typed where a guide expects a free-text answer reads as a question: it has a question mark, it
 * starts with a question word ("hvor mange", "hvor lang" …) and has three words or more, or it starts as a yes/no question does ("må vi …") and the
 * search would answer it with confidence. (A confident hit alone is not enough: a good answer to "Hvem skal I nå?"
 * names the topic of an entry too.) Asking costs one click; taking a question as the answer costs the step.
 */
export function readsAsQuestion(text: string, search: SearchOutcome): boolean {
  if (text.includes('?')) return true;
  const typed = words(text);
  const first = typed[0];
  if (first === undefined) return false;
  if ((QUESTION_WORDS.has(first) || (first === 'hvor' && HOW_MUCH.has(typed[1] ?? ''))) && typed.length >= 3) return true;
  return search.decision === 'answer' && QUESTION_STARTS.has(first);
}

/** True when a text is put as a question: a question mark, or a first word that opens one ("hvordan …", "må vi …"). */
export function putAsQuestion(text: string): boolean {
  const first = words(text)[0];
  return text.includes('?') || (first !== undefined && QUESTION_STARTS.has(first));
}

/** Openings that say the user does not know the answer ("ved ikke helt.. unge mennesker?"), in Danish and English. */
const UNSURE = /^(?:ved (?:det )?ikke|aner (?:det )?ikke|ikke sikker|er ikke sikker|det ved jeg ikke|dunno|dont know|don t know|not sure|no idea)\b/u;

/** True when a typed answer opens by saying the user does not know: at a guide's buttons, that is no question to search. */
export function saysUnsure(text: string): boolean {
  return UNSURE.test(foldedPhrase(text));
}

/** Asks whether a question typed in a free-text step is the answer, or a question to answer before going on. */
export function heldAnswerOffer(locale: Locale): Message {
  const c = conversationStrings(locale);
  return textMessage(c.heldQuestion, [
    { id: USE_AS_ANSWER, label: c.useAsAnswer, style: 'primary' },
    { id: ANSWER_FIRST, label: c.answerFirst },
  ]);
}

/** Offers to correct obvious typing slips in an answer to a free-text step, or to keep it as typed. */
export function heldSlipsOffer(slips: readonly TypingSlip[], locale: Locale): Message {
  const c = conversationStrings(locale);
  const fixes = slips.map((s) => `«${s.typed}» → «${s.meant}»`).join(', ');
  return textMessage(c.heldSlips(fixes), [
    { id: USE_CORRECTED, label: c.useCorrected, style: 'primary' },
    { id: USE_AS_ANSWER, label: c.keepAsTyped },
  ]);
}
