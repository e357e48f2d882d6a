import { createHash } from 'node:crypto';
import { softmaxInPlace } from './softmax.ts';
import type { TopicModel } from './topic-model.ts';
import { hashOfFeatures, topicFeatures, type ClassFeatures } from './topic-features.ts';

/** Passes over the phrasings while learning one model. */
const PASSES = 2;
/**
 * Models learned, each in its own order of the phrasings, whose weights are averaged into the one kept: a single
 * order is one draw (six orders gave 46–56 confident wrong answers over the eval sets), the average of five is
 * steadier and better on average (about six more right answers and five fewer wrong ones).
 */
const ORDERS = 5;
/** Step size of the first pass; pass p takes RATE / p. */
const RATE = 8;
/** Gradients smaller than this (per class and phrasing) are skipped: they no longer change the ranking, and skipping them halves the learning time. */
const MIN_GRADIENT = 0.01;
/** Scales the learned scores before the softmax: below 1, the probabilities are softer than the ones learned. */
const TEMPERATURE = 0.6;
/**
 * Known features a text needs to count as full evidence (about a five-word question): a shorter text's features
 * are weighed as if there were this many, so one word ("opslag") leaves the probabilities nearly flat.
 */
const FULL_EVIDENCE = 30;
/** A phrasing as the numbered features it has, with the classes asked with it (more than one when documents share a phrasing). */
interface Example {
  rows: Int32Array;
  classes: number[];
  /** A hash of the phrasing's features (its content, not its place in the knowledge): where it comes in each pass. */
  place: number;
}

