import { describe, expect, it } from 'vitest';
import { softmaxInPlace } from '../../src/knowledge/softmax.ts';

describe('softmaxInPlace', () => {
  it('turns scores into probabilities that keep their order and sum to 1, in the same array', () => {
    const scores = Float64Array.from([1, 3, 2]);
    const shares = softmaxInPlace(scores);
    expect(shares).toBe(scores);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(shares[1]).toBeGreaterThan(shares[2] as number);
    expect(shares[2]).toBeGreaterThan(shares[0] as number);
    expect((shares[1] as number) / (shares[2] as number)).toBeCloseTo(Math.E, 12);
  });

  it('does not overflow on large scores', () => {
    expect([...softmaxInPlace(Float64Array.from([1000, 1000]))]).toEqual([0.5, 0.5]);
  });
});
