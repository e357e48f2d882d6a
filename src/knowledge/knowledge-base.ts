import { BoundedCache } from '../core/bounded-cache.ts';
import type { FlowSummary } from '../core/flow-runner.ts';
import type { FaqEntry } from './faq-schema.ts';
import { SearchIndex } from './search-index.ts';
import { decide, DEFAULT_THRESHOLDS, type SearchOutcome, type SearchThresholds } from './search-policy.ts';
import { Synonyms } from './synonyms.ts';

/** Longest query prefix that is searched; longer messages are searched on this prefix only. */
export const MAX_QUERY_CHARS = 500;
/** Outcomes kept per knowledge base for repeated queries (a reload builds a new knowledge base, so a new cache). */
const SEARCH_CACHE_ENTRIES = 1000;

/** The loaded knowledge: FAQ entries, flow summaries and the search over both. */
export interface KnowledgeBase {
  faq: ReadonlyMap<string, FaqEntry>;
  flows: ReadonlyMap<string, FlowSummary>;
  /** Ranks FAQ entries and flows for a question and decides whether to answer, suggest or fall back. */
  search(query: string, limit?: number): SearchOutcome;
}

/** Builds the knowledge base and its search index from validated entries and flow summaries; `cacheEntries` 0 searches every time. */
export function createKnowledgeBase(
  entries: readonly FaqEntry[],
  flows: readonly FlowSummary[],
  synonyms: Synonyms = new Synonyms(),
  thresholds: SearchThresholds = DEFAULT_THRESHOLDS,
  cacheEntries = SEARCH_CACHE_ENTRIES,
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
  const cache = new BoundedCache<string, SearchOutcome>(cacheEntries);
  return {
    faq: new Map(entries.map((e) => [e.id, e])),
    flows: new Map(flows.map((f) => [f.id, f])),
    search: (query, limit = 5) => {
      const bounded = query.slice(0, MAX_QUERY_CHARS);
      const key = `${limit}:${bounded}`;
      let outcome = cache.get(key);
      if (!outcome) {
        outcome = decide(index.rank(bounded, limit), thresholds);
        for (const hit of outcome.results) Object.freeze(hit);
        cache.set(key, outcome);
      }
      // Each caller gets its own outcome and list; the hits themselves are shared and frozen.
      return { ...outcome, results: [...outcome.results] };
    },
  };
}
