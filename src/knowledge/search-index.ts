import { CharNgramIndex } from './char-ngram-index.ts';
import { searchTerms } from './danish-text.ts';
import type { IndexHit, SearchDocument } from './search-document.ts';
import { ScoreTable } from './score-table.ts';
import { Synonyms } from './synonyms.ts';
import { TermExpander, type TermMatch } from './term-expander.ts';
import { TopHits } from './top-hits.ts';

/** Where a term occurs: a phrasing by index (0 = title, i = paraphrase i), the keywords or the answer body. */
const KEYWORD = -1;
const BODY = -2;

/** The documents a term occurs in, and where in each (parallel arrays, one entry per field occurrence). */
interface Postings {
  docs: Int32Array;
  fields: Int32Array;
}

interface IndexedDocument {
  source: SearchDocument;
  /** Term sets of the title and each paraphrase (the "phrasings" a query is compared with). */
  phrasings: string[][];
  /** IDF of each phrasing term, parallel to `phrasings`. */
  phrasingIdf: number[][];
  /** Sum of `phrasingIdf` per phrasing. */
  phrasingTotal: number[];
  /** Number of the document's title among all phrasings of the index (its paraphrases follow). */
  firstPhrasing: number;
}

/** Tuning knobs of the ranking (defaults calibrated with `npm run eval` on eval/dev.yaml). */
export interface SearchTuning {
  keywordWeight: number;
  bodyWeight: number;
  /** Share of the score from query coverage; the rest comes from the best-matching paraphrase. */
  coverageShare: number;
  /** Weight of a query term the knowledge base has never seen, relative to the rarest known term. */
  unknownTermWeight: number;
  /** Weight of the character n-gram cosine relative to the term score (the score is their weighted mean). */
  ngramWeight: number;
}

/** The tuning in use. */
export const DEFAULT_TUNING: SearchTuning = { keywordWeight: 0.95, bodyWeight: 0.45, coverageShare: 0.5, unknownTermWeight: 1, ngramWeight: 1 };

/** Ranked hits, best first, and how many search terms the query had. */
export interface RankedSearch {
  hits: IndexHit[];
  /** Distinct search terms of the query (stop words removed); long questions share a smaller part with any entry. */
  queryTerms: number;
}

