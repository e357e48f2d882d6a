import type { ConversationState } from '../shared/conversation-state.ts';
import { textMessage } from '../core/answers.ts';
import type { FormSpec, Message } from '../core/message.ts';
import type { RoutedTurn } from '../core/routed-turn.ts';
import type { Turn } from '../core/turn.ts';
import type { Locale } from '../shared/locale.ts';
import { MAX_CASE_MESSAGE_CHARS, type MessageRefusal } from './case-messages.ts';
import type { CaseService } from './case-service.ts';
import { formMessage } from './escalation-form.ts';
import { escalationStrings } from './escalation-strings.ts';
import { stringsFor } from '../i18n/strings.ts';

/** The prefix of the "Svar konsulenten" button and of its form's id; the case id follows it. */
const PREFIX = 'case-reply:';

/** The id of the "Svar konsulenten" button (and of the form it opens) for one case. */
export function replyActionId(caseId: string): string {
  return `${PREFIX}${caseId}`;
}

/** The case id in a "Svar konsulenten" button or form id, or undefined for any other id. */
export function replyCaseId(id: string): string | undefined {
  return id.startsWith(PREFIX) && id.length > PREFIX.length ? id.slice(PREFIX.length) : undefined;
}

/** The requester's answer form: one text field. */
export function replyForm(caseId: string, locale: Locale, text?: string, error?: string): FormSpec {
  const s = escalationStrings(locale);
  return {
    id: replyActionId(caseId),
    title: s.replyFormTitle,
    submitLabel: s.replyFormSubmit,
    fields: [
      { id: 'text', label: s.replyFormField, type: 'textarea', required: true, maxLength: MAX_CASE_MESSAGE_CHARS, hint: s.replyFormHint, ...(text ? { value: text } : {}), ...(error ? { error } : {}) },
    ],
  };
}

/**
 * "Svar konsulenten" was pressed: show the answer form (the case is checked again when the answer is sent), or say at
 * once that the case is closed when this conversation was told so.
 */
export function showReplyForm(turn: Turn, caseId: string, state: ConversationState): RoutedTurn {
  const s = escalationStrings(turn.user.locale);
  const closed = s.replyClosed;
  if (state.closedCaseForms?.includes(replyActionId(caseId))) return { messages: [textMessage(closed)], state };
  const form = replyForm(caseId, turn.user.locale);
  return { messages: [formMessage(form, s.replyFormIntro)], state: { ...state, form: { formId: form.id, values: {} } } };
}

/** The answer form was sent: a field error comes back in the form; a valid answer is added to the case by the turn's effect. */
export function submitReply(turn: Turn, caseId: string, values: Record<string, string | boolean>, state: ConversationState, cases: CaseService): RoutedTurn {
  const locale = turn.user.locale;
  const s = escalationStrings(locale);
  const text = typeof values.text === 'string' ? values.text.trim() : '';
  const problem: MessageRefusal | undefined = text === '' ? 'empty' : text.length > MAX_CASE_MESSAGE_CHARS ? 'too-long' : undefined;
  if (problem) return { messages: [formMessage(replyForm(caseId, locale, text, s.answerRefused[problem]), s.fixErrors)], state };
  return {
    messages: [],
    state: { ...state, form: undefined },
    effect: async (): Promise<Message[]> => {
      const outcome = await cases.answer(caseId, { conversationId: turn.conversationId, userId: turn.user.id }, text);
      // personal data taken out of the answer is said, as it is for a typed message
      const said = outcome.ok ? [s.answerSent(outcome.view.case.number), ...(outcome.removed.length > 0 ? [stringsFor(locale).personalDataWarning] : [])] : [s.answerRefused[outcome.reason]];
      return said.map((say) => textMessage(say));
    },
  };
}
