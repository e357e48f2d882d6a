import { askedSentences } from './asked-sentences.ts';
import { bestBounded } from './bounded-best.ts';
import { CharNgramIndex } from './char-ngram-index.ts';
import { searchTerms } from './danish-text.ts';
import type { IndexHit, SearchDocument } from './search-document.ts';
import { PhrasingScores } from './phrasing-scores.ts';
import { ScoreTable } from './score-table.ts';
import { Synonyms } from './synonyms.ts';
import { TermExpander, type TermMatch } from './term-expander.ts';
import { learnTopicModel, type TopicModel } from './topic-model.ts';
import type { LearnedWeights } from './topic-regression.ts';

/** Where a term occurs: each document once, with the weight of its best field there. */
interface Postings {
  /** The term's number, which keys its per-query match. */
  id: number;
  docs: Int32Array;
  /** Parallel to `docs`: 1 when the term is in a phrasing of the document, else the keyword or answer weight. */
  docWeights: Float64Array;
  /** Parallel to `docs`: the term's largest share of the IDF total of a phrasing of the document (0 when in none). */
  shares: Float64Array;
}

/** A term's postings while the index is built. */
interface PostingLists {
  docs: number[];
  docWeights: number[];
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
  /** Share of the score from the topic model's probability; the rest is the lexical score above. */
  topicWeight: number;
  /** Weight of a word of a long message's asking sentences (`askedSentences`) relative to its other words. */
  askedWeight: number;
}

/**
 * The tuning in use. The topic share is 0.25 since eleven folded sets teach the model (leaving each set out, pooled
 * top-1 95.5% at 0.2, 95.8% at 0.25, 95.7% at 0.3); with fourteen, 96.0, 95.9, 95.9 and 95.7% at 0.2–0.35 (3,045
 * questions: two apart), and with seventeen 0.2 reads the same utility within two questions and 0.3 eleven more
 * confident wrong answers, so it stays.
 */
export const DEFAULT_TUNING: SearchTuning = { keywordWeight: 0.95, bodyWeight: 0.45, coverageShare: 0.5, unknownTermWeight: 1, ngramWeight: 1, topicWeight: 0.25, askedWeight: 1.5 };

/** Ranked hits, best first, and how many search terms the query had. */
export interface RankedSearch {
  hits: IndexHit[];
  /** Distinct search terms of the query (stop words removed); long questions share a smaller part with any entry. */
  queryTerms: number;
  /** The topic model's probability that the query is about one of the out-of-scope areas (0 without a topic model). */
  outsideShare: number;
}

/**
 * Distinct search terms of a query that are matched word by word. A long message tells who and what happened before
 * what is needed ("… Hvordan beslutter vi hvad siden skal bruges til?"), so the cap must reach its end: 114 of dev14's
 * and 40 of dev11's 240 messages have more than 24 (the cap before), and the longest of any set has 45. It still bounds
 * what a hostile message costs: the 500 characters searched can hold more than 80 distinct words.
 */
const MAX_QUERY_TERMS = 48;
/** Frequency (in documents) a term found only in keywords or answers counts as. */
const MIN_FREQUENCY = 0.5;

/** Answer text without its structural lines ("**Sådan gør I**", "**Pas på**"), which say nothing about the topic. */
function topicalBody(body: string): string {
  return body.replace(/^\s*\*\*[^*\n]+\*\*:?\s*$/gm, '');
}

/** What the topic model learns from each document (one list per document, in the index's order). */
export function topicPhrasings(documents: readonly SearchDocument[]): string[][] {
  // a guide learns nothing: its few triggers overlap its entries' phrasings, and learnt as a topic of its own an
  // exact trigger ("skal vi være på tiktok") would take the answer from the entry the guide is offered beside
  return documents.map((d) => (d.kind === 'flow' ? [] : [d.title, ...d.questions]));
}

/**
 * The knowledge search: an inverted index over titles, paraphrases, keywords and answers, with Danish term
 * handling, synonyms and typo-tolerant term matching. A document's score combines how much of the query it covers
 * (IDF-weighted) with how closely its best paraphrase matches the query as a whole.
 */
