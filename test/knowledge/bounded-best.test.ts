import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bestBounded } from '../../src/knowledge/bounded-best.ts';
import { TopHits } from '../../src/knowledge/top-hits.ts';

/** A candidate: its rounded score, how far its bound lies above it, and an id from a small set (so ids repeat). */
const candidate = fc.record({
  score: fc.integer({ min: 0, max: 40 }).map((n) => n / 40),
  slack: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 20 }).map((n) => n / 40)),
  id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
});

describe('bestBounded', () => {
  it('keeps exactly what TopHits keeps when offered every candidate in order, ties of score and id included', () => {
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 60 }), fc.integer({ min: 1, max: 8 }), (candidates, size) => {
        const all = new TopHits<number>(size);
        candidates.forEach((c, i) => all.offer(c.score, c.id, () => i));
        const pruned = bestBounded(
          candidates.map((_, i) => i),
          size,
          {
            id: (i) => (candidates[i] as (typeof candidates)[number]).id,
            bound: (i) => (candidates[i] as (typeof candidates)[number]).score + (candidates[i] as (typeof candidates)[number]).slack,
            score: (i) => (candidates[i] as (typeof candidates)[number]).score,
            make: (i) => i,
          },
        );
        expect(pruned).toEqual(all.best);
      }),
      { numRuns: 2000 },
    );
  });

  it('scores exactly only the candidates whose bound can reach the best', () => {
    const scores = [0.9, 0.1, 0.8, 0.2, 0.7, 0.3];
    const scored: number[] = [];
    const best = bestBounded([0, 1, 2, 3, 4, 5], 2, {
      id: (i) => `e${i}`,
      bound: (i) => (scores[i] as number) + 0.05,
      score: (i) => {
        scored.push(i);
        return scores[i] as number;
      },
      make: (i) => i,
    });
    expect(best).toEqual([0, 2]);
    expect(scored.sort()).toEqual([0, 2]);
  });
});
