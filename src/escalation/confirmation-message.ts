import { escapeMarkdown, type Block, type Fact, type Message } from '../core/message.ts';
import type { Locale } from '../shared/locale.ts';
import type { CaseView } from './case-payload.ts';
import { escalationStrings, formatDanishTime } from './escalation-strings.ts';
import { isOfficeHours, nextOpening } from './office-hours.ts';

/** What the confirmation says besides the case: the crisis guide to offer, and URGENT_CONTACT_TEXT when it is set. */
export interface ConfirmationExtras {
  /** The shitstorm guide (flow `crisis`) when the knowledge has it, offered as a button to urgent requests. */
  crisisGuide?: { actionId: string; title: string };
  /** Operator text for urgent requests out of hours (e.g. an on-call number); shown only when set. */
  urgentContact?: string;
}

/**
 * The reply to a saved request: the case number and, when a consultant channel got it, when to expect an answer; when
 * none did, that it is registered and how it is followed up. An urgent request that no consultant sees now (outside
 * office hours, or with no channel) also gets what to do now: 112, the shitstorm guide, the municipality's own crisis staff.
 */
export function confirmationMessage(view: CaseView, locale: Locale, extras: ConfirmationExtras = {}): Message {
  const s = escalationStrings(locale);
  const sent = view.payload.routes === undefined || view.payload.routes.length > 0;
  const number = view.case.number;
  const lead = sent ? s.confirmation(number) : s.registered(number);
  const openedAt = view.case.createdAt;
  const outsideHours = !isOfficeHours(openedAt);
  const expected = `${formatDanishTime(new Date(view.payload.expectedBy), locale)} (${s.expectAnswerRule[view.payload.urgency]})`;
  const facts: Fact[] = [
    { label: s.caseNumber, value: number },
    { label: s.urgency, value: s.urgencyLabels[view.payload.urgency] },
  ];
  if (sent && view.payload.urgency === 'urgent' && outsideHours) facts.push({ label: s.seenFrom, value: formatDanishTime(nextOpening(openedAt), locale) });
  if (sent) facts.push({ label: s.expectAnswer, value: expected });
  const blocks: Block[] = [{ type: 'text', markdown: lead }, { type: 'facts', facts }];
  const lines = [lead.replaceAll('**', ''), ...facts.map((f) => `${f.label}: ${f.value}.`)];
  if (view.payload.urgency === 'urgent' && (outsideHours || !sent)) {
    const why = sent ? s.urgentOutsideHours(formatDanishTime(nextOpening(openedAt), locale)) : s.urgentNoRoute;
    const steps = [...s.urgentSteps, ...(extras.crisisGuide ? [s.crisisStep] : [])];
    blocks.push({ type: 'text', markdown: `${why}\n\n**${s.urgentNow}:**\n\n${steps.map((step) => `- ${step}`).join('\n')}` });
    lines.push(why, `${s.urgentNow}:`, ...steps.map((step) => `- ${step.replaceAll('**', '')}`));
    if (extras.urgentContact) {
      blocks.push({ type: 'text', markdown: escapeMarkdown(extras.urgentContact) });
      lines.push(extras.urgentContact);
    }
    if (extras.crisisGuide) blocks.push({ type: 'choices', choices: [{ id: extras.crisisGuide.actionId, label: s.crisisGuide(extras.crisisGuide.title), style: 'primary' }] });
  }
  const followUp = sent ? s.contactFollowUp : s.registeredFollowUp;
  blocks.push({ type: 'context', text: followUp });
  return { blocks, fallback: lines.join('\n') };
}