/** Mixes the bits of a 32-bit number (MurmurHash3's finaliser), so close inputs land far apart. */
function mix(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Orders the examples for a pass of one of the ORDERS models by their content's hash mixed with the pass and model
 * number: an order as good as random, that an added, changed or removed phrasing does not reshuffle. The others keep
 * their order around it, so an edit of one entry changes what the model learns from that edit, not from a new order of
 * everything (a seeded shuffle of the list moved the answers of unrelated questions).
 */
function orderForPass(examples: Example[], pass: number, order: number): void {
  const rank = new Map(examples.map((e) => [e, mix(e.place ^ Math.imul(pass + 16 * order, 0x9e3779b1))]));
  examples.sort((a, b) => (rank.get(a) as number) - (rank.get(b) as number));
}

/** Each feature's weight per text: the features of a text share one unit of evidence, damped below FULL_EVIDENCE. */
const featureValue = (features: number) => 1 / Math.sqrt(Math.max(features, FULL_EVIDENCE));

/** Weights learned ahead for a model (`TopicRegression.learned`), found by its key; undefined when there are none. */
export type LearnedWeights = (key: string) => Float32Array | undefined;

/**
 * What learning is set up with: part of a model's key, so weights learned with other settings are never used. Raise
 * `version` when the learning itself changes, so a snapshot learned before (dist/) is not taken for the new one.
 */
const LEARNING = JSON.stringify({ version: 1, PASSES, ORDERS, RATE, MIN_GRADIENT, FULL_EVIDENCE });

/** A key for what a model learns from: the learning settings and every class's phrasings' features, in order. */
function keyOf(featuresOfClass: ClassFeatures): string {
  const hash = createHash('sha256').update(LEARNING);
  const classBreak = Uint32Array.of(featuresOfClass.length);
  for (const phrasings of featuresOfClass) {
    hash.update(classBreak);
    for (const phrasing of phrasings) hash.update(Uint32Array.of(phrasing.length, ...phrasing));
  }
  return hash.digest('base64url');
}

/**
 * The phrasings to learn from, each as its rows (sorted) and classes. A phrasing that several documents share is one
 * example for all of them, so they learn the same weights from it (learnt one after the other, the last would win a tie).
 */
function examplesOf(featuresOfClass: ClassFeatures, rowsOfClass: Int32Array[][]): Example[] {
  const examples = new Map<string, Example>();
  rowsOfClass.forEach((phrasings, cls) => {
    phrasings.forEach((rows, at) => {
      if (rows.length === 0) return;
      rows.sort();
      const key = rows.join(' ');
      const example = examples.get(key);
      if (example) example.classes.push(cls);
      else examples.set(key, { rows, classes: [cls], place: hashOfFeatures(featuresOfClass[cls]?.[at] as readonly number[]) });
    });
  });
  return [...examples.values()];
}

/**
 * Softmax (multinomial logistic) regression over the documents' phrasings (titles and questions), learned by
 * stochastic gradient descent: which document a text is most likely about. Where naive Bayes counts each feature
 * on its own, the regression learns all weights together from its mistakes, so a feature gets the weight that tells
 * the documents apart given the others. It keeps a weight per feature and class, so it suits a knowledge base of a
 * few hundred documents (see `learnTopicModel`).
 */
export class TopicRegression implements TopicModel {
  /** Feature (hash) → its row of weights. */
  private readonly rowOf = new Map<number, number>();
  /** Row-major weights: row r's weight for class c is at r · classes + c. */
  private readonly weights: Float32Array;
  private readonly classes: number;
  private readonly scores: Float64Array;
  /** What the model learned from (`keyOf`): weights learned ahead under this key are this model's. */
  private readonly key: string;

  /**
   * Learns from the features of each class's phrasings (class = index in the list; `classFeatures`), or takes the
   * weights `learned` ahead under the same key (the build learns the shipped knowledge's model).
   */
  constructor(featuresOfClass: ClassFeatures, learned: LearnedWeights = () => undefined) {
    const classes = (this.classes = featuresOfClass.length);
    const rowsOfClass = featuresOfClass.map((phrasings) =>
      phrasings.map((phrasing) =>
        Int32Array.from(phrasing, (feature) => {
          let row = this.rowOf.get(feature);
          if (row === undefined) this.rowOf.set(feature, (row = this.rowOf.size));
          return row;
        }),
      ),
    );
    this.scores = new Float64Array(classes);
    this.key = keyOf(featuresOfClass);
    const size = this.rowOf.size * classes;
    const ahead = learned(this.key);
    this.weights = ahead?.length === size ? ahead : this.averageOfOrders(examplesOf(featuresOfClass, rowsOfClass), size);
  }

  /** The key and weights to keep for a later process with the same phrasings (`learned`). */
  get learned(): { key: string; weights: Float32Array } {
    return { key: this.key, weights: this.weights };
  }

  /** Its weights if they were learned under `key`, else undefined. */
  learnedWeights(key: string): Float32Array | undefined {
    return key === this.key ? this.weights : undefined;
  }

  /** The mean of the weights of ORDERS models, each learned in its own order of the examples. */
  private averageOfOrders(examples: Example[], size: number): Float32Array {
    const mean = new Float32Array(size);
    const weights = new Float32Array(size);
    for (let order = 0; order < ORDERS; order++) {
      weights.fill(0);
      this.learn(examples, weights, order);
      for (let i = 0; i < size; i++) mean[i] = (mean[i] as number) + (weights[i] as number) / ORDERS;
    }
    return mean;
  }

  /** Stochastic gradient descent on the cross-entropy of the phrasings' classes, one distinct phrasing at a time. */
  private learn(examples: Example[], weights: Float32Array, order: number): void {
    const { classes, scores } = this;
    // the classes whose gradient is large enough to apply, and the step for each
    const stepClasses = new Int32Array(classes);
    const steps = new Float64Array(classes);
    for (let pass = 1; pass <= PASSES; pass++) {
      orderForPass(examples, pass, order);
      const rate = RATE / pass;
      for (const { rows, classes: asked } of examples) {
        const value = featureValue(rows.length);
        this.softmax(weights, rows, value, 1);
        let stepping = 0;
        for (let c = 0; c < classes; c++) {
          let gradient = asked.length * (scores[c] as number);
          for (const a of asked) if (a === c) gradient -= 1;
          if (Math.abs(gradient) < MIN_GRADIENT) continue;
          stepClasses[stepping] = c;
          steps[stepping++] = rate * gradient * value;
        }
        for (const row of rows) {
          const at = row * classes;
          for (let s = 0; s < stepping; s++) {
            const i = at + (stepClasses[s] as number);
            weights[i] = (weights[i] as number) - (steps[s] as number);
          }
        }
      }
    }
  }

  /** Fills `scores` with the softmax of the rows' summed `weights` (times `value`, scaled by `scale`). */
  private softmax(weights: Float32Array, rows: ArrayLike<number>, value: number, scale: number): void {
    const { classes, scores } = this;
    scores.fill(0);
    for (let r = 0; r < rows.length; r++) {
      const at = (rows[r] as number) * classes;
      for (let c = 0; c < classes; c++) scores[c] = (scores[c] as number) + (weights[at + c] as number);
    }
    for (let c = 0; c < classes; c++) scores[c] = (scores[c] as number) * value * scale;
    softmaxInPlace(scores);
  }

  /**
   * The probability of each class for a text (indexed like the classes; they sum to 1). Features no phrasing had
   * are ignored; a text with none gets equal probabilities. The array is reused by the next call.
   */
  probabilities(text: string): Float64Array {
    return this.probabilitiesOf(topicFeatures(text));
  }

  /** `probabilities` of a text's features (`topicFeatures`). */
  probabilitiesOf(features: readonly number[]): Float64Array {
    const rows: number[] = [];
    for (const feature of features) {
      const row = this.rowOf.get(feature);
      if (row !== undefined) rows.push(row);
    }
    if (rows.length === 0) return this.scores.fill(1 / Math.max(this.classes, 1));
    this.softmax(this.weights, rows, featureValue(rows.length), TEMPERATURE);
    return this.scores;
  }
}
