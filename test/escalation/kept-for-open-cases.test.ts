import { describe, expect, it } from 'vitest';
import { replyActionId } from '../../src/escalation/case-reply-form.ts';
import { stateForOpenCases } from '../../src/escalation/kept-for-open-cases.ts';
import type { ConversationState, OfferedForm } from '../../src/shared/conversation-state.ts';

const at = '2026-12-06T10:00:00.000Z';
const answerForm: OfferedForm = { title: 'Svar konsulenten', fields: [{ id: 'text', label: 'Dit svar', type: 'textarea' }] };

/** A conversation in full use: a guide, a form being filled in, a transcript, buttons and forms offered, a held message. */
function busy(consultantMessage: NonNullable<ConversationState['consultantMessage']>): ConversationState {
  return {
    locale: 'da',
    activeChoices: ['faq:moderation', replyActionId('open-1')],
    transcript: [{ at, from: 'user', text: 'Min nabo Jens Hansen skriver grimt om mig' }],
    flow: { flowId: 'crisis', nodeId: 'start', vars: {}, history: [], answers: { start: 'Jens Hansen' }, notes: { reasons: [], checklist: [] }, flowVersion: 'v1' },
    form: { formId: 'escalation', values: { name: 'Anna Berg', contact: 'anna@odder.dk' } },
    heldForConsultant: 'Jens Hansen skrev igen',
    closedCaseForms: [replyActionId('closed-1')],
    consultantMessage,
    offered: { choices: { 'faq:moderation': 'Moderation' }, forms: { escalation: { title: 'Tal med en konsulent', fields: [] }, [replyActionId('open-1')]: answerForm, [replyActionId('erased')]: answerForm } },
  };
}

describe('the state an erased conversation keeps for its open cases', () => {
  it('keeps the waiting consultant message and the answer forms offered of the open cases, and nothing else', () => {
    const waiting = { caseNumber: 'KL-2026-0002', replyFormId: replyActionId('open-1') };
    expect(stateForOpenCases(busy(waiting), ['open-1', 'open-2'])).toEqual({
      activeChoices: [],
      transcript: [],
      consultantMessage: waiting,
      offered: { choices: {}, forms: { [replyActionId('open-1')]: answerForm } },
    });
  });

  it("drops a waiting message that is not an open case's (the erased case's, or one closed since)", () => {
    const kept = stateForOpenCases(busy({ caseNumber: 'KL-2026-0001', replyFormId: replyActionId('erased') }), ['open-1']);
    expect(kept.consultantMessage).toBeUndefined();
    expect(stateForOpenCases(busy({ caseNumber: 'KL-2026-0002', replyFormId: replyActionId('open-1') }), ['open-2'])).toEqual({ activeChoices: [], transcript: [] });
  });
});
