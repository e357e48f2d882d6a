import { isStopWord, meaningWords, stem } from './danish-text.ts';
import { ScoreTable } from './score-table.ts';

const MIN_GRAM = 3;
const MAX_GRAM = 4;

/**
 * The features of a text: the stem of each word (not a stop word) and the character 3- and 4-grams of each folded
 * word with its boundaries (" face", "boo", "ok "). Grams match inflections, compounds and typos that whole-word
 * matching misses ("kommentarfeltet" shares most grams with "kommentar" and "felt").
 */
export function ngramFeatures(text: string): string[] {
  const features: string[] = [];
  for (const word of meaningWords(text)) {
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
 * A TF-IDF vector space over character n-grams of what people type: each document is one L2-normalised vector of
 * its title, paraphrases and keywords (answers stay in the term index: their many words would dilute the vectors);
 * a query's similarity with a document is the cosine of their vectors. Postings are typed arrays, so a search costs
 * the summed length of its features' postings and allocates per query only the query vector.
 */
export class CharNgramIndex {
  /** Feature → feature number. */
  private readonly vocabulary = new Map<string, number>();
  private readonly idf: Float64Array;
  /** Postings of feature f: `postingDocs`/`postingWeights` from `postingStart[f]` to `postingStart[f + 1]`. */
  private readonly postingStart: Int32Array;
  private readonly postingDocs: Int32Array;
  private readonly postingWeights: Float32Array;
  /** The last query's cosine per document it touched (one value per row). */
  private readonly similarities: ScoreTable;

  /** `documents[i]` holds the phrasings (title, paraphrases, keywords) of document i. */
  constructor(documents: readonly (readonly string[])[]) {
    const counts = documents.map((phrasings) => {
      const tf = new Map<number, number>();
      for (const phrasing of phrasings) {
        for (const feature of ngramFeatures(phrasing)) {
          let id = this.vocabulary.get(feature);
          if (id === undefined) {
            id = this.vocabulary.size;
            this.vocabulary.set(feature, id);
          }
          tf.set(id, (tf.get(id) ?? 0) + 1);
        }
      }
      return tf;
    });
    const features = this.vocabulary.size;
    const docFrequency = new Int32Array(features);
    for (const tf of counts) for (const id of tf.keys()) docFrequency[id] = (docFrequency[id] as number) + 1;
    const n = Math.max(documents.length, 1);
    this.idf = Float64Array.from(docFrequency, (df) => Math.log(1 + n / Math.max(df, 1)));
    this.postingStart = new Int32Array(features + 1);
    for (let f = 0; f < features; f++) this.postingStart[f + 1] = (this.postingStart[f] as number) + (docFrequency[f] as number);
    const total = this.postingStart[features] as number;
    this.postingDocs = new Int32Array(total);
    this.postingWeights = new Float32Array(total);
    const filled = this.postingStart.slice(0, features);
    counts.forEach((tf, doc) => {
      this.forEachWeight(tf, (id, weight) => {
        const at = filled[id] as number;
        this.postingDocs[at] = doc;
        this.postingWeights[at] = weight;
        filled[id] = at + 1;
      });
    });
    this.similarities = new ScoreTable(documents.length);
  }

  /**
   * Scores the query against every document sharing a feature with it; returns those documents in first-touch order
   * (the list is reused by the next call). Read each one's cosine with `similarityOf`.
   */
  search(query: string): readonly number[] {
    const { similarities } = this;
    similarities.reset(1);
    const tf = new Map<number, number>();
    for (const feature of ngramFeatures(query)) {
      const id = this.vocabulary.get(feature);
      if (id !== undefined) tf.set(id, (tf.get(id) ?? 0) + 1);
    }
    this.forEachWeight(tf, (id, weight) => {
      const end = this.postingStart[id + 1] as number;
      for (let i = this.postingStart[id] as number; i < end; i++) {
        similarities.add(this.postingDocs[i] as number, 0, weight * (this.postingWeights[i] as number));
      }
    });
    return similarities.touched;
  }

  /** Cosine similarity of the last searched query with a document (0 when they share no feature). */
  similarityOf(doc: number): number {
    return this.similarities.valueOf(doc, 0);
  }

  /** Calls `use` with each feature's sub-linear TF times IDF, L2-normalised over the vector. */
  private forEachWeight(tf: ReadonlyMap<number, number>, use: (id: number, weight: number) => void): void {
    let norm = 0;
    for (const [id, count] of tf) norm += ((1 + Math.log(count)) * (this.idf[id] as number)) ** 2;
    const length = Math.sqrt(norm) || 1;
    for (const [id, count] of tf) use(id, ((1 + Math.log(count)) * (this.idf[id] as number)) / length);
  }
}
