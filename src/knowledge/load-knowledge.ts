import { basename, join } from 'node:path';
import type { FlowSummary } from '../shared/flow-summary.ts';
import { lintFaqContent, lintFaqReferences, lintFaqStyle, lintRepeats } from './faq-lint.ts';
import { loadFaq } from './faq-loader.ts';
import { createKnowledgeBase, type KnowledgeBase } from './knowledge-base.ts';
import type { LintError } from './lint-error.ts';
import { loadOutside } from './outside-loader.ts';
import { type ReviewDue, dueForReview, reviewedFuture, reviewedInFuture, reviewWarnings } from './review-due.ts';
import { loadSynonyms } from './synonyms-loader.ts';

/**
 * Loads the guided flows in a folder and builds their engine (`Runner`, which the knowledge base only passes on: it
 * searches the summaries); `fileOf` maps each valid flow's id to its file.
 */
export type FlowLoader<Runner> = (
  dir: string,
) => Promise<{ runner: Runner; summaries: FlowSummary[]; errors: LintError[]; fileOf: ReadonlyMap<string, string> }>;

/** Everything loaded from KNOWLEDGE_DIR, with every lint error found and the warnings that do not stop it loading. */
export interface LoadedKnowledge<Runner> {
  knowledge: KnowledgeBase;
  flows: Runner;
  errors: LintError[];
  /**
   * Shown by lint, never a reason to reject: `reviewed` dates more than 12 months before `now` or after it, and answers
   * against content-style.md (too long, a heading, an exclamation mark, a retired word).
   */
  warnings: LintError[];
}

/**
 * Loads `faq/`, `flows/`, `synonyms.yaml` and `outside.yaml` under `dir`, checks references between them and that the
 * content stays true (reviewed dates, document sources), and builds the search. `now` decides what is due for review;
 * `previous` is the knowledge a reload replaces (its topic model is kept when no title or question changed).
 */
export async function loadKnowledge<Runner>(dir: string, loadFlows: FlowLoader<Runner>, now: Date = new Date(), previous?: KnowledgeBase): Promise<LoadedKnowledge<Runner>> {
  const faq = await loadFaq(join(dir, 'faq'));
  const flows = await loadFlows(join(dir, 'flows'));
  const synonyms = await loadSynonyms(join(dir, 'synonyms.yaml'));
  const outside = await loadOutside(join(dir, 'outside.yaml'));
  // an entry or flow whose own file has an error is reported there, not again at every reference to it
  const unloadable = new Set([...faq.errors, ...flows.errors].map((e) => basename(e.file).replace(/\.ya?ml$/, '')));
  const referenceErrors = await lintFaqReferences(faq.entries, faq.fileOf, new Set(flows.summaries.map((f) => f.id)), unloadable);
  const contentErrors = await lintFaqContent(faq.entries, faq.fileOf);
  const repeatErrors = await lintRepeats(faq.entries, faq.fileOf);
  const knowledge = createKnowledgeBase(faq.entries, flows.summaries, { synonyms: synonyms.synonyms, outside: outside.areas, topicWeights: previous?.topicWeights });
  const fileOfItem = (item: ReviewDue) => (item.kind === 'faq' ? faq.fileOf : flows.fileOf).get(item.id);
  const warnings = [
    ...(await reviewWarnings(dueForReview(knowledge, now), fileOfItem)),
    ...(await reviewWarnings(reviewedInFuture(knowledge, now), fileOfItem, reviewedFuture)),
    ...(await lintFaqStyle(faq.entries, faq.fileOf)),
  ];
  return {
    knowledge,
    flows: flows.runner,
    errors: [...faq.errors, ...flows.errors, ...referenceErrors, ...contentErrors, ...repeatErrors, ...synonyms.errors, ...outside.errors],
    warnings,
  };
}
