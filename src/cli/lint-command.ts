import { formatLintError, formatLintWarning, type LintError } from '../knowledge/lint-error.ts';
import { loadKnowledge, type FlowLoader } from '../knowledge/load-knowledge.ts';

const byPlace = (a: LintError, b: LintError) => a.file.localeCompare(b.file) || a.line - b.line;

/**
 * Validates the knowledge folder; prints `file:line: message` per error and `file:line: warning: message` per warning
 * (or one JSON object with both) and returns the exit code: 1 when there are errors, 0 when there are only warnings.
 */
export async function runLint(dir: string, loadFlows: FlowLoader<unknown>, json: boolean, output: NodeJS.WritableStream, now: Date = new Date()): Promise<number> {
  const { knowledge, errors, warnings } = await loadKnowledge(dir, loadFlows, now);
  const sorted = [...errors].sort(byPlace);
  const warned = [...warnings].sort(byPlace);
  const counts = `${knowledge.faq.size} FAQ entries, ${knowledge.flows.size} flows and ${knowledge.outside.size} out-of-scope areas`;
  const warningCount = warned.length > 0 ? `${warned.length} warning(s)` : '';
  if (json) {
    output.write(`${JSON.stringify({ ok: sorted.length === 0, errors: sorted, warnings: warned, entries: knowledge.faq.size, flows: knowledge.flows.size, outsideAreas: knowledge.outside.size })}\n`);
  } else {
    const lines = [...sorted.map(formatLintError), ...warned.map(formatLintWarning)];
    const summary =
      sorted.length === 0
        ? `OK: ${counts} in ${dir}${warningCount ? `; ${warningCount}` : ''}`
        : `${sorted.length} error(s)${warningCount ? ` and ${warningCount}` : ''} in ${dir}`;
    output.write(`${[...lines, summary].join('\n')}\n`);
  }
  return sorted.length === 0 ? 0 : 1;
}
