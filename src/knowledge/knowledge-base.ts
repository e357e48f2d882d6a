import { BoundedCache } from '../shared/bounded-cache.ts';
import type { FlowSummary } from '../shared/flow-summary.ts';
import type { FaqEntry } from './faq-schema.ts';
import type { OutsideArea } from './outside-schema.ts';
import type { SearchDocument } from './search-document.ts';
import { DEFAULT_TUNING, SearchIndex } from './search-index.ts';
import { decide, DEFAULT_THRESHOLDS, type SearchOutcome, type SearchThresholds } from './search-policy.ts';
import { Synonyms } from './synonyms.ts';
import type { LearnedWeights } from './topic-regression.ts';
import { findTypingSlips, lowerCaseWords, type TypingSlip } from './typing-slips.ts';

/** Longest query prefix that is searched; longer messages are searched on this prefix only. */
export const MAX_QUERY_CHARS = 500;
/** Outcomes kept per knowledge base for repeated queries (a reload builds a new knowledge base, so a new cache). */
const SEARCH_CACHE_ENTRIES = 1000;

/** The loaded knowledge: FAQ entries, flow summaries and the search over both. */
export interface KnowledgeBase {
  faq: ReadonlyMap<string, FaqEntry>;
  flows: ReadonlyMap<string, FlowSummary>;
  /** Areas the assistant does not cover; a question that belongs to one gets its hint instead of a guess. */
  outside: ReadonlyMap<string, OutsideArea>;
  /** Ranks FAQ entries and flows for a question and decides whether to answer, suggest or fall back. */
  search(query: string, limit?: number): SearchOutcome;
  /** Obvious typing slips in a text, judged against the words the entries, guides and out-of-scope areas use. */
  typingSlips(text: string): TypingSlip[];
  /**
   * The search's topic model weights once made, for a knowledge base rebuilt from the same titles and questions: a
   * reload after an answer was edited takes them instead of learning again.
   */
  topicWeights: LearnedWeights;
}

/** What a knowledge base is built with besides its entries and flows. */
export interface KnowledgeOptions {
  synonyms?: Synonyms;
  outside?: readonly OutsideArea[];
  thresholds?: SearchThresholds;
  /** Outcomes kept for repeated queries; 0 searches every time. */
  cacheEntries?: number;
  /** Topic model weights learned before (`KnowledgeBase.topicWeights` of the knowledge base this one replaces). */
  topicWeights?: LearnedWeights;
}

/** What the search indexes: the entries, the flows and the out-of-scope areas, as search documents. */
export function searchDocuments(entries: readonly FaqEntry[], flows: readonly FlowSummary[], outside: readonly OutsideArea[]): SearchDocument[] {
  return [
    ...entries.map((e) => ({
      id: e.id,
      kind: 'faq' as const,
      title: e.title,
      // situations are matched like the questions: both are how people put what they need
      questions: [...e.questions, ...e.situations],
      keywords: e.keywords,
      body: e.answer,
    })),
    ...flows.map((f) => ({ id: f.id, kind: 'flow' as const, title: f.title, questions: f.triggers, keywords: [], body: f.description })),
    ...outside.map((a) => ({ id: a.id, kind: 'outside' as const, title: a.title, questions: a.questions, keywords: a.keywords, body: '' })),
  ];
}

/** The entry → flow map of entries that offer a guide (an entry and its guide count as one topic in the decision). */
export function flowsOfEntries(entries: readonly FaqEntry[]): Map<string, string> {
  return new Map(entries.flatMap((e) => (e.flow ? [[e.id, e.flow] as const] : [])));
}

/** Builds the knowledge base and its search index from validated entries, flow summaries and out-of-scope areas. */
export function createKnowledgeBase(entries: readonly FaqEntry[], flows: readonly FlowSummary[], options: KnowledgeOptions = {}): KnowledgeBase {
  const { synonyms = new Synonyms(), outside = [], thresholds = DEFAULT_THRESHOLDS, cacheEntries = SEARCH_CACHE_ENTRIES, topicWeights } = options;
  const documents = searchDocuments(entries, flows, outside);
  const index = new SearchIndex(documents, synonyms, DEFAULT_TUNING, topicWeights);
  const flowOfEntry = flowsOfEntries(entries);
  const cache = new BoundedCache<string, SearchOutcome>(cacheEntries);
  // made on first use: only a guide's free-text answers are checked for slips
  let knownWords: Set<string> | undefined;
  const words = () => (knownWords ??= new Set(documents.flatMap((d) => lowerCaseWords([d.title, ...d.questions, ...d.keywords, d.body].join(' ')))));
  return {
    faq: new Map(entries.map((e) => [e.id, e])),
    flows: new Map(flows.map((f) => [f.id, f])),
    outside: new Map(outside.map((a) => [a.id, a])),
    search: (query, limit = 5) => {
      const bounded = query.slice(0, MAX_QUERY_CHARS);
      const key = `${limit}:${bounded}`;
      let outcome = cache.get(key);
      if (!outcome) {
        // out-of-scope areas take places in the ranking, so rank enough to leave `limit` showable hits
        const decided = decide(index.rank(bounded, limit + outside.length), thresholds, flowOfEntry);
        outcome = { ...decided, results: decided.results.slice(0, limit) };
        for (const hit of outcome.results) Object.freeze(hit);
        cache.set(key, outcome);
      }
      // Each caller gets its own outcome and list; the hits themselves are shared and frozen.
      return { ...outcome, results: [...outcome.results] };
    },
    typingSlips: (text) => findTypingSlips(text, words()),
    topicWeights: index.topicWeights,
  };
}
