import Fuse from 'fuse.js';
import type { FaqEntry } from '../src/knowledge/faq-schema.ts';
import type { Searcher } from './evaluate.ts';

/**
 * Plain fuse.js with default options over the same entries. Fuse has no notion of "confident", so a hit whose
 * Fuse score is below 0.6 (Fuse's default threshold) counts as an answer.
 */
export function plainFuseSearcher(entries: readonly FaqEntry[]): Searcher {
  const fuse = new Fuse(entries, { keys: ['title', 'questions', 'keywords', 'answer'], includeScore: true });
  return (query) => {
    const results = fuse.search(query, { limit: 5 });
    return {
      hits: results.map((r) => ({ id: r.item.id, kind: 'faq' as const, score: 1 - (r.score ?? 1) })),
      confident: results.length > 0,
    };
  };
}
