import { conversationStrings } from '../i18n/conversation-strings.ts';
import type { ConversationState } from '../shared/conversation-state.ts';
import type { Locale } from '../shared/locale.ts';
import { textMessage } from './answers.ts';
import type { Message } from './message.ts';

/** Button: send the held message to the consultant as the answer in their case. */
export const SEND_TO_CONSULTANT = 'consultant:send';
/** Button: the held message is for the advisor; answer it as any typed message. */
export const ASK_ADVISOR = 'consultant:advisor';

/** The buttons that answer a message held after a consultant's message. */
export function isConsultantChoice(actionId: string): boolean {
  return actionId === SEND_TO_CONSULTANT || actionId === ASK_ADVISOR;
}

/**
 * The consultant's message a typed message may answer: there is one waiting, and the user is not filling in a form
 * (a form's answers are read by the form).
 */
export function awaitedConsultant(state: ConversationState): ConversationState['consultantMessage'] {
  return state.form === undefined ? state.consultantMessage : undefined;
}

/** Asks whether a message typed after a consultant's message is an answer to them or a question for the advisor. */
export function consultantAnswerOffer(caseNumber: string, locale: Locale): Message {
  const c = conversationStrings(locale);
  return textMessage(c.forConsultant(caseNumber), [
    { id: SEND_TO_CONSULTANT, label: c.sendToConsultant, style: 'primary' },
    { id: ASK_ADVISOR, label: c.askAdvisorInstead },
  ]);
}
