import type { Locale } from '../shared/locale.ts';
import { caseText } from '../escalation/case-summary.ts';
import type { CaseView } from '../escalation/case-payload.ts';
import { consultantStrings } from '../escalation/consultant-strings.ts';
import { formatDanishTime } from '../escalation/escalation-strings.ts';
import { notificationLabel } from './notification-label.ts';


/**
 * One line of `cases list`: number, status, urgency, municipality and topic, what went wrong with its routing, and
 * whether the requester's answer is the case's last word (an open case waiting for the consultant).
 */
export function caseListLine(view: CaseView, locale: Locale): string {
  const s = consultantStrings(locale);
  const p = view.payload;
  const marks = [
    ...(p.routes?.length === 0 ? [s.noRoute] : []),
    ...(view.deliveries.some((d) => d.status === 'failed') ? [s.failedMark] : []),
    ...(view.case.status !== 'resolved' && view.messages.at(-1)?.from === 'requester' ? [s.answerWaiting(view.case.number)] : []),
  ];
  const flag = marks.length > 0 ? `  ! ${marks.join('; ')}` : '';
  return `${view.case.number}  ${s.statusLabels[view.case.status].padEnd(10)} ${s.urgencyLabels[p.urgency].padEnd(25)} ${p.municipality} – ${p.topic}${flag}`;
}

/** The whole case as `cases show` prints it: status, the case, its history and how its notifications fared. */
export function caseDetailText(view: CaseView, locale: Locale): string {
  const s = consultantStrings(locale);
  const history = view.payload.history.map((h) => `  ${formatDanishTime(new Date(h.at), locale)}  ${s.historyLabels[h.status]}${h.by ? ` (${h.by})` : ''}`);
  const deliveries = view.deliveries.map(
    (d) => `  ${notificationLabel(d.notification, locale)}: ${s.delivery(s.deliveryStatus[d.status], d.attempts, formatDanishTime(new Date(d.at), locale))}${d.lastError ? ` – ${d.lastError}` : ''}`,
  );
  const waiting = view.payload.routes?.length === 0 ? s.noRoute : s.noDeliveries;
  return [
    `${s.status}: ${s.statusLabels[view.case.status]}`,
    caseText(view, locale),
    '',
    `${s.history}:`,
    ...history,
    '',
    `${s.notifications}:`,
    ...(deliveries.length > 0 ? deliveries : [`  ${waiting}`]),
  ].join('\n');
}
