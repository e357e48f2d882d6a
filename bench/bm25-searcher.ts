import MiniSearch from 'minisearch';
import type { Searcher } from '../eval/evaluate.ts';
import type { HeldoutSet } from '../eval/heldout-set.ts';
import type { FaqEntry } from '../src/knowledge/faq-schema.ts';

interface IndexedEntry {
  id: string;
  title: string;
  questions: string;
  keywords: string;
  answer: string;
}

/** A BM25 searcher: its ranked hits and the raw top score, so a confidence threshold can be chosen. */
export interface Bm25Index {
  rank(query: string): { ids: string[]; scores: number[]; topScore: number };
}

/**
 * MiniSearch (BM25+) over the same FAQ fields as ours, with the usual options a team would pick: title and questions
 * boosted, prefix matching and 20% fuzziness.
 */
export function bm25Index(entries: readonly FaqEntry[]): Bm25Index {
  const index = new MiniSearch<IndexedEntry>({
    fields: ['title', 'questions', 'keywords', 'answer'],
    searchOptions: { boost: { title: 2, questions: 2, keywords: 1.5 }, prefix: true, fuzzy: 0.2 },
  });
  index.addAll(entries.map((e) => ({ id: e.id, title: e.title, questions: e.questions.join('\n'), keywords: e.keywords.join('\n'), answer: e.answer })));
  return {
    rank(query) {
      const results = index.search(query).slice(0, 5);
      return { ids: results.map((r) => String(r.id)), scores: results.map((r) => r.score), topScore: results[0]?.score ?? 0 };
    },
  };
}

/**
 * Chooses BM25's "confident" threshold on a calibration set (eval/dev.yaml, never the held-out set): the top score
 * that maximises (in-domain questions answered right and confidently) + (out-of-domain questions rejected).
 */
export function calibrateThreshold(index: Bm25Index, dev: HeldoutSet): number {
  const inDomain = dev.in_domain.map(({ q, id }) => {
    const r = index.rank(q);
    return { score: r.topScore, right: r.ids[0] === id };
  });
  const outOfDomain = dev.out_of_domain.map(({ q }) => index.rank(q).topScore);
  const candidates = [...new Set([0, ...inDomain.map((r) => r.score), ...outOfDomain])].sort((a, b) => a - b);
  let best = { threshold: 0, gain: -1 };
  for (const threshold of candidates) {
    const answeredRight = inDomain.filter((r) => r.right && r.score >= threshold).length;
    const rejected = outOfDomain.filter((s) => s < threshold).length;
    const gain = answeredRight / inDomain.length + rejected / outOfDomain.length;
    if (gain > best.gain) best = { threshold, gain };
  }
  return best.threshold;
}

/** The BM25 index as a `Searcher`: confident when the top score reaches `threshold`. */
export function bm25Searcher(index: Bm25Index, threshold: number): Searcher {
  return (query) => {
    const r = index.rank(query);
    return { hits: r.ids.map((id, i) => ({ id, kind: 'faq' as const, score: r.scores[i] ?? 0 })), confident: r.ids.length > 0 && r.topScore >= threshold };
  };
}