export class SearchIndex {
  private readonly docs: readonly SearchDocument[];
  private readonly postings = new Map<string, Postings>();
  private readonly idf = new Map<string, number>();
  private readonly unknownIdf: number;
  private readonly expander: TermExpander;
  private readonly phrasings: PhrasingScores;
  private readonly fieldBest: ScoreTable;
  private readonly ngrams: CharNgramIndex;
  /** The out-of-scope areas' documents (their numbers in `docs`). */
  private readonly outsideDocs: readonly number[];
  /**
   * Made on the first search, from the build's snapshot for the shipped knowledge or else learned (~1.3 s; 12 MB kept),
   * which would otherwise delay every start and knowledge reload.
   */
  private topicsLearned?: TopicModel;

  constructor(
    documents: readonly SearchDocument[],
    private readonly synonyms: Synonyms = new Synonyms(),
    private readonly tuning: SearchTuning = DEFAULT_TUNING,
    /** Topic model weights learned before (by the knowledge this one replaces on a reload; see `learnTopicModel`). */
    private readonly weightsBefore: LearnedWeights = () => undefined,
  ) {
    const phrasingFrequency = new Map<string, number>();
    const lists = new Map<string, PostingLists>();
    const terms = (text: string) => searchTerms(text, (w) => synonyms.has(w));
    const phrasingTerms: string[][] = [];
    const firstPhrasing = [0];
    // word rarity is measured over what the assistant answers (entries and flows): the out-of-scope areas' own
    // questions must not change how entries rank against each other, only compete with them
    let answerableDocuments = 0;
    let answerablePhrasings = 0;
    documents.forEach((source, doc) => {
      const phrasings = [source.title, ...source.questions].map((q) => unique(terms(q)));
      phrasingTerms.push(...phrasings);
      firstPhrasing.push(phrasingTerms.length);
      const answerable = source.kind !== 'outside';
      if (answerable) {
        answerableDocuments += 1;
        answerablePhrasings += phrasings.length;
      }
      // a document's fields are posted one after the other, so its entry is the last of a term's list
      const post = (fieldTerms: string[], weight: number, phrasing = false) => {
        for (const term of fieldTerms) {
          let list = lists.get(term);
          if (!list) {
            list = { docs: [], docWeights: [] };
            lists.set(term, list);
          }
          const last = list.docs.length - 1;
          if (list.docs[last] === doc) list.docWeights[last] = Math.max(list.docWeights[last] as number, weight);
          else {
            list.docs.push(doc);
            list.docWeights.push(weight);
          }
          if (phrasing && answerable) phrasingFrequency.set(term, (phrasingFrequency.get(term) ?? 0) + 1);
        }
      };
      for (const phrasing of phrasings) post(phrasing, 1, true);
      post(unique(source.keywords.flatMap(terms)), tuning.keywordWeight);
      post(unique(terms(topicalBody(source.body))), tuning.bodyWeight);
    });
    this.docs = documents;
    this.outsideDocs = documents.flatMap((d, doc) => (d.kind === 'outside' ? [doc] : []));
    for (const [term, list] of lists) {
      const { docs, docWeights } = list;
      this.postings.set(term, { id: this.postings.size, docs: Int32Array.from(docs), docWeights: Float64Array.from(docWeights), shares: new Float64Array(docs.length) });
    }
    // IDF over phrasings, not documents: a word in many paraphrases ("facebook" in every platform-facebook
    // question and in many others) says less about which entry is meant than one word a document count would show
    const n = Math.max(answerableDocuments, 1);
    for (const term of lists.keys()) {
      const share = (phrasingFrequency.get(term) ?? 0) / Math.max(answerablePhrasings, 1);
      this.idf.set(term, Math.log(1 + n / Math.max(share * n, MIN_FREQUENCY)));
    }
    this.unknownIdf = Math.log(1 + n) * tuning.unknownTermWeight;
    this.phrasings = new PhrasingScores(
      Int32Array.from(firstPhrasing),
      // every phrasing term was posted, so it has a number
      phrasingTerms.map((p) => p.map((term) => this.postings.get(term)?.id ?? -1)),
      phrasingTerms.map((p) => p.map((term) => this.idf.get(term) ?? this.unknownIdf)),
      this.postings.size,
    );
    const byNumber = [...this.postings.values()];
    this.phrasings.forEachShare((doc, term, share) => {
      const { docs, shares } = byNumber[term] as Postings;
      const at = positionOf(docs, doc);
      if (share > (shares[at] as number)) shares[at] = share;
    });
    this.expander = new TermExpander(this.postings.keys(), synonyms);
    this.fieldBest = new ScoreTable(documents.length);
    this.ngrams = new CharNgramIndex(documents.map((d) => [d.title, ...d.questions, d.keywords.join(' ')]));
  }

