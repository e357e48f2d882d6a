import { join } from 'node:path';
import { loadFlowEngine } from '../src/dialogs/load-flow-engine.ts';
import { foldedPhrase } from '../src/knowledge/danish-text.ts';
import type { FaqEntry } from '../src/knowledge/faq-schema.ts';
import { loadFaq } from '../src/knowledge/faq-loader.ts';
import { createKnowledgeBase, type KnowledgeBase } from '../src/knowledge/knowledge-base.ts';
import { loadOutside } from '../src/knowledge/outside-loader.ts';
import type { OutsideArea } from '../src/knowledge/outside-schema.ts';
import type { Synonyms } from '../src/knowledge/synonyms.ts';
import { loadSynonyms } from '../src/knowledge/synonyms-loader.ts';
import type { FlowSummary } from '../src/shared/flow-summary.ts';
import type { HeldoutSet } from './heldout-set.ts';

/** Question sets besides the held-out one, written by people who never saw the entries. */
export const VALIDATION_SETS: readonly string[] = ['dev.yaml', 'dev2.yaml', 'dev3.yaml', 'dev4.yaml', 'dev5.yaml', 'dev6.yaml', 'dev7.yaml', 'dev8.yaml', 'dev9.yaml', 'dev10.yaml', 'dev11.yaml', 'dev12.yaml', 'dev13.yaml', 'dev14.yaml', 'dev15.yaml', 'dev16.yaml', 'dev17.yaml', 'dev18.yaml', 'dev19.yaml', 'dev20.yaml', 'dev21.yaml', 'dev22.yaml', 'dev23.yaml', 'dev24.yaml', 'dev25.yaml', 'dev26.yaml', 'dev27.yaml', 'dev28.yaml', 'dev29.yaml', 'dev30.yaml'];

/** The freshest validation set: never in the knowledge, its own targets, read only as aggregates. */
export const FRESH_SET = 'dev6.yaml';

/**
 * The question sets whose questions are also in the knowledge (entries' questions, out-of-scope areas' questions):
 * strangers' phrasings the search learns from. Each is measured on a search built without its own questions.
 */
export const FOLDED_SETS: readonly string[] = VALIDATION_SETS.filter((file) => file !== FRESH_SET);

/** What the search is built from, for evaluations that build it again with parts left out. */
export interface KnowledgeParts {
  entries: FaqEntry[];
  flows: FlowSummary[];
  synonyms: Synonyms;
  outside: OutsideArea[];
}

/** Loads the entries, flow summaries, synonyms and out-of-scope areas under `dir`. */
export async function loadKnowledgeParts(dir: string): Promise<KnowledgeParts> {
  const { entries } = await loadFaq(join(dir, 'faq'));
  const { summaries: flows } = await loadFlowEngine(join(dir, 'flows'));
  const { synonyms } = await loadSynonyms(join(dir, 'synonyms.yaml'));
  const { areas: outside } = await loadOutside(join(dir, 'outside.yaml'));
  return { entries, flows, synonyms, outside };
}

/** Whether a text is none of the set's questions (compared as folded phrases). */
function notAskedIn(set: HeldoutSet): (text: string) => boolean {
  const asked = new Set([...set.in_domain, ...set.out_of_domain].map(({ q }) => foldedPhrase(q)));
  return (text) => !asked.has(foldedPhrase(text));
}

function keptEntries(entries: readonly FaqEntry[], unseen: (text: string) => boolean): FaqEntry[] {
  return entries.map((e) => ({ ...e, questions: e.questions.filter(unseen), situations: e.situations.filter(unseen) }));
}

/** The entries without any question or situation that is a question of `set`. */
export function entriesWithout(entries: readonly FaqEntry[], set: HeldoutSet): FaqEntry[] {
  return keptEntries(entries, notAskedIn(set));
}

/** The parts without any question of `set` (case, æ/ø/å spelling and punctuation folded): a search that never saw it. */
export function withoutSet(parts: KnowledgeParts, set: HeldoutSet): KnowledgeParts {
  const unseen = notAskedIn(set);
  return { ...parts, entries: keptEntries(parts.entries, unseen), outside: parts.outside.map((a) => ({ ...a, questions: a.questions.filter(unseen) })) };
}

/** The knowledge base built from `parts`, without a result cache (every evaluated question is searched). */
export function knowledgeOf(parts: KnowledgeParts): KnowledgeBase {
  return createKnowledgeBase(parts.entries, parts.flows, { synonyms: parts.synonyms, outside: parts.outside, cacheEntries: 0 });
}
