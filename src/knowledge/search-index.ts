import { searchTerms } from './danish-text.ts';
import type { SearchDocument, SearchHit } from './search-document.ts';
import { TermExpander, type TermMatch } from './term-expander.ts';

/** Where a term occurs in a document: title, keywords, one paraphrase (by index) or the body. */
type Field = 'title' | 'keyword' | 'body' | number;

interface Posting {
  doc: number;
  field: Field;
}

interface IndexedDocument {
  source: SearchDocument;
  /** Term sets of the title and each paraphrase (the "phrasings" a query is compared with). */
  phrasings: string[][];
}

/** Tuning knobs of the ranking (defaults calibrated with `npm run eval`). */
export interface SearchTuning {
  keywordWeight: number;
  bodyWeight: number;
  /** Share of the score from query coverage; the rest comes from the best-matching paraphrase. */
  coverageShare: number;
  /** Weight of a query term the knowledge base has never seen, relative to the rarest known term. */
  unknownTermWeight: number;
}

/** The tuning in use. */
export const DEFAULT_TUNING: SearchTuning = { keywordWeight: 0.95, bodyWeight: 0.45, coverageShare: 0.5, unknownTermWeight: 1 };

const MAX_QUERY_TERMS = 24;

/**
 * The knowledge search: an inverted index over titles, paraphrases, keywords and answers, with Danish term
 * handling and typo-tolerant term matching. A document's score combines how much of the query it covers
 * (IDF-weighted) with how closely its best paraphrase matches the query as a whole.
 */
export class SearchIndex {
  private readonly docs: IndexedDocument[] = [];
  private readonly postings = new Map<string, Posting[]>();
  private readonly idf = new Map<string, number>();
  private readonly unknownIdf: number;
  private readonly expander: TermExpander;

  constructor(
    documents: readonly SearchDocument[],
    private readonly tuning: SearchTuning = DEFAULT_TUNING,
  ) {
    const docFrequency = new Map<string, number>();
    documents.forEach((source, doc) => {
      const phrasings = [source.title, ...source.questions].map((q) => unique(searchTerms(q)));
      this.docs.push({ source, phrasings });
      const seen = new Set<string>();
      const post = (terms: string[], field: Field) => {
        for (const term of terms) {
          const list = this.postings.get(term) ?? [];
          list.push({ doc, field });
          this.postings.set(term, list);
          seen.add(term);
        }
      };
      post(phrasings[0] ?? [], 'title');
      phrasings.slice(1).forEach((terms, i) => post(terms, i + 1));
      post(unique(source.keywords.flatMap(searchTerms)), 'keyword');
      post(unique(searchTerms(source.body)), 'body');
      for (const term of seen) docFrequency.set(term, (docFrequency.get(term) ?? 0) + 1);
    });
    const n = Math.max(documents.length, 1);
    for (const [term, df] of docFrequency) this.idf.set(term, Math.log(1 + n / df));
    this.unknownIdf = Math.log(1 + n) * tuning.unknownTermWeight;
    this.expander = new TermExpander(this.postings.keys());
  }

  /** Number of indexed documents. */
  get size(): number {
    return this.docs.length;
  }

  /** Ranks documents for a query; best first, at most `limit`, scores in [0,1]. */
  search(query: string, limit = 5): SearchHit[] {
    const terms = unique(searchTerms(query)).slice(0, MAX_QUERY_TERMS);
    if (terms.length === 0) return [];
    const expansions = terms.map((t) => this.expander.expand(t));
    const weights = expansions.map((matches) => this.termWeight(matches));
    const totalWeight = weights.reduce((a, b) => a + b, 0);

    // best[doc][queryTerm] per field group; phrasing[doc][phrasing][queryTerm]
    const fieldBest = new Map<number, Float64Array>();
    const phrasingBest = new Map<number, Map<number, Float64Array>>();
    const matchedTerms = new Map<number, Map<string, number>>();
    expansions.forEach((matches, qi) => {
      for (const { term, similarity } of matches) {
        for (const { doc, field } of this.postings.get(term) ?? []) {
          const weight = field === 'body' ? this.tuning.bodyWeight : field === 'keyword' ? this.tuning.keywordWeight : 1;
          const best = fieldBest.get(doc) ?? new Float64Array(terms.length);
          best[qi] = Math.max(best[qi] ?? 0, similarity * weight);
          fieldBest.set(doc, best);
          if (field === 'body' || field === 'keyword') continue;
          const phrasingIndex = field === 'title' ? 0 : field;
          const perDoc = phrasingBest.get(doc) ?? new Map<number, Float64Array>();
          const row = perDoc.get(phrasingIndex) ?? new Float64Array(terms.length);
          row[qi] = Math.max(row[qi] ?? 0, similarity);
          perDoc.set(phrasingIndex, row);
          phrasingBest.set(doc, perDoc);
          const matched = matchedTerms.get(doc) ?? new Map<string, number>();
          matched.set(term, Math.max(matched.get(term) ?? 0, similarity));
          matchedTerms.set(doc, matched);
        }
      }
    });

    const hits: SearchHit[] = [];
    for (const [doc, best] of fieldBest) {
      const coverage = weightedShare(best, weights, totalWeight);
      let phrasingScore = 0;
      const indexed = this.docs[doc];
      if (!indexed) continue;
      for (const [pi, row] of phrasingBest.get(doc) ?? []) {
        const queryCovered = weightedShare(row, weights, totalWeight);
        const phrasing = indexed.phrasings[pi] ?? [];
        const matched = matchedTerms.get(doc) ?? new Map<string, number>();
        let phrasingWeight = 0;
        let phrasingCovered = 0;
        for (const term of phrasing) {
          const w = this.idf.get(term) ?? this.unknownIdf;
          phrasingWeight += w;
          phrasingCovered += w * (matched.get(term) ?? 0);
        }
        const phrasingShare = phrasingWeight > 0 ? phrasingCovered / phrasingWeight : 0;
        phrasingScore = Math.max(phrasingScore, 0.65 * queryCovered + 0.35 * phrasingShare);
      }
      const score = this.tuning.coverageShare * coverage + (1 - this.tuning.coverageShare) * phrasingScore;
      hits.push({ id: indexed.source.id, kind: indexed.source.kind, score: round(score) });
    }
    return hits.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)).slice(0, limit);
  }

  private termWeight(matches: TermMatch[]): number {
    if (matches.length === 0) return this.unknownIdf;
    const best = matches[0];
    return best ? (this.idf.get(best.term) ?? this.unknownIdf) : this.unknownIdf;
  }
}

function weightedShare(values: Float64Array, weights: number[], total: number): number {
  if (total <= 0) return 0;
  let sum = 0;
  values.forEach((v, i) => {
    sum += v * (weights[i] ?? 0);
  });
  return sum / total;
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
