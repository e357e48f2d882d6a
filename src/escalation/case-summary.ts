import type { Locale } from '../shared/locale.ts';
import type { CaseView } from './case-payload.ts';
import { consultantStrings } from './consultant-strings.ts';
import { formatDanishTime } from './escalation-strings.ts';

/** The facts a consultant needs about a case, as label/value pairs in the consultant's language (e-mail, inbox cards, the CLI). */
export function caseFacts(view: CaseView, locale: Locale): { label: string; value: string }[] {
  const s = consultantStrings(locale);
  const p = view.payload;
  const contact = [p.contact.email, p.contact.phone].filter(Boolean).join(', ');
  return [
    { label: s.caseNumber, value: view.case.number },
    { label: s.urgency, value: s.urgencyLabels[p.urgency] },
    { label: s.municipality, value: p.municipality },
    { label: s.topic, value: p.topic },
    { label: s.name, value: p.contact.name },
    { label: s.contact, value: contact },
    { label: s.writtenFrom, value: `${s.platforms[p.requester.platform]} · ${p.requester.name ?? p.requester.userId}` },
    // a case that reached no consultant when it was opened promised its requester no time
    { label: s.expectedBy, value: p.routes?.length === 0 || p.forwardedLater ? s.nothingPromised : formatDanishTime(new Date(p.expectedBy), locale) },
  ];
}

/** The redacted transcript as plain lines (buttons by their label, forms as one line), or the note that the user did not consent. */
export function transcriptLines(view: CaseView, locale: Locale): string[] {
  const s = consultantStrings(locale);
  if (!view.payload.consent || view.payload.transcript.length === 0) return [s.noTranscript];
  return view.payload.transcript.map((t) => `${t.from === 'bot' ? s.bot : t.kind === 'button' ? s.userPressed : s.user}: ${t.text}`);
}

/** The exchange between consultant and requester as plain lines, oldest first (empty when there is none). */
export function exchangeLines(view: CaseView, locale: Locale): string[] {
  const s = consultantStrings(locale);
  return view.messages.map((m) => `${formatDanishTime(new Date(m.at), locale)} ${m.from === 'consultant' ? s.consultant(m.by ?? 'KL') : s.user}: ${m.text}`);
}

/** The whole case as plain text (e-mail body, `cases show`). */
export function caseText(view: CaseView, locale: Locale): string {
  const s = consultantStrings(locale);
  const exchange = exchangeLines(view, locale);
  return [
    ...caseFacts(view, locale).map((f) => `${f.label}: ${f.value}`),
    '',
    `${s.description}:`,
    view.payload.description,
    '',
    `${s.transcript}:`,
    ...transcriptLines(view, locale),
    ...(exchange.length > 0 ? ['', `${s.exchange}:`, ...exchange] : []),
  ].join('\n');
}

/** The lead and text of one exchange message as posted in a consultant thread ("Brugeren svarer …"); throws when the case has no such message. */
export function threadNotice(view: CaseView, messageId: string | undefined, locale: Locale): { lead: string; text: string } {
  const s = consultantStrings(locale);
  const message = view.messages.find((m) => m.id === messageId);
  if (!message) throw new Error(`Case ${view.case.number} has no message ${messageId ?? '(none)'}; it cannot be posted in the consultants' thread.`);
  const lead = message.from === 'requester' ? s.answerInThread(view.case.number) : s.replyInThread(message.by ?? 'KL', view.case.number);
  return { lead, text: message.text };
}
