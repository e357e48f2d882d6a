import { DenseScores } from './dense-scores.ts';
import { ScoreTable } from './score-table.ts';

/** Weight of the share of the query a phrasing covers in its score. */
const QUERY_SHARE = 0.65;
/** Weight of the share of the phrasing's own terms the query matched (kept as its own literal: 1 - 0.65 ≠ 0.35). */
const OWN_SHARE = 0.35;

/**
 * Relative margin on a bound summed in another order than the score it bounds: far above the rounding error of a sum of
 * a few hundred positive terms (~1e-14), far below the 0.0005 that changes a rounded score.
 */
const ROUNDING_MARGIN = 1e-9;

/**
 * The term sets of every document's title and paraphrases (the "phrasings" a query is compared with), numbered so a
 * document's phrasings are consecutive, and how closely the current query matches them. A query records its term
 * matches (`match`); a document's best phrasing is then scored on demand (`bestOf`), so a search spends nothing on
 * the phrasings of documents that cannot reach the top hits.
 */
export class PhrasingScores {
  /** Per query: the best similarity with which each query term matched each vocabulary term (by number). */
  private readonly termBest: ScoreTable;
  /** Per query: the best similarity with which any query term matched each vocabulary term. */
  private readonly matched: DenseScores;
  /** Per query: per document, the best similarity of each query term with a term of one of its phrasings. */
  private readonly cover: ScoreTable;
  /** Per query: per document, Σ similarity × the term's largest share of a phrasing (`addShare`). */
  private readonly shares: DenseScores;
  /** Per query term, the best similarity of the phrasing being scored. */
  private row = new Float64Array(0);
  /** The terms of phrasing p are `terms`/`idf` from `start[p]` to `start[p + 1]` (one buffer each: no array per phrasing). */
  private readonly start: Int32Array;
  private readonly terms: Int32Array;
  private readonly idf: Float64Array;
  /** Per phrasing, the IDF total of its terms. */
  private readonly total: Float64Array;

  /**
   * `first[d]`..`first[d + 1]` are the phrasings of document d; `terms[p]` are phrasing p's terms (by vocabulary
   * number) and `idf[p]` their IDF.
   */
  constructor(
    private readonly first: Int32Array,
    terms: readonly (readonly number[])[],
    idf: readonly (readonly number[])[],
    vocabulary: number,
  ) {
    this.start = new Int32Array(terms.length + 1);
    terms.forEach((t, p) => (this.start[p + 1] = (this.start[p] as number) + t.length));
    this.terms = Int32Array.from(terms.flat());
    this.idf = Float64Array.from(idf.flat());
    this.total = Float64Array.from(idf, (ws) => ws.reduce((total, w) => total + w, 0));
    this.termBest = new ScoreTable(vocabulary);
    this.matched = new DenseScores(vocabulary);
    this.cover = new ScoreTable(first.length - 1);
    this.shares = new DenseScores(first.length - 1);
  }

  /** Calls `use` with each phrasing term's share of its phrasing's IDF total, and the phrasing's document. */
  forEachShare(use: (doc: number, term: number, share: number) => void): void {
    for (let doc = 0; doc + 1 < this.first.length; doc++) {
      for (let p = this.first[doc] as number; p < (this.first[doc + 1] as number); p++) {
        const total = this.total[p] as number;
        for (let i = this.start[p] as number; i < (this.start[p + 1] as number); i++) {
          use(doc, this.terms[i] as number, total > 0 ? (this.idf[i] as number) / total : 0);
        }
      }
    }
  }

  /** Starts a query with `width` query terms. */
  reset(width: number): void {
    this.termBest.reset(width);
    this.matched.reset();
    this.cover.reset(width);
    this.shares.reset();
    if (this.row.length < width) this.row = new Float64Array(width);
  }

  /** Records that query term `qi` matched vocabulary term `term` with `similarity`. */
  match(term: number, qi: number, similarity: number): void {
    this.termBest.raise(term, qi, similarity);
    this.matched.raise(term, similarity);
  }

  /**
   * Records that query term `qi` matched a term of the document with `similarity`, where `share` is the term's largest
   * share of the IDF total of a phrasing of the document (from `forEachShare`; 0 when no phrasing has the term).
   */
  addShare(doc: number, qi: number, similarity: number, share: number): void {
    if (share <= 0) return;
    this.cover.raise(doc, qi, similarity);
    this.shares.add(doc, similarity * share);
  }

  /**
   * Highest best-phrasing score the document can have (0 when none of its phrasings matched): no phrasing covers more
   * of the query than all of them together, and a phrasing's own share is at most the sum of its matched terms'
   * largest shares (`addShare`).
   */
  bound(doc: number, weights: readonly number[], totalWeight: number): number {
    const queryCovered = this.cover.weightedShare(doc, weights, totalWeight);
    return QUERY_SHARE * queryCovered + OWN_SHARE * Math.min(1, this.shares.valueOf(doc) * (1 + ROUNDING_MARGIN));
  }

  /** The score of the document's best phrasing: query coverage and own coverage, each IDF-weighted; 0 when none matched. */
  bestOf(doc: number, weights: readonly number[], totalWeight: number): number {
    // no phrasing covers more of the query than all of them together: a phrasing that cannot beat the best so far
    // even with that coverage is not compared with the query term by term
    const coverBound = this.cover.weightedShare(doc, weights, totalWeight);
    let best = 0;
    const end = this.first[doc + 1] as number;
    for (let p = this.first[doc] as number; p < end; p++) {
      const own = this.ownCovered(p);
      if (QUERY_SHARE * coverBound + OWN_SHARE * own <= best) continue;
      const score = QUERY_SHARE * this.queryCovered(p, weights, totalWeight) + OWN_SHARE * own;
      if (score > best) best = score;
    }
    return best;
  }

  /** IDF-weighted share of the query a phrasing matched, each query term counted with its best similarity there. */
  private queryCovered(key: number, weights: readonly number[], totalWeight: number): number {
    const { row, termBest } = this;
    const width = weights.length;
    row.fill(0, 0, width);
    let touched = false;
    const end = this.start[key + 1] as number;
    for (let i = this.start[key] as number; i < end; i++) if (termBest.raiseInto(this.terms[i] as number, row)) touched = true;
    if (!touched || totalWeight <= 0) return 0;
    let sum = 0;
    for (let qi = 0; qi < width; qi++) sum += (row[qi] as number) * (weights[qi] ?? 0);
    return sum / totalWeight;
  }

  /** IDF-weighted share of a phrasing's own terms that the query matched. */
  private ownCovered(key: number): number {
    const { terms, idf, matched } = this;
    const total = this.total[key] as number;
    const end = this.start[key + 1] as number;
    let covered = 0;
    for (let i = this.start[key] as number; i < end; i++) covered += (idf[i] as number) * matched.valueOf(terms[i] as number);
    return total > 0 ? covered / total : 0;
  }
}
