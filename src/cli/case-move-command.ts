import { CaseTransitionError, type CaseService } from '../escalation/case-service.ts';
import { consultantStrings } from '../escalation/consultant-strings.ts';
import { refuse, type CaseCommandOutput } from './case-command-output.ts';
import { caseDetailJson } from './case-json.ts';
import { requesterLabel } from '../escalation/relayed-note.ts';
import { caseDetailText } from './case-view-text.ts';

/** True when two consultant names are the same but for letter case and spacing. */
function sameName(a: string, b: string): boolean {
  const plain = (name: string) => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('da');
  return plain(a) === plain(b);
}

/** `cases claim|resolve <number> --by NAME`: moves the case as `by`; returns the exit code (1, with nothing changed, when it cannot move). */
export async function runCaseMove(cases: CaseService, ref: string, action: 'claim' | 'resolve', by: string, output: CaseCommandOutput): Promise<number> {
  const s = consultantStrings(output.locale);
  const current = await cases.get(ref);
  if (!current) return refuse(output, s.noCase(ref));
  const number = current.case.number;
  const holder = current.case.status === 'claimed' ? current.payload.claimedBy : undefined;
  if (action === 'claim') {
    if (current.case.status === 'resolved') return refuse(output, s.claimClosed(number));
    if (holder !== undefined && !sameName(holder, by)) return refuse(output, s.alreadyClaimed(holder));
  }
  // A move repeated (a claim by its holder, a second resolution) changes nothing; its notifications are enqueued
  // again, which sends nothing twice.
  const repeated = action === 'claim' ? holder !== undefined : current.case.status === 'resolved';
  const to = requesterLabel(current);
  const note = action === 'claim' ? (repeated ? s.alreadyYours(number) : s.claimedFor(number, to)) : repeated ? s.alreadyResolved(number) : s.resolvedFor(number, to);
  try {
    const moved = await cases.move(current.case.id, action, by);
    output.out.write(`${output.json ? JSON.stringify(caseDetailJson(moved)) : `${note}\n\n${caseDetailText(moved, output.locale)}`}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof CaseTransitionError)) throw error;
    return refuse(output, s.changedMeanwhile(number));
  }
}
