import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withinEdits } from '../../src/knowledge/substring-distance.ts';

/** Fewest edits turning `pattern` into some substring of `text`, by the plain dynamic programme over every substring. */
function substringDistance(pattern: string, text: string): number {
  let best = pattern.length;
  for (let start = 0; start <= text.length; start++) {
    let row = Array.from({ length: pattern.length + 1 }, (_, i) => i);
    for (let j = start; j < text.length; j++) {
      const next = [0];
      next[0] = j - start + 1;
      for (let i = 1; i <= pattern.length; i++) {
        next[i] = Math.min((row[i - 1] as number) + (pattern[i - 1] === text[j] ? 0 : 1), (row[i] as number) + 1, (next[i - 1] as number) + 1);
      }
      row = next;
      best = Math.min(best, row[pattern.length] as number);
    }
  }
  return best;
}

const text = (maxLength: number) => fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'æ', 'ø'), maxLength });

describe('withinEdits', () => {
  it('accepts a text exactly when some substring of it is within the limit of edits of the pattern', () => {
    fc.assert(
      fc.property(text(32).filter((p) => p.length > 0), text(40), fc.nat(6), (pattern, t, limit) => {
        expect(withinEdits(pattern, limit)(t)).toBe(substringDistance(pattern, t) <= limit);
      }),
      { numRuns: 3000 },
    );
  });

  it('counts insertions, deletions and substitutions as one edit each', () => {
    expect(withinEdits('facebook', 1)('min facbook side')).toBe(true);
    expect(withinEdits('facebook', 1)('facebok')).toBe(true);
    expect(withinEdits('facebook', 1)('faceboook')).toBe(true);
    expect(withinEdits('facebook', 1)('fasebook')).toBe(true);
    expect(withinEdits('facebook', 1)('fcaebook')).toBe(false);
  });
});
