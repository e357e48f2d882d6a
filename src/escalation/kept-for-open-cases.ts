import type { ConversationState } from '../shared/conversation-state.ts';
import { replyActionId } from './case-reply-form.ts';

/**
 * What an erased conversation's state keeps for its cases still open (`openCaseIds`): the mark of a consultant's message
 * in one of them that waits for an answer (what is typed next is offered to that consultant) and their answer forms as
 * offered (labels only, so a form shown before can still be sent). The rest goes — the transcript, guide answers, form
 * values, held messages, the buttons offered — as it may tell what the erased case was about.
 */
export function stateForOpenCases(state: ConversationState, openCaseIds: readonly string[]): ConversationState {
  const replyForms = new Set(openCaseIds.map(replyActionId));
  const kept: ConversationState = { activeChoices: [], transcript: [] };
  if (state.consultantMessage && replyForms.has(state.consultantMessage.replyFormId)) kept.consultantMessage = state.consultantMessage;
  const forms = Object.entries(state.offered?.forms ?? {}).filter(([formId]) => replyForms.has(formId));
  if (forms.length > 0) kept.offered = { choices: {}, forms: Object.fromEntries(forms) };
  return kept;
}
