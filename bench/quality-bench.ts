import { join } from 'node:path';
import { plainFuseSearcher } from '../eval/baselines.ts';
import { evaluate, type EvalResult } from '../eval/evaluate.ts';
import { readHeldoutSet } from '../eval/heldout-set.ts';
import { entriesWithout } from '../eval/knowledge-parts.ts';
import type { KnowledgeBase } from '../src/knowledge/knowledge-base.ts';
import { bm25Index, bm25Searcher, calibrateThreshold } from './bm25-searcher.ts';

/** Answer quality of one searcher on the held-out set (shares in [0,1]). */
export interface QualityFigures {
  top1: number;
  top3: number;
  outOfDomainRejected: number;
  inDomainConfident: number;
}

/** Section 1: ours vs plain fuse.js vs MiniSearch BM25 on eval/heldout.yaml. */
export interface QualityResult {
  questions: { inDomain: number; outOfDomain: number };
  ours: QualityFigures;
  fuse: QualityFigures;
  bm25: QualityFigures & { threshold: number };
}

const figures = (r: EvalResult): QualityFigures => ({ top1: r.top1, top3: r.top3, outOfDomainRejected: r.outOfDomainRejected, inDomainConfident: r.confident });

/** Evaluates the three searchers over the same FAQ entries (the first `limit` questions of each kind); BM25's threshold is calibrated on eval/dev.yaml, searched without its own questions. */
export async function qualityBench(knowledge: KnowledgeBase, limit = Number.POSITIVE_INFINITY, evalDir = 'eval'): Promise<QualityResult> {
  const full = await readHeldoutSet(join(evalDir, 'heldout.yaml'));
  const heldout = { in_domain: full.in_domain.slice(0, limit), out_of_domain: full.out_of_domain.slice(0, limit) };
  const dev = await readHeldoutSet(join(evalDir, 'dev.yaml'));
  const entries = [...knowledge.faq.values()];
  const ours = evaluate(heldout, (q) => {
    const outcome = knowledge.search(q);
    return { hits: outcome.results, confident: outcome.confident };
  });
  const fuse = evaluate(heldout, plainFuseSearcher(entries));
  const index = bm25Index(entries);
  // dev.yaml's questions are among the entries' questions: its threshold is chosen on an index without them
  const threshold = calibrateThreshold(bm25Index(entriesWithout(entries, dev)), dev);
  const bm25 = evaluate(heldout, bm25Searcher(index, threshold));
  return {
    questions: { inDomain: ours.inDomain, outOfDomain: ours.outOfDomain },
    ours: figures(ours),
    fuse: figures(fuse),
    bm25: { ...figures(bm25), threshold },
  };
}
