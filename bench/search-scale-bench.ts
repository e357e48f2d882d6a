import type { FlowSummary } from '../src/shared/flow-summary.ts';
import type { FaqEntry } from '../src/knowledge/faq-schema.ts';
import { createKnowledgeBase } from '../src/knowledge/knowledge-base.ts';
import type { Synonyms } from '../src/knowledge/synonyms.ts';
import { generateEntries } from './generate-entries.ts';
import { latencyOf, type Latency } from './stats.ts';

/** Search latency (ms) at one knowledge-base size, and how long building the index (and the topic classifier) took. */
export interface ScalePoint extends Latency {
  entries: number;
  buildMs: number;
}

const WARMUP_QUERIES = 50;

/** Section 5: builds the search over generated entries at each size and times `queries` real questions at each. */
export function searchScaleBench(real: readonly FaqEntry[], flows: readonly FlowSummary[], synonyms: Synonyms, questions: readonly string[], sizes: readonly number[], queries: number): ScalePoint[] {
  return sizes.map((size) => {
    const entries = generateEntries(real, size);
    const t0 = performance.now();
    // No result cache: the questions repeat, and this section times the search itself.
    const knowledge = createKnowledgeBase(entries, flows, { synonyms, cacheEntries: 0 });
    // the first search learns the topic classifier: part of what building the search costs
    knowledge.search('menu');
    const buildMs = performance.now() - t0;
    const samples: number[] = [];
    for (let i = 0; i < WARMUP_QUERIES + queries; i++) {
      const q = questions[i % questions.length] ?? 'menu';
      const started = performance.now();
      knowledge.search(q);
      if (i >= WARMUP_QUERIES) samples.push(performance.now() - started);
    }
    return { entries: size, buildMs, ...latencyOf(samples) };
  });
}
