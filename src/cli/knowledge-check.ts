import { loadFlowEngine } from '../dialogs/load-flow-engine.ts';
import { formatLintError } from '../knowledge/lint-error.ts';
import { loadKnowledge } from '../knowledge/load-knowledge.ts';
import type { Finding } from '../ops/credential-checks.ts';

/** How many lint errors doctor prints; `some-advisor lint` lists them all. */
const SHOWN_ERRORS = 5;

/**
 * doctor's knowledge check: loads KNOWLEDGE_DIR as serve does. Ok with the number of entries and flows, or an error per
 * lint error (`file:line: message`, the first few), since serve refuses to start on any of them.
 */
export async function checkKnowledge(dir: string): Promise<Finding[]> {
  const { knowledge, errors } = await loadKnowledge(dir, loadFlowEngine);
  if (errors.length === 0) return [{ level: 'ok', subject: 'knowledge', message: `${knowledge.faq.size} entries, ${knowledge.flows.size} flows in ${dir}` }];
  const shown: Finding[] = errors.slice(0, SHOWN_ERRORS).map((error) => ({ level: 'error', subject: 'knowledge', message: formatLintError(error) }));
  const more = errors.length - shown.length;
  return more > 0 ? [...shown, { level: 'error', subject: 'knowledge', message: `${more} more error(s) in ${dir}; some-advisor lint lists them all.` }] : shown;
}
