import { TopicClassifier } from './topic-classifier.ts';
import { classFeatures, topicFeatures } from './topic-features.ts';
import { shippedWeights } from './topic-model-snapshot.ts';
import { TopicRegression, type LearnedWeights } from './topic-regression.ts';

/** Which document a text is most likely about, as one probability per document. */
export interface TopicModel {
  /** The probability of each class for a text (indexed like the classes; they sum to 1); reused by the next call. */
  probabilities(text: string): Float64Array;
  /** The weights it learned, when it learned them under `key` (a model rebuilt from the same phrasings takes them). */
  learnedWeights(key: string): Float32Array | undefined;
}

/**
 * Most documents the regression learns: it keeps a weight per feature and document (about 12 MB at the real 68) and
 * learning takes phrasings × documents steps, so a larger knowledge base gets naive Bayes alone, which stores only
 * the (feature, document) pairs seen and learns in one counting pass.
 */
export const MAX_REGRESSION_CLASSES = 256;

/** Features (`topicFeatures`) from which a text is read by the regression alone: about a six-word question. */
const REGRESSION_FEATURES = 40;

/**
 * Naive Bayes and the softmax regression blended by the text's length. The regression reads whole questions
 * better (it learned from phrasings of 30–80 features) but is sure of itself on a few words ("hvad koster en
 * konsulent" → the consultant form); naive Bayes averages its evidence over at least a question's worth of
 * features and stays cautious. A text of n features takes n / REGRESSION_FEATURES of the regression (at most all).
 */
class BlendedTopicModel implements TopicModel {
  private readonly blended: Float64Array;

  constructor(
    private readonly bayes: TopicClassifier,
    private readonly regression: TopicRegression,
    classes: number,
  ) {
    this.blended = new Float64Array(classes);
  }

  probabilities(text: string): Float64Array {
    const features = topicFeatures(text);
    const share = Math.min(1, features.length / REGRESSION_FEATURES);
    const { blended } = this;
    const bayes = this.bayes.probabilitiesOf(features);
    for (let c = 0; c < blended.length; c++) blended[c] = (1 - share) * (bayes[c] as number);
    const regression = this.regression.probabilitiesOf(features);
    for (let c = 0; c < blended.length; c++) blended[c] = (blended[c] as number) + share * (regression[c] as number);
    return blended;
  }

  learnedWeights(key: string): Float32Array | undefined {
    return this.regression.learnedWeights(key);
  }
}

/**
 * The topic model for the documents' phrasings: naive Bayes blended with softmax regression up to
 * MAX_REGRESSION_CLASSES documents, naive Bayes alone above. The regression takes the weights learned from the same
 * phrasings before (`learnedBefore`, a reload's previous knowledge), or else from the build's snapshot of the shipped
 * knowledge, and learns only when neither has them.
 */
export function learnTopicModel(phrasingsOfClass: readonly (readonly string[])[], learnedBefore: LearnedWeights = () => undefined): TopicModel {
  const features = classFeatures(phrasingsOfClass);
  const bayes = new TopicClassifier(features);
  if (features.length > MAX_REGRESSION_CLASSES) return bayes;
  const learned: LearnedWeights = (key) => learnedBefore(key) ?? shippedWeights(key);
  return new BlendedTopicModel(bayes, new TopicRegression(features, learned), features.length);
}
