import { describe, expect, it } from 'vitest';
import { TopicClassifier } from '../../src/knowledge/topic-classifier.ts';

const deleting = ['må vi slette kommentarer', 'kan vi fjerne en kommentar fra en borger', 'sletning af grimme kommentarer'];
const answering = ['hvordan svarer vi på kommentarer', 'skal vi svare en sur borger', 'svar på kritik i kommentarfeltet'];
const classifier = new TopicClassifier([deleting, answering]);
const sum = (shares: Float64Array) => shares.reduce((a, b) => a + b, 0);

describe('TopicClassifier', () => {
  it('gives each class a probability, summing to 1', () => {
    const shares = classifier.probabilities('må vi slette en kommentar');
    expect(shares).toHaveLength(2);
    expect(sum(shares)).toBeCloseTo(1, 10);
  });

  it('tells neighbouring topics apart by the words only one of them was asked with', () => {
    // "kommentar" is in both classes' phrasings; "slette" and "svare" decide
    expect(classifier.probabilities('skal vi slette kommentaren')[0]).toBeGreaterThan(0.5);
    expect(classifier.probabilities('hvad svarer vi under kommentaren')[1]).toBeGreaterThan(0.5);
  });

  it('still recognises a word with a typing slip, by its letter grams', () => {
    expect(classifier.probabilities('må vi slettte den')[0]).toBeGreaterThan(0.5);
  });

  it("counts a one-word text as little evidence: its probabilities stay nearer even than a whole question's", () => {
    const oneWord = Math.max(...classifier.probabilities('slette'));
    const question = Math.max(...classifier.probabilities('må vi slette en grim kommentar fra en borger'));
    expect(oneWord).toBeGreaterThan(0.5);
    expect(oneWord).toBeLessThan(question);
  });

  it('gives equal probabilities to a text with nothing it has seen', () => {
    expect([...classifier.probabilities('xyzzy qwop')]).toEqual([0.5, 0.5]);
  });

  it('is the same for the same text, however often asked', () => {
    const first = [...classifier.probabilities('svar på en sur kommentar')];
    classifier.probabilities('slette');
    expect([...classifier.probabilities('svar på en sur kommentar')]).toEqual(first);
  });
});
