import { ScoreTable } from './score-table.ts';

/** Weight of the share of the query a phrasing covers in its score. */
const QUERY_SHARE = 0.65;
/** Weight of the share of the phrasing's own terms the query matched (kept as its own literal: 1 - 0.65 ≠ 0.35). */
const OWN_SHARE = 0.35;

/** Highest best-phrasing score a document can have when its fields (phrasings among them) cover `coverage` of the query. */
export function phrasingBound(coverage: number): number {
  // a phrasing term is posted with weight 1, so no phrasing covers more of the query than the document; its own share is ≤ 1
  return QUERY_SHARE * coverage + OWN_SHARE;
}

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
  private readonly matched: ScoreTable;
  /** Per query term, the best similarity of the phrasing being scored. */
  private row = new Float64Array(0);

  /**
   * `first[d]`..`first[d + 1]` are the phrasings of document d; `terms[p]` are phrasing p's terms (by vocabulary
   * number), `idf[p]` their IDF and `total[p]` its IDF total.
   */
  constructor(
    private readonly first: Int32Array,
    private readonly terms: readonly Int32Array[],
    private readonly idf: readonly Float64Array[],
    private readonly total: Float64Array,
    vocabulary: number,
  ) {
    this.termBest = new ScoreTable(vocabulary);
    this.matched = new ScoreTable(vocabulary);
  }

  /** Starts a query with `width` query terms. */
  reset(width: number): void {
    this.termBest.reset(width);
    this.matched.reset(1);
    if (this.row.length < width) this.row = new Float64Array(width);
  }

  /** Records that query term `qi` matched vocabulary term `term` with `similarity`. */
  match(term: number, qi: number, similarity: number): void {
    this.termBest.raise(term, qi, similarity);
    this.matched.raise(term, 0, similarity);
  }

  /** The score of the document's best phrasing: query coverage and own coverage, each IDF-weighted; 0 when none matched. */
  bestOf(doc: number, weights: readonly number[], totalWeight: number): number {
    let best = 0;
    const end = this.first[doc + 1] as number;
    for (let p = this.first[doc] as number; p < end; p++) {
      const score = QUERY_SHARE * this.queryCovered(p, weights, totalWeight) + OWN_SHARE * this.ownCovered(p);
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
    for (const term of this.terms[key] as Int32Array) {
      if (!termBest.has(term)) continue;
      touched = true;
      for (let qi = 0; qi < width; qi++) {
        const similarity = termBest.valueOf(term, qi);
        if (similarity > (row[qi] as number)) row[qi] = similarity;
      }
    }
    if (!touched || totalWeight <= 0) return 0;
    let sum = 0;
    for (let qi = 0; qi < width; qi++) sum += (row[qi] as number) * (weights[qi] ?? 0);
    return sum / totalWeight;
  }

  /** IDF-weighted share of a phrasing's own terms that the query matched. */
  private ownCovered(key: number): number {
    const terms = this.terms[key] as Int32Array;
    const idf = this.idf[key] as Float64Array;
    const total = this.total[key] as number;
    let covered = 0;
    for (let i = 0; i < terms.length; i++) covered += (idf[i] as number) * this.matched.valueOf(terms[i] as number, 0);
    return total > 0 ? covered / total : 0;
  }
}
