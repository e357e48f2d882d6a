import type { Locale } from '../shared/locale.ts';
import { caseText } from '../escalation/case-summary.ts';
import { CaseTransitionError, type CaseService } from '../escalation/case-service.ts';
import type { CaseView } from '../escalation/case-payload.ts';
import { consultantStrings } from '../escalation/consultant-strings.ts';
import { formatDanishTime } from '../escalation/escalation-strings.ts';
import { UsageError } from './cli-options.ts';

const CASES_USAGE =
  'some-advisor cases list [--json] | show <KL-…> [--json] | claim <KL-…> --by NAME [--json] | resolve <KL-…> --by NAME [--json] | reply <KL-…> "<text>" --by NAME [--json]';

/** How `cases` prints (JSON or text in the consultant's language) and the name a claim, resolution or reply carries (--by). */
export interface CasesOptions {
  json: boolean;
  by: string | undefined;
  locale: Locale;
}

/** Why `--by` is needed, with an example of the action: the requester is told the name. */
function byNeeded(action: 'claim' | 'resolve' | 'reply'): string {
  const example = `some-advisor cases ${action} KL-2026-0001${action === 'reply' ? ' "Jeg ringer dig op i eftermiddag."' : ''} --by "Lars Jensen"`;
  return `cases ${action} needs --by NAME: your name, the name the requester sees ("Lars Jensen fra KL Kommunikation har overtaget din henvendelse"). Nothing was changed.\nExample: ${example}`;
}

/** Runs `some-advisor cases list|show|claim|resolve|reply`; returns the exit code (1 when a case cannot move or take the reply). */
export async function runCases(cases: CaseService, args: string[], options: CasesOptions, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const [action, ref, ...rest] = args;
  const s = consultantStrings(options.locale);
  if (action === 'list') {
    const all = await cases.list();
    if (options.json) out.write(`${JSON.stringify(all.map(summary))}\n`);
    else if (all.length === 0) out.write(`${s.noCases}\n`);
    else for (const view of all) out.write(`${listLine(view, options.locale)}\n`);
    return 0;
  }
  if (action !== 'show' && action !== 'claim' && action !== 'resolve' && action !== 'reply') throw new UsageError(`Unknown or missing cases action "${action ?? ''}".\nUsage: ${CASES_USAGE}`);
  if (!ref) throw new UsageError(`cases ${action} needs a case number, e.g. some-advisor cases ${action} KL-2026-0001`);
  const by = options.by?.trim() ?? '';
  if (action !== 'show' && by === '') {
    err.write(`${byNeeded(action)}\n`);
    return 1;
  }
  if (action === 'reply') {
    const outcome = await cases.reply(ref, rest.join(' '), by, 'cli');
    if (!outcome.ok) {
      err.write(`${outcome.reason === 'empty' ? s.emptyReply : s.refused[outcome.reason]}\n`);
      return 1;
    }
    out.write(options.json ? `${JSON.stringify(detail(outcome.view))}\n` : `${s.relayed(outcome.view.case.number)}\n`);
    return 0;
  }
  try {
    const view = action === 'show' ? await cases.get(ref) : await cases.move(ref, action, by);
    if (!view) {
      err.write(`No case "${ref}". Check the number with "some-advisor cases list".\n`);
      return 1;
    }
    if (options.json) out.write(`${JSON.stringify(detail(view))}\n`);
    else out.write(`${detailText(view, options.locale)}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof CaseTransitionError)) throw error;
    err.write(`${error.message}\n`);
    return 1;
  }
}

function summary(view: CaseView) {
  const p = view.payload;
  const failing = view.deliveries.filter((d) => d.status !== 'sent').map((d) => d.notification);
  return {
    number: view.case.number,
    status: view.case.status,
    urgency: p.urgency,
    municipality: p.municipality,
    topic: p.topic,
    createdAt: view.case.createdAt.toISOString(),
    expectedBy: p.expectedBy,
    undelivered: failing,
    /** True when no consultant channel existed for the case: nobody has been told about it. */
    unrouted: p.routes?.length === 0,
  };
}

function detail(view: CaseView) {
  return { ...summary(view), id: view.case.id, updatedAt: view.case.updatedAt.toISOString(), ...view.payload, deliveries: view.deliveries, messages: view.messages };
}

function listLine(view: CaseView, locale: Locale): string {
  const s = consultantStrings(locale);
  const p = view.payload;
  const marks = [
    ...(p.routes?.length === 0 ? [s.noRoute] : []),
    ...(view.deliveries.some((d) => d.status === 'failed') ? [s.failedMark] : []),
  ];
  const flag = marks.length > 0 ? `  ! ${marks.join('; ')}` : '';
  return `${view.case.number}  ${s.statusLabels[view.case.status].padEnd(10)} ${s.urgencyLabels[p.urgency].padEnd(25)} ${p.municipality} – ${p.topic}${flag}`;
}

function detailText(view: CaseView, locale: Locale): string {
  const s = consultantStrings(locale);
  const history = view.payload.history.map((h) => `  ${formatDanishTime(new Date(h.at), locale)}  ${s.historyLabels[h.status]}${h.by ? ` (${h.by})` : ''}`);
  const deliveries = view.deliveries.map(
    (d) => `  ${d.notification}: ${s.delivery(s.deliveryStatus[d.status], d.attempts, formatDanishTime(new Date(d.at), locale))}${d.lastError ? ` – ${d.lastError}` : ''}`,
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
