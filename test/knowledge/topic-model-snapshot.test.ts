import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { snapshotWeights, writeTopicModelSnapshot } from '../../src/knowledge/topic-model-snapshot.ts';
import { classFeatures } from '../../src/knowledge/topic-features.ts';
import { TopicRegression } from '../../src/knowledge/topic-regression.ts';

const deleting = ['må vi slette kommentarer', 'kan vi fjerne en kommentar fra en borger', 'sletning af grimme kommentarer'];
const answering = ['hvordan svarer vi på kommentarer', 'skal vi svare en sur borger', 'svar på kritik i kommentarfeltet'];
const text = 'kan vi fjerne kritik fra en borger';
const learnedFresh = (phrasings: string[][]) => [...new TopicRegression(classFeatures(phrasings)).probabilities(text)];

describe('topic model snapshot', () => {
  const dir = mkdtempSync(join(tmpdir(), 'topic-snapshot-'));

  it('gives a model the weights learned from the same phrasings, which answer as the learned model does', async () => {
    const file = join(dir, 'same.bin');
    await writeTopicModelSnapshot([deleting, answering], file);
    const found = snapshotWeights(file);
    const fromSnapshot = new TopicRegression(classFeatures([deleting, answering]), found);
    expect([...fromSnapshot.probabilities(text)]).toEqual(learnedFresh([deleting, answering]));
    expect(found(fromSnapshot.learned.key)).toEqual(fromSnapshot.learned.weights);
  });

  it('uses weights found under the model\'s key instead of learning', () => {
    const { key, weights } = new TopicRegression(classFeatures([deleting, answering])).learned;
    const zeros = new Float32Array(weights.length);
    const model = new TopicRegression(classFeatures([deleting, answering]), (asked) => (asked === key ? zeros : undefined));
    // all-zero weights give every class the same probability: the model did not learn its own
    expect([...model.probabilities(text)]).toEqual([0.5, 0.5]);
  });

  it('learns when the snapshot was learned from other phrasings, its file is damaged or its weights do not fit', async () => {
    const other = join(dir, 'other.bin');
    await writeTopicModelSnapshot([deleting, [...answering, 'må vi svare skarpt igen']], other);
    expect([...new TopicRegression(classFeatures([deleting, answering]), snapshotWeights(other)).probabilities(text)]).toEqual(learnedFresh([deleting, answering]));
    const damaged = join(dir, 'damaged.bin');
    writeFileSync(damaged, 'not a snapshot');
    expect([...new TopicRegression(classFeatures([deleting, answering]), snapshotWeights(damaged)).probabilities(text)]).toEqual(learnedFresh([deleting, answering]));
    expect([...new TopicRegression(classFeatures([deleting, answering]), snapshotWeights(join(dir, 'absent.bin'))).probabilities(text)]).toEqual(learnedFresh([deleting, answering]));
    const tooShort = new TopicRegression(classFeatures([deleting, answering]), () => new Float32Array(3));
    expect([...tooShort.probabilities(text)]).toEqual(learnedFresh([deleting, answering]));
  });
});
