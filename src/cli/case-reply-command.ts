import type { CaseService } from '../escalation/case-service.ts';
import { consultantStrings } from '../escalation/consultant-strings.ts';
import { refuse, type CaseCommandOutput } from './case-command-output.ts';
import { caseDetailJson } from './case-json.ts';
import { relayedNote } from '../escalation/relayed-note.ts';

/** `cases reply <number> "text" --by NAME`: sends the reply to the requester; returns the exit code (1, with nothing sent, when it is refused). */
export async function runCaseReply(cases: CaseService, ref: string, text: string, by: string, output: CaseCommandOutput): Promise<number> {
  const s = consultantStrings(output.locale);
  const outcome = await cases.reply(ref, text, by, 'cli');
  if (!outcome.ok) {
    const reason = outcome.reason;
    return refuse(output, reason === 'not-found' ? s.noCase(ref) : reason === 'empty' ? s.emptyReply : s.refused[reason]);
  }
  if (output.json) output.out.write(`${JSON.stringify({ ...caseDetailJson(outcome.view), removedFromReply: outcome.removed })}\n`);
  else output.out.write(`${relayedNote(outcome, output.locale)}\n`);
  return 0;
}
