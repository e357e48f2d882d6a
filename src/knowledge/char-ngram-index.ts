import { foldDanish, isStopWord, stem } from './danish-text.ts';

/** The text of one document for the n-gram index: the phrasings people type, and the answer (weighted lower). */
export interface NgramDocument {
  phrasings: readonly string[];
  body: string;
}


const MIN_GRAM = 3;
const MAX_GRAM = 4;
/** How much an answer's text counts towards its document vector, relative to its phrasings. */
const BODY_WEIGHT = 0.3;

/**
 * The features of a text: the stem of each word (not a stop word) and the character 3- and 4-grams of each folded
 * word with its boundaries (" face", "boo", "ok "). Grams match inflections, compounds and typos that whole-word
 * matching misses ("kommentarfeltet" shares most grams with "kommentar" and "felt").
 */
export function ngramFeatures(text: string): string[] {
  const features: string[] = [];
  for (const word of foldDanish(text).match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (isStopWord(word)) continue;
    features.push(`=${stem(word)}`);
    const padded = ` ${word} `;
    for (let n = MIN_GRAM; n <= MAX_GRAM; n++) {
      for (let i = 0; i + n <= padded.length; i++) features.push(padded.slice(i, i + n));
    }
  }
  return features;
}

/**
 * A TF-IDF vector space over character n-grams: each document is one L2-normalised vector of its phrasings plus
 * its answer (at BODY_WEIGHT); a query's similarity with a document is the cosine of their vectors. Postings are
 * typed arrays, so a search costs the summed length of its features' postings and allocates per query only the
 * query vector.
 */
export class CharNgramIndex {
  private readonly postings = new Map<string, { docs: Int32Array; weights: Float32Array }>();
  private readonly idf = new Map<string, number>();
  private readonly similarity: Float64Array;
  private readonly stamp: Int32Array;
  private readonly touched: number[] = [];
  private generation = 0;

  constructor(documents: readonly NgramDocument[]) {
    const counts = documents.map((d) => {
      const tf = new Map<string, number>();
      for (const phrasing of d.phrasings) for (const f of ngramFeatures(phrasing)) tf.set(f, (tf.get(f) ?? 0) + 1);
      for (const f of ngramFeatures(d.body)) tf.set(f, (tf.get(f) ?? 0) + BODY_WEIGHT);
      return tf;
    });
    const docFrequency = new Map<string, number>();
    for (const tf of counts) for (const f of tf.keys()) docFrequency.set(f, (docFrequency.get(f) ?? 0) + 1);
    const n = Math.max(documents.length, 1);
    for (const [f, df] of docFrequency) this.idf.set(f, Math.log(1 + n / df));
    const lists = new Map<string, { docs: number[]; weights: number[] }>();
    counts.forEach((tf, doc) => {
      for (const [f, w] of this.normalised(tf)) {
        const list = lists.get(f) ?? { docs: [], weights: [] };
        list.docs.push(doc);
        list.weights.push(w);
        lists.set(f, list);
      }
    });
    for (const [f, list] of lists) this.postings.set(f, { docs: Int32Array.from(list.docs), weights: Float32Array.from(list.weights) });
    this.similarity = new Float64Array(documents.length);
    this.stamp = new Int32Array(documents.length);
  }

  /**
   * Scores the query against every document sharing a feature with it; returns those documents in first-touch order
   * (the list is reused by the next call). Read each one's cosine with `similarity`.
   */
  search(query: string): readonly number[] {
    this.generation++;
    this.touched.length = 0;
    const tf = new Map<string, number>();
    for (const f of ngramFeatures(query)) if (this.idf.has(f)) tf.set(f, (tf.get(f) ?? 0) + 1);
    for (const [f, w] of this.normalised(tf)) {
      const list = this.postings.get(f);
      if (!list) continue;
      for (let i = 0; i < list.docs.length; i++) {
        const doc = list.docs[i] as number;
        if (this.stamp[doc] !== this.generation) {
          this.stamp[doc] = this.generation;
          this.similarity[doc] = 0;
          this.touched.push(doc);
        }
        this.similarity[doc] = (this.similarity[doc] as number) + w * (list.weights[i] as number);
      }
    }
    return this.touched;
  }

  /** Cosine similarity of the last searched query with a document (0 when they share no feature). */
  similarityOf(doc: number): number {
    return this.stamp[doc] === this.generation ? (this.similarity[doc] as number) : 0;
  }

  /** Sub-linear TF times IDF, L2-normalised (features the index does not know are dropped). */
  private normalised(tf: ReadonlyMap<string, number>): [string, number][] {
    const weighted: [string, number][] = [];
    let norm = 0;
    for (const [f, count] of tf) {
      const idf = this.idf.get(f);
      if (idf === undefined || count <= 0) continue;
      const w = (count >= 1 ? 1 + Math.log(count) : count) * idf;
      weighted.push([f, w]);
      norm += w * w;
    }
    const length = Math.sqrt(norm) || 1;
    return weighted.map(([f, w]) => [f, w / length]);
  }
}
