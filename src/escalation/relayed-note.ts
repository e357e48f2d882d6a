import type { Locale } from '../shared/locale.ts';
import type { CaseView } from './case-payload.ts';
import type { MessageOutcome } from './case-service.ts';
import { consultantStrings } from './consultant-strings.ts';

/** Who hears of a case's claim, resolution and replies, as the case stores them: "Per Hansen, Kolding Kommune". */
export function requesterLabel(view: CaseView): string {
  return `${view.payload.contact.name}, ${view.payload.municipality}`;
}

/**
 * What the consultant is told about a reply they wrote in Slack, Teams or the terminal: who it was sent to and the
 * personal data taken out of it ("✓ Sendt til Mette, Odder Kommune (sag KL-2026-0042). Telefonnummeret …"), or why not.
 */
export function relayedNote(outcome: MessageOutcome, locale: Locale): string {
  const s = consultantStrings(locale);
  if (!outcome.ok) return s.refused[outcome.reason];
  const removed = outcome.removed.length > 0 ? [s.removedFromReply(outcome.removed)] : [];
  return [s.relayedTo(requesterLabel(outcome.view), outcome.view.case.number), ...removed].join('\n');
}
