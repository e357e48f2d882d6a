import { isStopWord, meaningWords, stem } from './danish-text.ts';
import { DenseScores } from './dense-scores.ts';

const MIN_GRAM = 3;
const MAX_GRAM = 4;

/**
 * Walks the features of a text: the stem of each word (not a stop word) and the character 3- and 4-grams of each
 * folded word with its boundaries (" face", "boo", "ok "), each gram given as its place in the padded word.
 */
function forEachFeature(text: string, onStem: (stem: string) => void, onGram: (padded: string, start: number, length: number) => void): void {
  for (const word of meaningWords(text)) forEachWordFeature(word, onStem, onGram);
}

/** `forEachFeature` of one folded word (none for a stop word). */
function forEachWordFeature(word: string, onStem: (stem: string) => void, onGram: (padded: string, start: number, length: number) => void): void {
  if (isStopWord(word)) return;
  onStem(stem(word));
  const padded = ` ${word} `;
  for (let n = MIN_GRAM; n <= MAX_GRAM; n++) {
    for (let i = 0; i + n <= padded.length; i++) onGram(padded, i, n);
  }
}

/**
 * The features of a text: the stem of each word (not a stop word) and the character 3- and 4-grams of each folded
 * word with its boundaries (" face", "boo", "ok "). Grams match inflections, compounds and typos that whole-word
 * matching misses ("kommentarfeltet" shares most grams with "kommentar" and "felt").
 */
export function ngramFeatures(text: string): string[] {
  const features: string[] = [];
  forEachFeature(
    text,
    (stemmed) => features.push(`=${stemmed}`),
    (padded, start, length) => features.push(padded.slice(start, start + length)),
  );
  return features;
}

/** Bits per character in a gram's number: up to 127 distinct characters (folded text has about 40). */
const CHAR_BITS = 7;
const LAST_CHAR_CODE = (1 << CHAR_BITS) - 1;

/**
 * Gives grams numbers instead of strings, so building the index allocates no string per gram: each character gets a
 * code (1–127, the 127th shared by any further characters) and a gram is its codes side by side (≤ 28 bits).
 */
class GramNumbers {
  private readonly codes = new Map<number, number>();

  /** The gram's number, learning new characters (while building the index). */
  learn(padded: string, start: number, length: number): number {
    return this.numberOf(padded, start, length, (char) => {
      let code = this.codes.get(char);
      if (code === undefined) {
        code = Math.min(this.codes.size + 1, LAST_CHAR_CODE);
        this.codes.set(char, code);
      }
      return code;
    });
  }

  /** The gram's number, or -1 when it has a character no indexed text has (then no document has the gram). */
  known(padded: string, start: number, length: number): number {
    return this.numberOf(padded, start, length, (char) => this.codes.get(char));
  }

  /** The codes of the gram's characters side by side; -1 when `codeOf` has no code for one of them. */
  private numberOf(padded: string, start: number, length: number, codeOf: (char: number) => number | undefined): number {
    let key = 0;
    for (let k = 0; k < length; k++) {
      const code = codeOf(padded.charCodeAt(start + k));
      if (code === undefined) return -1;
      key |= code << (CHAR_BITS * k);
    }
    return key;
  }
}

/**
 * A TF-IDF vector space over character n-grams of what people type: each document is one L2-normalised vector of
 * its title, paraphrases and keywords (answers stay in the term index: their many words would dilute the vectors);
 * a query's similarity with a document is the cosine of their vectors. Postings are typed arrays, so a search costs
 * the summed length of its features' postings and allocates per query only the query vector.
 */
export class CharNgramIndex {
  /** Stem ("=stem") or gram number → feature number. */
  private readonly vocabulary = new Map<string | number, number>();
  private readonly grams = new GramNumbers();
  private readonly idf: Float64Array;
  /** Postings of feature f: `postingDocs`/`postingWeights` from `postingStart[f]` to `postingStart[f + 1]`. */
  private readonly postingStart: Int32Array;
  private readonly postingDocs: Int32Array;
  private readonly postingWeights: Float32Array;
  /** The last query's cosine per document it touched. */
  private readonly similarities: DenseScores;

