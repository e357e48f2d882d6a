import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PhrasingScores } from '../../src/knowledge/phrasing-scores.ts';

const VOCABULARY = 8;

/** Documents of phrasings of distinct vocabulary terms, each term with an IDF. */
const documents = fc.array(
  fc.array(fc.uniqueArray(fc.record({ term: fc.nat(VOCABULARY - 1), idf: fc.double({ min: 0.1, max: 5, noNaN: true }) }), { selector: (t) => t.term, minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 4 }),
  { minLength: 1, maxLength: 4 },
);
/** A query: a weight per query term and the vocabulary terms each matched, with similarities. */
const query = fc.integer({ min: 1, max: 4 }).chain((width) =>
  fc.record({
    weights: fc.array(fc.double({ min: 0.1, max: 5, noNaN: true }), { minLength: width, maxLength: width }),
    matches: fc.array(fc.record({ qi: fc.nat(width - 1), term: fc.nat(VOCABULARY - 1), similarity: fc.double({ min: 0.05, max: 1, noNaN: true }) }), { maxLength: 10 }),
  }),
);

type Phrasing = { term: number; idf: number }[];

/** The best phrasing score as the search computed it before scoring on demand: every phrasing, term by term. */
function reference(phrasings: Phrasing[], { weights, matches }: { weights: number[]; matches: { qi: number; term: number; similarity: number }[] }): number {
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  let best = 0;
  for (const phrasing of phrasings) {
    const row = weights.map(() => 0);
    let touched = false;
    let covered = 0;
    for (const { term, idf } of phrasing) {
      let matched = 0;
      for (const m of matches) {
        if (m.term !== term) continue;
        touched = true;
        if (m.similarity > (row[m.qi] as number)) row[m.qi] = m.similarity;
        if (m.similarity > matched) matched = m.similarity;
      }
      covered += idf * matched;
    }
    let sum = 0;
    for (let qi = 0; qi < weights.length; qi++) sum += (row[qi] as number) * (weights[qi] as number);
    const queryCovered = touched ? sum / totalWeight : 0;
    const total = phrasing.reduce((t, { idf }) => t + idf, 0);
    const score = 0.65 * queryCovered + 0.35 * (total > 0 ? covered / total : 0);
    if (score > best) best = score;
  }
  return best;
}

describe('PhrasingScores', () => {
  it('scores a document’s best phrasing as comparing every phrasing term by term does, and never above its bound', () => {
    fc.assert(
      fc.property(documents, query, (docs, q) => {
        const first = [0];
        const phrasings = docs.flat();
        for (const d of docs) first.push((first[first.length - 1] as number) + d.length);
        const scores = new PhrasingScores(
          Int32Array.from(first),
          phrasings.map((p) => p.map((t) => t.term)),
          phrasings.map((p) => p.map((t) => t.idf)),
          VOCABULARY,
        );
        const largestShare = docs.map(() => new Float64Array(VOCABULARY));
        scores.forEachShare((doc, term, share) => {
          const shares = largestShare[doc] as Float64Array;
          shares[term] = Math.max(shares[term] as number, share);
        });
        scores.reset(q.weights.length);
        for (const { qi, term, similarity } of q.matches) {
          scores.match(term, qi, similarity);
          docs.forEach((_, doc) => scores.addShare(doc, qi, similarity, (largestShare[doc] as Float64Array)[term] as number));
        }
        const totalWeight = q.weights.reduce((a, b) => a + b, 0);
        docs.forEach((phrasingsOfDoc, doc) => {
          const best = scores.bestOf(doc, q.weights, totalWeight);
          expect(best).toBe(reference(phrasingsOfDoc, q));
          expect(scores.bound(doc, q.weights, totalWeight)).toBeGreaterThanOrEqual(best);
        });
      }),
      { numRuns: 2000 },
    );
  });
});
