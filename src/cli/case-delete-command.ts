import type { CaseService } from '../escalation/case-service.ts';
import { consultantStrings } from '../escalation/consultant-strings.ts';
import { refuse, type CaseCommandOutput } from './case-command-output.ts';

/**
 * `cases delete <number> --by NAME`: deletes the case at once, whatever its status, with everything stored about it (an
 * erasure request); asks nothing. Returns the exit code (1, with nothing deleted, when there is no such case).
 */
export async function runCaseDelete(cases: CaseService, ref: string, by: string, output: CaseCommandOutput): Promise<number> {
  const s = consultantStrings(output.locale);
  const number = await cases.delete(ref, by);
  if (number === undefined) return refuse(output, s.noCase(ref));
  output.out.write(`${output.json ? JSON.stringify({ number, deleted: true }) : s.deleted(number)}\n`);
  return 0;
}
