import { join } from 'node:path';
import { loadFlowEngine } from '../dialogs/load-flow-engine.ts';
import { loadFaq } from '../knowledge/faq-loader.ts';
import { searchDocuments } from '../knowledge/knowledge-base.ts';
import { loadOutside } from '../knowledge/outside-loader.ts';
import { topicPhrasings } from '../knowledge/search-index.ts';
import { writeTopicModelSnapshot } from '../knowledge/topic-model-snapshot.ts';

/** What the server's search would give its topic model to learn from, for the knowledge under `dir`. */
export async function knowledgeTopicPhrasings(dir: string): Promise<string[][]> {
  const { entries } = await loadFaq(join(dir, 'faq'));
  const { summaries } = await loadFlowEngine(join(dir, 'flows'));
  const { areas } = await loadOutside(join(dir, 'outside.yaml'));
  return topicPhrasings(searchDocuments(entries, summaries, areas));
}

/**
 * Learns the topic model of the knowledge under `dir` and writes its snapshot to `out` (the build does this for the
 * shipped knowledge; a server whose knowledge was edited since learns its own).
 */
export async function writeShippedTopicModel(dir: string, out: string): Promise<void> {
  await writeTopicModelSnapshot(await knowledgeTopicPhrasings(dir), out);
}