  /** `documents[i]` holds the phrasings (title, paraphrases, keywords) of document i. */
  constructor(documents: readonly (readonly string[])[]) {
    // a word's features are worked out once: the phrasings repeat their words many times over
    const featuresOfWord = new Map<string, Int32Array>();
    const featureId = (key: string | number): number => {
      let id = this.vocabulary.get(key);
      if (id === undefined) {
        id = this.vocabulary.size;
        this.vocabulary.set(key, id);
      }
      return id;
    };
    const tally = new FeatureTally();
    const counts = documents.map((phrasings) => {
      for (const phrasing of phrasings) {
        for (const word of meaningWords(phrasing)) {
          let ids = featuresOfWord.get(word);
          if (ids === undefined) {
            const found: number[] = [];
            forEachWordFeature(word, (stemmed) => found.push(featureId(`=${stemmed}`)), (padded, start, length) => found.push(featureId(this.grams.learn(padded, start, length))));
            featuresOfWord.set(word, (ids = Int32Array.from(found)));
          }
          tally.add(ids);
        }
      }
      return tally.take();
    });
    const features = this.vocabulary.size;
    const docFrequency = new Int32Array(features);
    for (const { ids } of counts) for (const id of ids) docFrequency[id] = (docFrequency[id] as number) + 1;
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
    this.similarities = new DenseScores(documents.length);
  }

  /**
   * Scores the query against every document sharing a feature with it; returns those documents in first-touch order
   * (the list is reused by the next call). Read each one's cosine with `similarityOf`.
   */
  search(query: string): readonly number[] {
    const { similarities } = this;
    similarities.reset();
    const tf = new Map<number, number>();
    const count = (key: string | number) => {
      const id = this.vocabulary.get(key);
      if (id !== undefined) tf.set(id, (tf.get(id) ?? 0) + 1);
    };
    forEachFeature(query, (stemmed) => count(`=${stemmed}`), (padded, start, length) => count(this.grams.known(padded, start, length)));
    this.forEachWeight(termCounts(tf), (id, weight) => {
      const end = this.postingStart[id + 1] as number;
      for (let i = this.postingStart[id] as number; i < end; i++) {
        similarities.add(this.postingDocs[i] as number, weight * (this.postingWeights[i] as number));
      }
    });
    return similarities.touched;
  }

  /** Cosine similarity of the last searched query with a document (0 when they share no feature). */
  similarityOf(doc: number): number {
    return this.similarities.valueOf(doc);
  }

  /** Calls `use` with each feature's sub-linear TF times IDF, L2-normalised over the vector. */
  private forEachWeight({ ids, counts }: TermCounts, use: (id: number, weight: number) => void): void {
    let norm = 0;
    for (let i = 0; i < ids.length; i++) norm += ((1 + Math.log(counts[i] as number)) * (this.idf[ids[i] as number] as number)) ** 2;
    const length = Math.sqrt(norm) || 1;
    for (let i = 0; i < ids.length; i++) use(ids[i] as number, ((1 + Math.log(counts[i] as number)) * (this.idf[ids[i] as number] as number)) / length);
  }
}

/** A text's features and how often each occurs, in the order first seen. */
interface TermCounts {
  ids: Int32Array;
  counts: Int32Array;
}

/**
 * Counts feature numbers one document at a time in an array indexed by feature (growing with the vocabulary), which
 * is several times faster than a map over the hundreds of thousands of features the documents' words give.
 */
class FeatureTally {
  private counts = new Int32Array(1024);
  private readonly seen: number[] = [];

  /** Counts each of `ids` once more. */
  add(ids: Int32Array): void {
    for (const id of ids) {
      if (id >= this.counts.length) this.grow(id);
      const count = this.counts[id] as number;
      if (count === 0) this.seen.push(id);
      this.counts[id] = count + 1;
    }
  }

  /** The counts so far, features in the order first seen, and starts over. */
  take(): TermCounts {
    const ids = Int32Array.from(this.seen);
    const counts = Int32Array.from(this.seen, (id) => this.counts[id] as number);
    for (const id of this.seen) this.counts[id] = 0;
    this.seen.length = 0;
    return { ids, counts };
  }

  private grow(id: number): void {
    const larger = new Int32Array(Math.max(this.counts.length * 2, id + 1));
    larger.set(this.counts);
    this.counts = larger;
  }
}

function termCounts(tf: ReadonlyMap<number, number>): TermCounts {
  const ids = new Int32Array(tf.size);
  const counts = new Int32Array(tf.size);
  let i = 0;
  for (const [id, count] of tf) {
    ids[i] = id;
    counts[i++] = count;
  }
  return { ids, counts };
}
