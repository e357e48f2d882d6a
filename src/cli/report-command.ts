import { UsageError } from './cli-options.ts';
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import type { Store } from '../store/store.ts';
import { loadReport, reportKnowledge } from '../report/build-report.ts';
import type { FlowPrompts } from '../report/step-texts.ts';
import { reportText } from '../report/report-text.ts';

/** Parses `--since` (YYYY-MM-DD or an ISO timestamp); throws a message saying what to write instead. */
export function parseSince(raw: string | undefined): Date | undefined {
  if (raw === undefined) return undefined;
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(raw) ? `${raw}T00:00:00Z` : raw);
  if (Number.isNaN(date.getTime())) throw new UsageError(`--since "${raw}" is not a date; write it as YYYY-MM-DD, e.g. --since 2026-01-01.`);
  return date;
}

/** `some-advisor report [--since DATE] [--json]`: prints the report as text or one JSON object. */
export async function runReport(
  store: Store,
  knowledge: KnowledgeBase,
  flows: readonly FlowPrompts[],
  options: { since?: Date; json: boolean },
  out: NodeJS.WritableStream,
): Promise<void> {
  const report = await loadReport(store, reportKnowledge(knowledge, flows), new Date(), options.since);
  out.write(options.json ? `${JSON.stringify(report)}\n` : reportText(report));
}
