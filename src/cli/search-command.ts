import { createInterface } from 'node:readline';
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';

/** Searches one question per input line and prints one JSON line per question. */
export async function runSearch(
  knowledge: KnowledgeBase,
  limit: number,
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
): Promise<void> {
  for await (const query of createInterface({ input, terminal: false, crlfDelay: Infinity })) {
    const outcome = knowledge.search(query, limit);
    output.write(`${JSON.stringify({ query, results: outcome.results, confident: outcome.confident })}\n`);
  }
}
