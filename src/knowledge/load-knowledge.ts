import { join } from 'node:path';
import type { FlowRunner, FlowSummary } from '../core/flow-runner.ts';
import { lintFaqReferences, lintSituations } from './faq-lint.ts';
import { loadFaq } from './faq-loader.ts';
import { createKnowledgeBase, type KnowledgeBase } from './knowledge-base.ts';
import type { LintError } from './lint-error.ts';
import { loadOutside } from './outside-loader.ts';
import { loadSynonyms } from './synonyms-loader.ts';

/** Loads the guided flows in a folder and builds their engine. */
export type FlowLoader = (dir: string) => Promise<{ runner: FlowRunner; summaries: FlowSummary[]; errors: LintError[] }>;

/** Everything loaded from KNOWLEDGE_DIR, with every lint error found. */
export interface LoadedKnowledge {
  knowledge: KnowledgeBase;
  flows: FlowRunner;
  errors: LintError[];
}

/** Loads `faq/`, `flows/`, `synonyms.yaml` and `outside.yaml` under `dir`, checks references between them, and builds the search. */
export async function loadKnowledge(dir: string, loadFlows: FlowLoader): Promise<LoadedKnowledge> {
  const faq = await loadFaq(join(dir, 'faq'));
  const flows = await loadFlows(join(dir, 'flows'));
  const synonyms = await loadSynonyms(join(dir, 'synonyms.yaml'));
  const outside = await loadOutside(join(dir, 'outside.yaml'));
  const referenceErrors = await lintFaqReferences(faq.entries, faq.fileOf, new Set(flows.summaries.map((f) => f.id)));
  const situationErrors = await lintSituations(faq.entries, faq.fileOf);
  return {
    knowledge: createKnowledgeBase(faq.entries, flows.summaries, { synonyms: synonyms.synonyms, outside: outside.areas }),
    flows: flows.runner,
    errors: [...faq.errors, ...flows.errors, ...referenceErrors, ...situationErrors, ...synonyms.errors, ...outside.errors],
  };
}
