import { describe, expect, it } from 'vitest';
import { TopicClassifier } from '../../src/knowledge/topic-classifier.ts';
import { learnTopicModel, MAX_REGRESSION_CLASSES, type TopicModel } from '../../src/knowledge/topic-model.ts';
import { classFeatures, topicFeatures } from '../../src/knowledge/topic-features.ts';
import { TopicRegression } from '../../src/knowledge/topic-regression.ts';

const deleting = ['må vi slette kommentarer', 'kan vi fjerne en kommentar fra en borger', 'sletning af grimme kommentarer'];
const answering = ['hvordan svarer vi på kommentarer', 'skal vi svare en sur borger', 'svar på kritik i kommentarfeltet'];
const sum = (shares: Float64Array) => shares.reduce((a, b) => a + b, 0);

describe.each([
  ['naive Bayes', (p: string[][]) => new TopicClassifier(classFeatures(p))],
  ['softmax regression', (p: string[][]) => new TopicRegression(classFeatures(p))],
])('topic model: %s', (_name, learn: (phrasings: string[][]) => TopicModel) => {
  const model = learn([deleting, answering]);

  it('gives each class a probability, summing to 1', () => {
    const shares = model.probabilities('må vi slette en kommentar');
    expect(shares).toHaveLength(2);
    expect(sum(shares)).toBeCloseTo(1, 10);
  });

  it('tells neighbouring topics apart by the words only one of them was asked with', () => {
    // "kommentar" is in both classes' phrasings; "slette" and "svare" decide
    expect(model.probabilities('skal vi slette kommentaren')[0]).toBeGreaterThan(0.5);
    expect(model.probabilities('hvad svarer vi under kommentaren')[1]).toBeGreaterThan(0.5);
  });

  it('still recognises a word with a typing slip, by its letter grams', () => {
    expect(model.probabilities('må vi slettte den')[0]).toBeGreaterThan(0.5);
  });

  it("counts a one-word text as little evidence: its probabilities stay nearer even than a whole question's", () => {
    const oneWord = Math.max(...model.probabilities('slette'));
    const question = Math.max(...model.probabilities('må vi slette en grim kommentar fra en borger'));
    expect(oneWord).toBeGreaterThan(0.5);
    expect(oneWord).toBeLessThan(question);
  });

  it('gives equal probabilities to a text with nothing it has seen', () => {
    expect([...model.probabilities('xyzzy qwop')]).toEqual([0.5, 0.5]);
  });

  it('is the same for the same text, however often asked', () => {
    const first = [...model.probabilities('svar på en sur kommentar')];
    model.probabilities('slette');
    expect([...model.probabilities('svar på en sur kommentar')]).toEqual(first);
  });
});

describe('TopicRegression', () => {
  it('learns the same model from the same phrasings', () => {
    const text = 'kan vi fjerne kritik fra en borger';
    expect([...new TopicRegression(classFeatures([deleting, answering])).probabilities(text)]).toEqual([...new TopicRegression(classFeatures([deleting, answering])).probabilities(text)]);
  });

  it('learns the phrasings in an order set by their content, so listing them in another order learns the same model', () => {
    const blocking = ['må vi blokere en borger', 'kan vi udelukke en bruger fra siden', 'blokering af en der skriver grimt', 'hvor længe må en blokering vare'];
    const reversed = [deleting, answering, blocking].map((phrasings) => [...phrasings].reverse());
    for (const text of ['kan vi fjerne kritik fra en borger', 'må vi blokere ham', 'svar til en vred bruger']) {
      const asListed = [...new TopicRegression(classFeatures([deleting, answering, blocking])).probabilities(text)];
      const inReverse = [...new TopicRegression(classFeatures(reversed)).probabilities(text)];
      inReverse.forEach((p, c) => expect(p).toBeCloseTo(asListed[c] as number, 6));
    }
  });
});

describe('learnTopicModel', () => {
  const long = 'kan vi fjerne en grim kommentar fra en borger under vores opslag om den nye skole';
  const short = 'slette';

  it('reads a whole question by the regression, a word or two mostly by naive Bayes', () => {
    const model = learnTopicModel([deleting, answering]);
    expect(topicFeatures(long).length).toBeGreaterThanOrEqual(40);
    expect([...model.probabilities(long)]).toEqual([...new TopicRegression(classFeatures([deleting, answering])).probabilities(long)]);
    const bayes = new TopicClassifier(classFeatures([deleting, answering])).probabilities(short)[0] as number;
    const regression = new TopicRegression(classFeatures([deleting, answering])).probabilities(short)[0] as number;
    const blended = model.probabilities(short)[0] as number;
    expect(blended).toBeGreaterThan(Math.min(bayes, regression));
    expect(blended).toBeLessThan(Math.max(bayes, regression));
    expect(Math.abs(blended - bayes)).toBeLessThan(Math.abs(blended - regression));
  });

  it('learns naive Bayes alone above MAX_REGRESSION_CLASSES documents', () => {
    const many = Array.from({ length: MAX_REGRESSION_CLASSES + 1 }, (_, i) => (i < 2 ? [deleting, answering][i] as string[] : [`emne nummer ${i}`]));
    expect([...learnTopicModel(many).probabilities(long)]).toEqual([...new TopicClassifier(classFeatures(many)).probabilities(long)]);
  });
});
