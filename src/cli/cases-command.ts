import type { Locale } from '../shared/locale.ts';
import type { CaseService } from '../escalation/case-service.ts';
import { consultantStrings } from '../escalation/consultant-strings.ts';
import { refuse, type CaseCommandOutput } from './case-command-output.ts';
import { runCaseDelete } from './case-delete-command.ts';
import { caseDetailJson, caseSummaryJson } from './case-json.ts';
import { runCaseMove } from './case-move-command.ts';
import { runCaseReply } from './case-reply-command.ts';
import { caseDetailText, caseListLine } from './case-view-text.ts';
import { UsageError } from './cli-options.ts';

const CASES_USAGE =
  'some-advisor cases list [--json] | show <KL-…> [--json] | claim <KL-…> --by NAME [--json] | resolve <KL-…> --by NAME [--json] | reply <KL-…> "<text>" --by NAME [--json] | delete <KL-…> --by NAME [--json]';

/** How `cases` prints (JSON or text in the consultant's language) and the name a claim, resolution, reply or deletion carries (--by). */
export interface CasesOptions {
  json: boolean;
  by: string | undefined;
  locale: Locale;
}

/** Why `--by` is needed, with an example of the action: the requester is told the name (a deletion logs it). */
function byNeeded(action: 'claim' | 'resolve' | 'reply' | 'delete'): string {
  if (action === 'delete') {
    return 'cases delete needs --by NAME: your name, logged with the case number as who deleted it. Nothing was deleted.\nExample: some-advisor cases delete KL-2026-0001 --by "Lars Jensen"';
  }
  const example = `some-advisor cases ${action} KL-2026-0001${action === 'reply' ? ' "Jeg ringer dig op i eftermiddag."' : ''} --by "Lars Jensen"`;
  return `cases ${action} needs --by NAME: your name, the name the requester sees ("Lars Jensen fra KL Kommunikation har overtaget din henvendelse"). Nothing was changed.\nExample: ${example}`;
}

/** Runs `some-advisor cases list|show|claim|resolve|reply|delete`; returns the exit code (1 when a case is not found, cannot move or refuses the reply). */
export async function runCases(cases: CaseService, args: string[], options: CasesOptions, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const [action, ref, ...rest] = args;
  const output: CaseCommandOutput = { json: options.json, locale: options.locale, out, err };
  const s = consultantStrings(options.locale);
  if (action === 'list') {
    const all = await cases.list();
    if (options.json) out.write(`${JSON.stringify(all.map(caseSummaryJson))}\n`);
    else if (all.length === 0) out.write(`${s.noCases}\n`);
    else for (const view of all) out.write(`${caseListLine(view, options.locale)}\n`);
    return 0;
  }
  if (action !== 'show' && action !== 'claim' && action !== 'resolve' && action !== 'reply' && action !== 'delete') throw new UsageError(`Unknown or missing cases action "${action ?? ''}".\nUsage: ${CASES_USAGE}`);
  if (!ref) throw new UsageError(`cases ${action} needs a case number, e.g. some-advisor cases ${action} KL-2026-0001`);
  if (action === 'show') {
    const view = await cases.get(ref);
    if (!view) return refuse(output, s.noCase(ref));
    out.write(`${options.json ? JSON.stringify(caseDetailJson(view)) : caseDetailText(view, options.locale)}\n`);
    return 0;
  }
  const by = options.by?.trim() ?? '';
  if (by === '') return refuse(output, byNeeded(action));
  if (action === 'delete') return runCaseDelete(cases, ref, by, output);
  return action === 'reply' ? runCaseReply(cases, ref, rest.join(' '), by, output) : runCaseMove(cases, ref, action, by, output);
}
