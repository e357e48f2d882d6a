import type { Logger } from 'pino';
import type { ConversationState } from '../shared/conversation-state.ts';
import { textMessage } from '../core/answers.ts';
import type { Message } from '../core/message.ts';
import type { EscalationHandler } from '../core/router-deps.ts';
import type { RoutedTurn } from '../core/routed-turn.ts';
import { buildCasePayload } from './case-payload.ts';
import type { CaseService } from './case-service.ts';
import type { MessengerRegistry } from './conversation-messenger.ts';
import { replyActionId, replyCaseId, showReplyForm, submitReply } from './case-reply-form.ts';
import { confirmationMessage, type ConfirmationExtras } from './confirmation-message.ts';
import { escalationForm, formMessage, prefillValues, type FormValues } from './escalation-form.ts';
import { ESCALATION_FORM_ID } from './escalation-request.ts';
import { escalationStrings } from './escalation-strings.ts';
import { validateRequest } from './validate-request.ts';

/** What the escalation handler is built from. */
export interface EscalationHandlerDeps {
  cases: CaseService;
  /** Asked for the platform's reference to the requester's conversation when the case is opened. */
  messengers: MessengerRegistry;
  logger: Logger;
  now?: () => Date;
  /** What the confirmation offers besides the case (the crisis guide, URGENT_CONTACT_TEXT); read per request, as knowledge reloads. */
  extras?: () => ConfirmationExtras;
}

/**
 * The consultant request: shows the form, validates a submission and, when it is valid, returns an effect that opens the
 * case; and the requester's "Svar konsulenten" button and answer form. Routing stays pure; the bot runs the effect once,
 * after the conversation state is saved.
 */
export function createEscalationHandler(deps: EscalationHandlerDeps): EscalationHandler {
  const now = deps.now ?? (() => new Date());
  return {
    request(turn, state) {
      const saved = state.form?.formId === ESCALATION_FORM_ID ? state.form.values : {};
      const values: FormValues = { ...prefillValues(turn, state), ...saved };
      const form = escalationForm(turn, values);
      return { messages: [formMessage(form, escalationStrings(turn.user.locale).formIntro)], state: { ...state, form: { formId: ESCALATION_FORM_ID, values } } };
    },
    cancelled(formId, locale) {
      const caseId = replyCaseId(formId);
      if (!caseId) return undefined;
      // an answer to the consultant given up: the case stays open, and the button to write again comes with it
      const s = escalationStrings(locale);
      return textMessage(s.replyCancelled, [{ id: replyActionId(caseId), label: s.replyButton, style: 'primary' }]);
    },
    label(actionId, locale) {
      return replyCaseId(actionId) ? escalationStrings(locale).replyButton : undefined;
    },
    action(turn, actionId, state) {
      const caseId = replyCaseId(actionId);
      return caseId ? showReplyForm(turn, caseId, state) : undefined;
    },
    submit(turn, formId, values, state) {
      const replyTo = replyCaseId(formId);
      if (replyTo) return submitReply(turn, replyTo, values, state, deps.cases);
      if (formId !== ESCALATION_FORM_ID) return undefined;
      const s = escalationStrings(turn.user.locale);
      const checked = validateRequest(values, turn.user.locale);
      if (!checked.ok) {
        const form = escalationForm(turn, values, checked.errors);
        return { messages: [formMessage(form, s.fixErrors)], state: { ...state, form: { formId, values } } };
      }
      const next: ConversationState = { ...state, form: undefined, escalationHint: undefined };
      const payload = buildCasePayload(turn, state, checked.request, now());
      const routed: RoutedTurn = {
        messages: [],
        state: next,
        effect: async (): Promise<Message[]> => {
          try {
            const platform = deps.messengers.get(turn.channel)?.platformReference?.(turn.conversationId);
            const reference = platform ? { ...payload.requester.reference, platform } : payload.requester.reference;
            const opened = await deps.cases.open({ ...payload, requester: { ...payload.requester, reference } });
            deps.logger.info({ case: opened.case.number, urgency: payload.urgency, channel: turn.channel }, 'escalation case opened');
            return [confirmationMessage(opened, turn.user.locale, deps.extras?.())];
          } catch (error) {
            deps.logger.error({ err: error, conversation: turn.conversationId }, 'escalation case could not be saved');
            return [textMessage(s.notSaved)];
          }
        },
      };
      return routed;
    },
  };
}

