import { searchTerms } from './danish-text.ts';
import type { SearchDocument, SearchHit } from './search-document.ts';
import { Synonyms } from './synonyms.ts';
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

/** Tuning knobs of the ranking (defaults calibrated with `npm run eval` on eval/dev.yaml). */
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

/** Evidence about a query as a whole, used to decide whether the top hit can be answered confidently. */
export interface QuerySignals {
  /** IDF-weighted share of the query's terms known to the knowledge base (weighted by their best match). */
  knownShare: number;
  /** IDF-weighted share of the query the top hit covers outside its answer text (title, paraphrases, keywords). */
  topFieldCoverage: number;
  /** How well the top hit's best paraphrase matches, both ways, in [0,1]. */
  topPhrasing: number;
}

/** Ranked hits plus the query signals. */
export interface RankedSearch {
  hits: SearchHit[];
  signals: QuerySignals;
}

const MAX_QUERY_TERMS = 24;
/** A term only in a document's answer counts this much towards its document frequency (answers mention much). */
const BODY_DOC_FREQUENCY = 0.5;
const NO_SIGNALS: QuerySignals = { knownShare: 0, topFieldCoverage: 0, topPhrasing: 0 };

/** Answer text without its structural lines ("**Sådan gør I**", "**Pas på**"), which say nothing about the topic. */
function topicalBody(body: string): string {
  return body.replace(/^\s*\*\*[^*\n]+\*\*:?\s*$/gm, '');
}

