import type { Locale } from '../core/turn.ts';
import type { CaseView } from './case-payload.ts';
import { escalationStrings, formatDanishTime } from './escalation-strings.ts';

/** The facts a consultant needs about a case, as label/value pairs (shared by the e-mail, inbox cards and the CLI). */
export function caseFacts(view: CaseView, locale: Locale): { label: string; value: string }[] {
  const s = escalationStrings(locale);
  const p = view.payload;
  const contact = [p.contact.name, p.contact.email, p.contact.phone].filter(Boolean).join(', ');
  return [
    { label: s.caseNumber, value: view.case.number },
    { label: s.urgency, value: s.urgencyLabels[p.urgency] },
    { label: s.municipality, value: p.municipality },
    { label: s.topic, value: p.topic },
    { label: s.contactName, value: contact },
    { label: s.requester, value: `${p.requester.platform} · ${p.requester.name ?? p.requester.userId}` },
    { label: s.expectAnswer, value: formatDanishTime(new Date(p.expectedBy), locale) },
  ];
}

/** The redacted transcript as plain lines, or the note that the user did not consent. */
export function transcriptLines(view: CaseView, locale: Locale): string[] {
  if (!view.payload.consent || view.payload.transcript.length === 0) return [escalationStrings(locale).noTranscript];
  return view.payload.transcript.map((t) => `${t.from === 'user' ? '>' : '<'} ${t.text}`);
}

/** The whole case as plain text (e-mail body, `cases show`). */
export function caseText(view: CaseView, locale: Locale): string {
  const s = escalationStrings(locale);
  return [
    ...caseFacts(view, locale).map((f) => `${f.label}: ${f.value}`),
    '',
    `${s.description}:`,
    view.payload.description,
    '',
    `${s.transcript}:`,
    ...transcriptLines(view, locale),
  ].join('\n');
}
