import { describe, expect, it } from 'vitest';
import { CharNgramIndex, ngramFeatures } from '../../src/knowledge/char-ngram-index.ts';

const documents: string[][] = [
  ['Må vi slette kommentarer på Facebook?', 'fjerne kommentarer', 'skjule debatpolitikken'],
  ['Kan vi blokere en bruger på Instagram?', 'blokering sidste skridt'],
  ['Tavshedspligt i sociale medier', 'medarbejdere online'],
  ['Hvordan måler vi rækkevidde?', 'statistik for opslag'],
  ['Krisekommunikation under en storm'],
];
const index = new CharNgramIndex(documents);

/** The touched documents of a search with their similarity, best first. */
function ranked(query: string): { doc: number; similarity: number }[] {
  return [...index.search(query)].map((doc) => ({ doc, similarity: index.similarityOf(doc) })).sort((a, b) => b.similarity - a.similarity);
}

describe('n-gram features', () => {
  it('has the stem of each word and its boundary-padded 3- and 4-grams', () => {
    expect(ngramFeatures('Facebook')).toEqual([
      '=facebook',
      ' fa', 'fac', 'ace', 'ceb', 'ebo', 'boo', 'ook', 'ok ',
      ' fac', 'face', 'aceb', 'cebo', 'eboo', 'book', 'ook ',
    ]);
    expect(ngramFeatures('kommentarer')).toContain('=kommentar');
    expect(ngramFeatures('kommentarer')).toContain(' kom');
    expect(ngramFeatures('kommentarer')).toContain('rer ');
  });

  it('drops stop words', () => {
    expect(ngramFeatures('og i på hvordan kan vi')).toEqual([]);
    expect(ngramFeatures('må vi slette')).toEqual(ngramFeatures('slette'));
  });

  it('folds æ, ø and å, so ae/oe/aa spellings get the same features', () => {
    expect(ngramFeatures('Må vi bruge rækkevidde på første side?')).toEqual(ngramFeatures('maa vi bruge raekkevidde paa foerste side?'));
    expect(ngramFeatures('Blokér')).toEqual(ngramFeatures('bloker'));
    expect(ngramFeatures('rækkevidde').some((f) => /[æøå]/.test(f))).toBe(false);
  });
});

describe('the character n-gram index', () => {
  it('gives cosines in [0, 1]', () => {
    for (const query of ['slette kommentarer', 'blokere', 'tavshedspligt sociale medier kommentarer', 'krise storm facebook', 'statistik']) {
      const results = ranked(query);
      expect(results.length).toBeGreaterThan(0);
      for (const { similarity } of results) {
        expect(similarity).toBeGreaterThan(0);
        expect(similarity).toBeLessThanOrEqual(1 + 1e-6);
      }
    }
  });

  it('gives identical text a similarity of about 1 and ranks it first', () => {
    const [first, second] = ranked('Krisekommunikation under en storm');
    expect(first?.doc).toBe(4);
    expect(first?.similarity).toBeCloseTo(1, 4);
    expect(second === undefined || second.similarity < 0.5).toBe(true);
  });

  it.each([
    ['slete komentarene', 0],
    ['facebookkommentarer', 0],
    ['blokerede brugere', 1],
    ['tavshedspligten', 2],
    ['raekkevidde', 3],
  ])('finds the right document for a typo, inflection or compound: %s', (query, doc) => {
    const [first, second] = ranked(query);
    expect(first?.doc).toBe(doc);
    expect(first?.similarity).toBeGreaterThan(0.3);
    expect(first?.similarity ?? 0).toBeGreaterThan(2 * (second?.similarity ?? 0));
  });

  it('touches no document for a query that shares nothing with the index', () => {
    expect(index.search('zzqx wvjy')).toEqual([]);
    expect(index.search('og i på')).toEqual([]);
    expect(index.search('')).toEqual([]);
  });

  it('does not leak similarities from one search into the next', () => {
    const first = ranked('facebook');
    expect(first.map((r) => r.doc)).toEqual([0]);
    expect(index.similarityOf(0)).toBeGreaterThan(0);
    const second = ranked('instagram');
    expect(second[0]?.doc).toBe(1);
    expect(second.map((r) => r.doc)).not.toContain(0);
    expect(index.similarityOf(0)).toBe(0);
    expect(index.similarityOf(1)).toBeGreaterThan(0);
    expect(index.search('zzqx')).toEqual([]);
    expect(index.similarityOf(1)).toBe(0);
  });

  it('scores a repeated search the same', () => {
    const a = ranked('slette kommentarer på facebook');
    ranked('blokere en bruger');
    expect(ranked('slette kommentarer på facebook')).toEqual(a);
  });

  it('handles an empty index', () => {
    const empty = new CharNgramIndex([]);
    expect(empty.search('facebook')).toEqual([]);
    expect(empty.similarityOf(0)).toBe(0);
  });
});
