import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { deserialize, serialize } from 'node:v8';
import { classFeatures } from './topic-features.ts';
import { TopicRegression, type LearnedWeights } from './topic-regression.ts';

/** The snapshot's file name, in dist/ next to the compiled code. */
export const TOPIC_MODEL_SNAPSHOT_FILE = 'knowledge-topic-model.bin';

/** What the snapshot file holds: the regression's weights and the key of the phrasings they were learned from. */
interface SnapshotFile {
  version: 1;
  key: string;
  weights: Float32Array;
}

/**
 * Learns the topic regression of the documents' phrasings (one list per document, as the search passes them to
 * `learnTopicModel`) and writes its weights to `out`: the build does this for the shipped knowledge, so a server
 * answers its first question without learning first.
 */
export async function writeTopicModelSnapshot(phrasingsOfClass: readonly (readonly string[])[], out: string): Promise<void> {
  const { key, weights } = new TopicRegression(classFeatures(phrasingsOfClass)).learned;
  const snapshot: SnapshotFile = { version: 1, key, weights };
  await writeFile(out, serialize(snapshot));
}

/**
 * The weights in the snapshot at `path` for a model with the given key, read when asked and not kept (a knowledge
 * reload with other phrasings has no use for them); an absent, unreadable or other model's snapshot gives none.
 */
export function snapshotWeights(path: URL | string): LearnedWeights {
  return (key) => {
    try {
      const file = deserialize(readFileSync(path)) as Partial<SnapshotFile>;
      return file.version === 1 && file.key === key && file.weights instanceof Float32Array ? file.weights : undefined;
    } catch {
      return undefined;
    }
  };
}

/** The snapshot beside the compiled code (dist/), and where the sources (src/) find the build's one. */
const besideCode = new URL(`../${TOPIC_MODEL_SNAPSHOT_FILE}`, import.meta.url);
const inBuild = new URL(`../../dist/${TOPIC_MODEL_SNAPSHOT_FILE}`, import.meta.url);

/**
 * The snapshot the build wrote for the shipped knowledge. The sources (tests, `npm run dev`) read dist/'s too: its
 * key holds the learning settings and every phrasing's features, so a build from other phrasings or settings is not
 * used, and learning gives the same weights for the same key (the phrasings' order is set by their content).
 */
export const shippedWeights: LearnedWeights = snapshotWeights(existsSync(besideCode) ? besideCode : inBuild);