  private get topics(): TopicModel {
    return (this.topicsLearned ??= learnTopicModel(topicPhrasings(this.docs), this.weightsBefore));
  }

  /** The topic model's weights once it has been made, for an index rebuilt from the same phrasings (a reload). */
  readonly topicWeights: LearnedWeights = (key) => this.topicsLearned?.learnedWeights(key);

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
    const isSynonym = (w: string) => this.synonyms.has(w);
    const terms = unique(searchTerms(query, isSynonym)).slice(0, MAX_QUERY_TERMS);
    if (terms.length === 0) return { hits: [], queryTerms: 0, outsideShare: 0 };
    const expansions = terms.map((t) => this.expander.expand(t));
    // the words of what a long message asks count more than those of the story before it
    const asked = new Set(askedSentences(query).flatMap((sentence) => searchTerms(sentence, isSynonym)));
    const weights = expansions.map((matches, i) => this.termWeight(matches) * (asked.has(terms[i] as string) ? this.tuning.askedWeight : 1));
    const totalWeight = weights.reduce((a, b) => a + b, 0);

    // best value per query term of each touched document (all fields; without the body) and vocabulary term
    const { fieldBest, phrasings } = this;
    fieldBest.reset(terms.length);
    phrasings.reset(terms.length);
    expansions.forEach((matches, qi) => {
      for (const { term, similarity } of matches) {
        const list = this.postings.get(term);
        if (!list) continue;
        phrasings.match(list.id, qi, similarity);
        const { docs, docWeights, shares } = list;
        for (let i = 0; i < docs.length; i++) {
          fieldBest.raise(docs[i] as number, qi, similarity * (docWeights[i] as number));
          phrasings.addShare(docs[i] as number, qi, similarity, shares[i] as number);
        }
      }
    });

    const ngramTouched = this.ngrams.search(query);
    const candidates = [...fieldBest.touched, ...ngramTouched.filter((doc) => !fieldBest.has(doc))];
    const { coverageShare, ngramWeight, topicWeight } = this.tuning;
    const topicShares = topicWeight > 0 ? this.topics.probabilities(query) : undefined;
    // the topic share does not depend on the phrasing, so a bound on the phrasing bounds the whole score
    const scoreWith = (doc: number, phrasing: number) => {
      const termScore = coverageShare * fieldBest.weightedShare(doc, weights, totalWeight) + (1 - coverageShare) * phrasing;
      const lexical = (termScore + ngramWeight * this.ngrams.similarityOf(doc)) / (1 + ngramWeight);
      return round((1 - topicWeight) * lexical + topicWeight * (topicShares?.[doc] ?? 0));
    };
    // a document's best phrasing is the costly part: it is scored only when the bound of its score can reach the top
    const hits = bestBounded<IndexHit>(candidates, Math.max(limit, 1), {
      id: (doc) => (this.docs[doc] as SearchDocument).id,
      bound: (doc) => scoreWith(doc, phrasings.bound(doc, weights, totalWeight)),
      score: (doc) => scoreWith(doc, phrasings.bestOf(doc, weights, totalWeight)),
      make: (doc, score) => ({ id: (this.docs[doc] as SearchDocument).id, kind: (this.docs[doc] as SearchDocument).kind, score }),
    });
    let outsideShare = 0;
    if (topicShares) for (const doc of this.outsideDocs) outsideShare += topicShares[doc] as number;
    return { hits: hits.slice(0, limit), queryTerms: terms.length, outsideShare };
  }

  /** IDF of the best match; a weak (compound or typo) match counts partly as an unknown, rare term. */
  private termWeight(matches: TermMatch[]): number {
    const best = matches[0];
    if (!best) return this.unknownIdf;
    const idf = this.idf.get(best.term) ?? this.unknownIdf;
    return best.similarity * idf + (1 - best.similarity) * this.unknownIdf;
  }
}

/** Index of `value` in an ascending array that holds it. */
function positionOf(sorted: Int32Array, value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((sorted[middle] as number) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