const MAX_QUERY_TERMS = 24;
/** Frequency (in documents) a term found only in keywords or answers counts as. */
const MIN_FREQUENCY = 0.5;

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
  private readonly postings = new Map<string, Postings>();
  private readonly idf = new Map<string, number>();
  private readonly unknownIdf: number;
  private readonly expander: TermExpander;
  private readonly fieldBest: ScoreTable;
  private readonly phrasingBest: ScoreTable;
  private readonly ngrams: CharNgramIndex;

  constructor(
    documents: readonly SearchDocument[],
    private readonly synonyms: Synonyms = new Synonyms(),
    private readonly tuning: SearchTuning = DEFAULT_TUNING,
  ) {
    const phrasingFrequency = new Map<string, number>();
    const lists = new Map<string, { docs: number[]; fields: number[] }>();
    const terms = (text: string) => searchTerms(text, (w) => synonyms.has(w));
    let phrasingCount = 0;
    // word rarity is measured over what the assistant answers (entries and flows): the out-of-scope areas' own
    // questions must not change how entries rank against each other, only compete with them
    let answerableDocuments = 0;
    let answerablePhrasings = 0;
    documents.forEach((source, doc) => {
      const phrasings = [source.title, ...source.questions].map((q) => unique(terms(q)));
      this.docs.push({ source, phrasings, phrasingIdf: [], phrasingTotal: [], firstPhrasing: phrasingCount });
      phrasingCount += phrasings.length;
      const answerable = source.kind !== 'outside';
      if (answerable) {
        answerableDocuments += 1;
        answerablePhrasings += phrasings.length;
      }
      const post = (fieldTerms: string[], field: number) => {
        for (const term of fieldTerms) {
          const list = lists.get(term) ?? { docs: [], fields: [] };
          list.docs.push(doc);
          list.fields.push(field);
          lists.set(term, list);
          if (field >= 0 && answerable) phrasingFrequency.set(term, (phrasingFrequency.get(term) ?? 0) + 1);
        }
      };
      phrasings.forEach((t, i) => post(t, i));
      post(unique(source.keywords.flatMap(terms)), KEYWORD);
      post(unique(terms(topicalBody(source.body))), BODY);
    });
    for (const [term, list] of lists) this.postings.set(term, { docs: Int32Array.from(list.docs), fields: Int32Array.from(list.fields) });
    // IDF over phrasings, not documents: a word in many paraphrases ("facebook" in every platform-facebook
    // question and in many others) says less about which entry is meant than one word a document count would show
    const n = Math.max(answerableDocuments, 1);
    for (const term of lists.keys()) {
      const share = (phrasingFrequency.get(term) ?? 0) / Math.max(answerablePhrasings, 1);
      this.idf.set(term, Math.log(1 + n / Math.max(share * n, MIN_FREQUENCY)));
    }
    this.unknownIdf = Math.log(1 + n) * tuning.unknownTermWeight;
    for (const indexed of this.docs) {
      indexed.phrasingIdf = indexed.phrasings.map((p) => p.map((term) => this.idf.get(term) ?? this.unknownIdf));
      indexed.phrasingTotal = indexed.phrasingIdf.map((ws) => ws.reduce((total, w) => total + w, 0));
    }
    this.expander = new TermExpander(this.postings.keys(), synonyms);
    this.fieldBest = new ScoreTable(documents.length);
    this.phrasingBest = new ScoreTable(phrasingCount);
    this.ngrams = new CharNgramIndex(documents.map((d) => [d.title, ...d.questions, d.keywords.join(' ')]));
  }

  /** Number of indexed documents. */
  get size(): number {
    return this.docs.length;
  }

  /** Ranks documents for a query; best first, at most `limit`, scores in [0,1]. */
  search(query: string, limit = 5): IndexHit[] {
    return this.rank(query, limit).hits;
  }

  /** Ranks documents of every kind for a query; best first, at most `limit`, scores in [0,1]. */
  rank(query: string, limit = 5): RankedSearch {
    const terms = unique(searchTerms(query, (w) => this.synonyms.has(w))).slice(0, MAX_QUERY_TERMS);
    if (terms.length === 0) return { hits: [], queryTerms: 0 };
    const expansions = terms.map((t) => this.expander.expand(t));
    const weights = expansions.map((matches) => this.termWeight(matches));
    const totalWeight = weights.reduce((a, b) => a + b, 0);

    // best value per query term of each touched document (all fields; without the body) and phrasing
    const { fieldBest, phrasingBest } = this;
    fieldBest.reset(terms.length);
    phrasingBest.reset(terms.length);
    // a vocabulary term in a phrasing has a posting for it, so its match is the same for every document
    const matched = new Map<string, number>();
    expansions.forEach((matches, qi) => {
      for (const { term, similarity } of matches) {
        const list = this.postings.get(term);
        if (!list) continue;
        matched.set(term, Math.max(matched.get(term) ?? 0, similarity));
        const bodyValue = similarity * this.tuning.bodyWeight;
        const keywordValue = similarity * this.tuning.keywordWeight;
        for (let i = 0; i < list.docs.length; i++) {
          const doc = list.docs[i] as number;
          const field = list.fields[i] as number;
          if (field === BODY) {
            fieldBest.raise(doc, qi, bodyValue);
            continue;
          }
          fieldBest.raise(doc, qi, field === KEYWORD ? keywordValue : similarity);
          if (field !== KEYWORD) phrasingBest.raise((this.docs[doc] as IndexedDocument).firstPhrasing + field, qi, similarity);
        }
      }
    });

    const ngramTouched = this.ngrams.search(query);
    const { ngramWeight } = this.tuning;
    const scored = new TopHits<IndexHit>(Math.max(limit, 1));
    const candidates = [...fieldBest.touched, ...ngramTouched.filter((doc) => !fieldBest.has(doc))];
    for (const doc of candidates) {
      const indexed = this.docs[doc] as IndexedDocument;
      const coverage = fieldBest.weightedShare(doc, weights, totalWeight);
      let phrasing = 0;
      for (let pi = 0; pi < indexed.phrasings.length; pi++) {
        const key = indexed.firstPhrasing + pi;
        if (!phrasingBest.has(key)) continue;
        const queryCovered = phrasingBest.weightedShare(key, weights, totalWeight);
        phrasing = Math.max(phrasing, 0.65 * queryCovered + 0.35 * phrasingShare(indexed, pi, matched));
      }
      const termScore = this.tuning.coverageShare * coverage + (1 - this.tuning.coverageShare) * phrasing;
      const score = round((termScore + ngramWeight * this.ngrams.similarityOf(doc)) / (1 + ngramWeight));
      scored.offer(score, indexed.source.id, () => ({ id: indexed.source.id, kind: indexed.source.kind, score }));
    }
    return { hits: scored.best.slice(0, limit), queryTerms: terms.length };
  }

  /** IDF of the best match; a weak (compound or typo) match counts partly as an unknown, rare term. */
  private termWeight(matches: TermMatch[]): number {
    const best = matches[0];
    if (!best) return this.unknownIdf;
    const idf = this.idf.get(best.term) ?? this.unknownIdf;
    return best.similarity * idf + (1 - best.similarity) * this.unknownIdf;
  }
}

/** IDF-weighted share of a phrasing's own terms that the query matched. */
function phrasingShare(indexed: IndexedDocument, pi: number, matched: ReadonlyMap<string, number>): number {
  const phrasing = indexed.phrasings[pi] ?? [];
  const idf = indexed.phrasingIdf[pi] ?? [];
  const total = indexed.phrasingTotal[pi] ?? 0;
  let covered = 0;
  for (let i = 0; i < phrasing.length; i++) covered += (idf[i] as number) * (matched.get(phrasing[i] as string) ?? 0);
  return total > 0 ? covered / total : 0;
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
