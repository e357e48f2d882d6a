import { caseText } from '../escalation/case-summary.ts';
import { CaseTransitionError, type CaseService } from '../escalation/case-service.ts';
import type { CaseView } from '../escalation/case-payload.ts';
import { escalationStrings } from '../escalation/escalation-strings.ts';
import { UsageError } from './cli-options.ts';

const CASES_USAGE = 'some-advisor cases list [--json] | show <KL-…> [--json] | claim <KL-…> [--by NAME] [--json] | resolve <KL-…> [--by NAME] [--json]';

/** Runs `some-advisor cases list|show|claim|resolve`; returns the exit code (1 when a case cannot move). */
export async function runCases(cases: CaseService, args: string[], options: { json: boolean; by: string }, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const [action, ref] = args;
  if (action === 'list') {
    const all = await cases.list();
    if (options.json) out.write(`${JSON.stringify(all.map(summary))}\n`);
    else if (all.length === 0) out.write('No cases.\n');
    else for (const view of all) out.write(`${listLine(view)}\n`);
    return 0;
  }
  if (action !== 'show' && action !== 'claim' && action !== 'resolve') throw new UsageError(`Unknown or missing cases action "${action ?? ''}".\nUsage: ${CASES_USAGE}`);
  if (!ref) throw new UsageError(`cases ${action} needs a case number, e.g. some-advisor cases ${action} KL-2026-0001`);
  try {
    const view = action === 'show' ? await cases.get(ref) : await cases.move(ref, action, options.by);
    if (!view) {
      err.write(`No case "${ref}". Check the number with "some-advisor cases list".\n`);
      return 1;
    }
    if (options.json) out.write(`${JSON.stringify(detail(view))}\n`);
    else out.write(`${detailText(view)}\n`);
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
  return { number: view.case.number, status: view.case.status, urgency: p.urgency, municipality: p.municipality, topic: p.topic, createdAt: view.case.createdAt.toISOString(), expectedBy: p.expectedBy, undelivered: failing };
}

function detail(view: CaseView) {
  return { ...summary(view), id: view.case.id, updatedAt: view.case.updatedAt.toISOString(), ...view.payload, deliveries: view.deliveries };
}

function listLine(view: CaseView): string {
  const s = escalationStrings('da');
  const p = view.payload;
  const failing = view.deliveries.some((d) => d.status === 'failed') ? '  ! notification failed' : '';
  return `${view.case.number}  ${view.case.status.padEnd(8)} ${s.urgencyLabels[p.urgency].padEnd(22)} ${p.municipality} – ${p.topic}${failing}`;
}

function detailText(view: CaseView): string {
  const history = view.payload.history.map((h) => `  ${h.at}  ${h.status}${h.by ? ` (${h.by})` : ''}`);
  const deliveries = view.deliveries.map(
    (d) => `  ${d.notification}: ${d.status} after ${d.attempts} attempt(s) at ${d.at}${d.lastError ? ` – ${d.lastError}` : ''}`,
  );
  return [
    `Status: ${view.case.status}`,
    caseText(view, 'da'),
    '',
    'History:',
    ...history,
    '',
    'Notifications:',
    ...(deliveries.length > 0 ? deliveries : ['  none delivered or failed yet (pending in the outbox)']),
  ].join('\n');
}
