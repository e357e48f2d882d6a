import type { Message } from '../core/message.ts';
import type { Locale } from '../core/turn.ts';
import type { CaseView } from './case-payload.ts';
import { escalationStrings, formatDanishTime } from './escalation-strings.ts';

/** The reply to a saved request: the case number and when to expect an answer. */
export function confirmationMessage(view: CaseView, locale: Locale): Message {
  const s = escalationStrings(locale);
  const lead = s.confirmation(view.case.number);
  const expected = `${formatDanishTime(new Date(view.payload.expectedBy), locale)} (${s.expectAnswerRule[view.payload.urgency]})`;
  return {
    blocks: [
      { type: 'text', markdown: lead },
      {
        type: 'facts',
        facts: [
          { label: s.caseNumber, value: view.case.number },
          { label: s.urgency, value: s.urgencyLabels[view.payload.urgency] },
          { label: s.expectAnswer, value: expected },
        ],
      },
      { type: 'context', text: s.contactFollowUp },
    ],
    fallback: `${lead.replaceAll('**', '')} ${s.expectAnswer}: ${expected}.`,
  };
}
