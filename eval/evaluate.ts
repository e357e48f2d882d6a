import type { SearchHit } from '../src/knowledge/search-document.ts';
import type { HeldoutSet } from './heldout-set.ts';

/** A searcher under evaluation: ranked FAQ ids plus whether it would answer confidently. */
export type Searcher = (query: string) => { hits: SearchHit[]; confident: boolean };

/** Answer-quality figures over a held-out set (shares in [0,1]). */
export interface EvalResult {
  inDomain: number;
  outOfDomain: number;
  top1: number;
  top3: number;
  /** Share of in-domain questions answered confidently. */
  confident: number;
  /** Share of confident in-domain answers whose top hit is right. */
  confidentPrecision: number;
  /** Share of out-of-domain questions not answered confidently. */
  outOfDomainRejected: number;
  misses: { q: string; expected: string; got: string[]; confident: boolean }[];
  falseAnswers: { q: string; got: string }[];
}

/** Runs a searcher over the held-out set and computes top-1, top-3, confidence and out-of-domain rejection. */
export function evaluate(set: HeldoutSet, search: Searcher): EvalResult {
  let top1 = 0;
  let top3 = 0;
  let confident = 0;
  let confidentRight = 0;
  const misses: EvalResult['misses'] = [];
  for (const { q, id } of set.in_domain) {
    const result = search(q);
    const ids = result.hits.filter((h) => h.kind === 'faq').map((h) => h.id);
    if (ids[0] === id) top1++;
    if (ids.slice(0, 3).includes(id)) top3++;
    if (result.confident) {
      confident++;
      if (ids[0] === id) confidentRight++;
    }
    if (ids[0] !== id) misses.push({ q, expected: id, got: ids.slice(0, 3), confident: result.confident });
  }
  const falseAnswers: EvalResult['falseAnswers'] = [];
  for (const { q } of set.out_of_domain) {
    const result = search(q);
    if (result.confident) falseAnswers.push({ q, got: result.hits[0]?.id ?? '' });
  }
  const n = set.in_domain.length;
  return {
    inDomain: n,
    outOfDomain: set.out_of_domain.length,
    top1: top1 / n,
    top3: top3 / n,
    confident: confident / n,
    confidentPrecision: confident > 0 ? confidentRight / confident : 0,
    outOfDomainRejected: 1 - falseAnswers.length / set.out_of_domain.length,
    misses,
    falseAnswers,
  };
}
