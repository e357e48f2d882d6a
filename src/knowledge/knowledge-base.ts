import type { FlowSummary } from '../core/flow-runner.ts';
import type { FaqEntry } from './faq-schema.ts';
import { SearchIndex } from './search-index.ts';
import { decide, DEFAULT_THRESHOLDS, type SearchOutcome, type SearchThresholds } from './search-policy.ts';
import { Synonyms } from './synonyms.ts';

/** Longest query prefix that is searched; longer messages are searched on this prefix only. */
export const MAX_QUERY_CHARS = 500;

/** The loaded knowledge: FAQ entries, flow summaries and the search over both. */
export interface KnowledgeBase {
  faq: ReadonlyMap<string, FaqEntry>;
  flows: ReadonlyMap<string, FlowSummary>;
  /** Ranks FAQ entries and flows for a question and decides whether to answer, suggest or fall back. */
  search(query: string, limit?: number): SearchOutcome;
}

/** Builds the knowledge base and its search index from validated entries and flow summaries. */
export function createKnowledgeBase(
  entries: readonly FaqEntry[],
  flows: readonly FlowSummary[],
  synonyms: Synonyms = new Synonyms(),
  thresholds: SearchThresholds = DEFAULT_THRESHOLDS,
): KnowledgeBase {
  const index = new SearchIndex(
    [
      ...entries.map((e) => ({
        id: e.id,
        kind: 'faq' as const,
        title: e.title,
        questions: e.questions,
        keywords: e.keywords,
        body: e.answer,
      })),
      ...flows.map((f) => ({
        id: f.id,
        kind: 'flow' as const,
        title: f.title,
        questions: f.triggers,
        keywords: [],
        body: f.description,
      })),
    ],
    synonyms,
  );
  return {
    faq: new Map(entries.map((e) => [e.id, e])),
    flows: new Map(flows.map((f) => [f.id, f])),
    search: (query, limit = 5) => decide(index.rank(query.slice(0, MAX_QUERY_CHARS), limit), thresholds),
  };
}
