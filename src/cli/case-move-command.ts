import { CaseTransitionError, type CaseService } from '../escalation/case-service.ts';
import { consultantStrings } from '../escalation/consultant-strings.ts';
import { refuse, type CaseCommandOutput } from './case-command-output.ts';
import { caseDetailJson } from './case-json.ts';
import { caseDetailText } from './case-view-text.ts';

/** `cases claim|resolve <number> --by NAME`: moves the case as `by`; returns the exit code (1, with nothing changed, when it cannot move). */
export async function runCaseMove(cases: CaseService, ref: string, action: 'claim' | 'resolve', by: string, output: CaseCommandOutput): Promise<number> {
  const s = consultantStrings(output.locale);
  const current = await cases.get(ref);
  if (!current) return refuse(output, s.noCase(ref));
  const number = current.case.number;
  if (action === 'claim' && current.case.status === 'resolved') return refuse(output, s.claimClosed(number));
  try {
    const moved = await cases.move(current.case.id, action, by);
    output.out.write(`${output.json ? JSON.stringify(caseDetailJson(moved)) : caseDetailText(moved, output.locale)}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof CaseTransitionError)) throw error;
    return refuse(output, s.changedMeanwhile(number));
  }
}
