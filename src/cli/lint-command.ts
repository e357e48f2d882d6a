import { formatLintError, type LintError } from '../knowledge/lint-error.ts';
import { loadKnowledge, type FlowLoader } from '../knowledge/load-knowledge.ts';

/** Validates the knowledge folder; prints `file:line: message` per error (or JSON) and returns the exit code. */
export async function runLint(dir: string, loadFlows: FlowLoader, json: boolean, output: NodeJS.WritableStream): Promise<number> {
  const { knowledge, errors } = await loadKnowledge(dir, loadFlows);
  const sorted = [...errors].sort((a: LintError, b: LintError) => a.file.localeCompare(b.file) || a.line - b.line);
  if (json) {
    output.write(`${JSON.stringify({ ok: sorted.length === 0, errors: sorted, entries: knowledge.faq.size, flows: knowledge.flows.size, outsideAreas: knowledge.outside.size })}\n`);
  } else if (sorted.length === 0) {
    output.write(`OK: ${knowledge.faq.size} FAQ entries, ${knowledge.flows.size} flows and ${knowledge.outside.size} out-of-scope areas in ${dir}\n`);
  } else {
    output.write(`${sorted.map(formatLintError).join('\n')}\n${sorted.length} error(s) in ${dir}\n`);
  }
  return sorted.length === 0 ? 0 : 1;
}
