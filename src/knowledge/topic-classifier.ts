import { softmaxInPlace } from './softmax.ts';
import type { TopicModel } from './topic-model.ts';
import { topicFeatures, type ClassFeatures } from './topic-features.ts';

/** Additive smoothing (α) of the feature counts. */
const SMOOTHING = 0.3;
/** Sharpness of the probabilities: the mean log-likelihood per feature is multiplied by it before the softmax. */
const SHARPNESS = 6;
/**
 * Known features a text needs to count as full evidence (about a five-word question): a shorter text's
 * log-likelihoods are averaged as if over this many, so one word ("opslag") leaves the probabilities nearly flat.
 */
const FULL_EVIDENCE = 30;

/**
 * A naive Bayes classifier over the documents' phrasings (titles and questions): which document a text is most
 * likely about. It learns which words tell neighbouring topics apart from how people asked for each one, where the
 * search weighs words by rarity alone; the search blends its probabilities into the ranking.
 */
export class TopicClassifier implements TopicModel {
  /** Feature (hash) → its row in the postings. */
  private readonly rowOf = new Map<number, number>();
  /** Row r's postings are at `rowStart[r]` up to `rowStart[r + 1]` of `classes` and `gains`. */
  private readonly rowStart: Int32Array;
  /** The classes (documents) each feature occurs in, row by row. */
  private readonly classes: Int32Array;
  /** Parallel to `classes`: log((α + count) / α), how much more likely the feature makes the class. */
  private readonly gains: Float32Array;
  /** Per class: log(α / (features counted + α · vocabulary)), the log-likelihood of a feature it never had. */
  private readonly unseen: Float64Array;
  private readonly scores: Float64Array;

  /** Learns from the features of each class's phrasings (class = index in the list; `classFeatures`). */
  constructor(featuresOfClass: ClassFeatures) {
    // each class's feature counts, as (row, class, count) triples in class order; a class's total counts every feature once per phrasing
    const tripleRows: number[] = [];
    const tripleClasses: number[] = [];
    const tripleCounts: number[] = [];
    const featureTotals = new Float64Array(featuresOfClass.length);
    featuresOfClass.forEach((phrasings, c) => {
      const counts = new Map<number, number>();
      for (const phrasing of phrasings) {
        for (const feature of phrasing) {
          let row = this.rowOf.get(feature);
          if (row === undefined) this.rowOf.set(feature, (row = this.rowOf.size));
          counts.set(row, (counts.get(row) ?? 0) + 1);
        }
      }
      for (const [row, count] of counts) {
        tripleRows.push(row);
        tripleClasses.push(c);
        tripleCounts.push(count);
        featureTotals[c] = (featureTotals[c] as number) + count;
      }
    });
    // sort the triples into rows (a counting sort, which keeps each row's classes in order)
    const rows = this.rowOf.size;
    this.rowStart = new Int32Array(rows + 1);
    for (const row of tripleRows) this.rowStart[row + 1] = (this.rowStart[row + 1] as number) + 1;
    for (let r = 0; r < rows; r++) this.rowStart[r + 1] = (this.rowStart[r + 1] as number) + (this.rowStart[r] as number);
    const next = this.rowStart.slice(0, rows);
    this.classes = new Int32Array(tripleRows.length);
    this.gains = new Float32Array(tripleRows.length);
    tripleRows.forEach((row, i) => {
      const at = next[row] as number;
      this.classes[at] = tripleClasses[i] as number;
      this.gains[at] = Math.log((SMOOTHING + (tripleCounts[i] as number)) / SMOOTHING);
      next[row] = at + 1;
    });
    this.unseen = Float64Array.from(featureTotals, (total) => Math.log(SMOOTHING / (total + SMOOTHING * rows)));
    this.scores = new Float64Array(featuresOfClass.length);
  }

  /**
   * The probability of each class for a text (indexed like the classes; they sum to 1). Features no phrasing had
   * are ignored; a text with none gets equal probabilities. The array is reused by the next call.
   */
  probabilities(text: string): Float64Array {
    return this.probabilitiesOf(topicFeatures(text));
  }

  /** Naive Bayes counts in one pass: it keeps no weights worth handing on. */
  learnedWeights(): undefined {
    return undefined;
  }

  /** `probabilities` of a text's features (`topicFeatures`). */
  probabilitiesOf(features: readonly number[]): Float64Array {
    const { scores, unseen, classes, gains, rowStart } = this;
    scores.fill(0);
    let known = 0;
    for (const feature of features) {
      const row = this.rowOf.get(feature);
      if (row === undefined) continue;
      known++;
      const end = rowStart[row + 1] as number;
      for (let i = rowStart[row] as number; i < end; i++) {
        const c = classes[i] as number;
        scores[c] = (scores[c] as number) + (gains[i] as number);
      }
    }
    if (known === 0) return scores.fill(1 / Math.max(scores.length, 1));
    for (let c = 0; c < scores.length; c++) {
      const meanLogLikelihood = ((scores[c] as number) + known * (unseen[c] as number)) / Math.max(known, FULL_EVIDENCE);
      scores[c] = SHARPNESS * meanLogLikelihood;
    }
    return softmaxInPlace(scores);
  }
}
