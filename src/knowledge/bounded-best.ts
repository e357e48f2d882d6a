import { TopHits } from './top-hits.ts';

/** How a ranking's candidates are scored: exactly, or by a cheap upper bound that is never below the exact score. */
export interface BoundedScoring<T> {
  id(candidate: number): string;
  bound(candidate: number): number;
  score(candidate: number): number;
  make(candidate: number, score: number): T;
}

/**
 * The `size` best candidates, exactly as TopHits keeps them when offered every candidate in order, but scoring exactly
 * only the candidates whose bound can reach them. The `size` candidates with the highest bounds are scored first; then
 * every candidate is offered in order except those whose bound is below the lowest score `size` candidates already
 * reached: each of those loses to `size` strictly better candidates, whatever its id or place.
 */
export function bestBounded<T>(candidates: readonly number[], size: number, scoring: BoundedScoring<T>): T[] {
  const count = candidates.length;
  const bounds = new Float64Array(count);
  const scores = new Float64Array(count).fill(Number.NaN);
  const score = (i: number): number => {
    let s = scores[i] as number;
    if (Number.isNaN(s)) {
      s = scoring.score(candidates[i] as number);
      scores[i] = s;
    }
    return s;
  };
  // the candidates with the `size` highest bounds, highest first
  const leaders: number[] = [];
  for (let i = 0; i < count; i++) {
    const bound = scoring.bound(candidates[i] as number);
    bounds[i] = bound;
    if (leaders.length >= size && bound <= (bounds[leaders[leaders.length - 1] as number] as number)) continue;
    let at = leaders.length;
    while (at > 0 && bound > (bounds[leaders[at - 1] as number] as number)) at--;
    leaders.splice(at, 0, i);
    if (leaders.length > size) leaders.pop();
  }
  let floor = leaders.length >= size ? Math.min(...leaders.map(score)) : -Infinity;
  const top = new TopHits<T>(size);
  for (let i = 0; i < count; i++) {
    if ((bounds[i] as number) < floor) continue;
    const candidate = candidates[i] as number;
    const s = score(i);
    top.offer(s, scoring.id(candidate), () => scoring.make(candidate, s));
    floor = Math.max(floor, top.floor);
  }
  return top.best;
}