/**
 * The knowledge search: an inverted index over titles, paraphrases, keywords and answers, with Danish term
 * handling, synonyms and typo-tolerant term matching. A document's score combines how much of the query it covers
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
    private readonly synonyms: Synonyms = new Synonyms(),
    private readonly tuning: SearchTuning = DEFAULT_TUNING,
  ) {
    const docFrequency = new Map<string, number>();
    const terms = (text: string) => searchTerms(text, (w) => synonyms.has(w));
    documents.forEach((source, doc) => {
      const phrasings = [source.title, ...source.questions].map((q) => unique(terms(q)));
      this.docs.push({ source, phrasings });
      const seen = new Map<string, number>();
      const post = (fieldTerms: string[], field: Field) => {
        for (const term of fieldTerms) {
          const list = this.postings.get(term) ?? [];
          list.push({ doc, field });
          this.postings.set(term, list);
          seen.set(term, Math.max(seen.get(term) ?? 0, field === 'body' ? BODY_DOC_FREQUENCY : 1));
        }
      };
      post(phrasings[0] ?? [], 'title');
      phrasings.slice(1).forEach((t, i) => post(t, i + 1));
      post(unique(source.keywords.flatMap(terms)), 'keyword');
      post(unique(terms(topicalBody(source.body))), 'body');
      for (const [term, f] of seen) docFrequency.set(term, (docFrequency.get(term) ?? 0) + f);
    });
    const n = Math.max(documents.length, 1);
    for (const [term, df] of docFrequency) this.idf.set(term, Math.log(1 + n / df));
    this.unknownIdf = Math.log(1 + n) * tuning.unknownTermWeight;
    this.expander = new TermExpander(this.postings.keys(), synonyms);
  }

  /** Number of indexed documents. */
  get size(): number {
    return this.docs.length;
  }

  /** Ranks documents for a query; best first, at most `limit`, scores in [0,1]. */
  search(query: string, limit = 5): SearchHit[] {
    return this.rank(query, limit).hits;
  }

  /** Ranks documents for a query and reports the signals the confidence decision uses. */
  rank(query: string, limit = 5): RankedSearch {
    const terms = unique(searchTerms(query, (w) => this.synonyms.has(w))).slice(0, MAX_QUERY_TERMS);
    if (terms.length === 0) return { hits: [], signals: NO_SIGNALS };
    const expansions = terms.map((t) => this.expander.expand(t));
    const weights = expansions.map((matches) => this.termWeight(matches));
    const totalWeight = weights.reduce((a, b) => a + b, 0);
    const knownWeight = weights.reduce((sum, w, i) => sum + w * (expansions[i]?.[0]?.similarity ?? 0), 0);

    // fieldBest[doc][queryTerm] over all fields; headBest without the body; phrasingBest[doc][phrasing][queryTerm]
    const fieldBest = new Map<number, Float64Array>();
    const headBest = new Map<number, Float64Array>();
    const phrasingBest = new Map<number, Map<number, Float64Array>>();
    const matchedTerms = new Map<number, Map<string, number>>();
    const raise = (table: Map<number, Float64Array>, doc: number, qi: number, value: number) => {
      const row = table.get(doc) ?? new Float64Array(terms.length);
      row[qi] = Math.max(row[qi] ?? 0, value);
      table.set(doc, row);
    };
    expansions.forEach((matches, qi) => {
      for (const { term, similarity } of matches) {
        for (const { doc, field } of this.postings.get(term) ?? []) {
          const weight = field === 'body' ? this.tuning.bodyWeight : field === 'keyword' ? this.tuning.keywordWeight : 1;
          raise(fieldBest, doc, qi, similarity * weight);
          if (field === 'body') continue;
          raise(headBest, doc, qi, similarity);
          if (field === 'keyword') continue;
          const perDoc = phrasingBest.get(doc) ?? new Map<number, Float64Array>();
          raise(perDoc, field === 'title' ? 0 : field, qi, similarity);
          phrasingBest.set(doc, perDoc);
          const matched = matchedTerms.get(doc) ?? new Map<string, number>();
          matched.set(term, Math.max(matched.get(term) ?? 0, similarity));
          matchedTerms.set(doc, matched);
        }
      }
    });

    const scored: { hit: SearchHit; phrasing: number; fieldCoverage: number }[] = [];
    for (const [doc, best] of fieldBest) {
      const indexed = this.docs[doc];
      if (!indexed) continue;
      const coverage = weightedShare(best, weights, totalWeight);
      const matched = matchedTerms.get(doc) ?? new Map<string, number>();
      let phrasing = 0;
      for (const [pi, row] of phrasingBest.get(doc) ?? []) {
        const queryCovered = weightedShare(row, weights, totalWeight);
        phrasing = Math.max(phrasing, 0.65 * queryCovered + 0.35 * this.phrasingShare(indexed.phrasings[pi] ?? [], matched));
      }
      const score = this.tuning.coverageShare * coverage + (1 - this.tuning.coverageShare) * phrasing;
      const head = headBest.get(doc);
      scored.push({
        hit: { id: indexed.source.id, kind: indexed.source.kind, score: round(score) },
        phrasing,
        fieldCoverage: head ? weightedShare(head, weights, totalWeight) : 0,
      });
    }
    scored.sort((a, b) => b.hit.score - a.hit.score || a.hit.id.localeCompare(b.hit.id));
    const top = scored[0];
    return {
      hits: scored.slice(0, limit).map((s) => s.hit),
      signals: {
        knownShare: totalWeight > 0 ? knownWeight / totalWeight : 0,
        topFieldCoverage: top?.fieldCoverage ?? 0,
        topPhrasing: top?.phrasing ?? 0,
      },
    };
  }

  /** IDF-weighted share of a paraphrase's own terms that the query matched. */
  private phrasingShare(phrasing: readonly string[], matched: ReadonlyMap<string, number>): number {
    let total = 0;
    let covered = 0;
    for (const term of phrasing) {
      const w = this.idf.get(term) ?? this.unknownIdf;
      total += w;
      covered += w * (matched.get(term) ?? 0);
    }
    return total > 0 ? covered / total : 0;
  }

  /** IDF of the best match; a weak (compound or typo) match counts partly as an unknown, rare term. */
  private termWeight(matches: TermMatch[]): number {
    const best = matches[0];
    if (!best) return this.unknownIdf;
    const idf = this.idf.get(best.term) ?? this.unknownIdf;
    return best.similarity * idf + (1 - best.similarity) * this.unknownIdf;
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
