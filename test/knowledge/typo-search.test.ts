import fc from 'fast-check';
import Fuse from 'fuse.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateEntries } from '../../bench/generate-entries.ts';
import { searchTerms } from '../../src/knowledge/danish-text.ts';
import { loadFaq } from '../../src/knowledge/faq-loader.ts';
import { allowedErrors, disjointPieces, TYPO_FUSE_OPTIONS, TypoSearch } from '../../src/knowledge/typo-search.ts';

// thousands of fuse.js searches over a vocabulary that grows with the knowledge: 8–11 s alone, several times that
// beside the other test files on a 2-core machine; the time is not what these tests check
const PROPERTY_TIMEOUT_MS = 120_000;

const LETTERS = 'abcdefghijklmnopqrstuvwxyzæøå-0123456789';

/** One typo: insert, delete, substitute or transpose at a position (taken modulo the word's length). */
type Typo = { kind: 'insert' | 'delete' | 'substitute' | 'transpose'; at: number; char: string };

function applyTypo(word: string, { kind, at, char }: Typo): string {
  const i = word.length === 0 ? 0 : at % word.length;
  if (kind === 'insert') return word.slice(0, i) + char + word.slice(i);
  if (kind === 'delete') return word.slice(0, i) + word.slice(i + 1);
  if (kind === 'substitute') return word.slice(0, i) + char + word.slice(i + 1);
  return i + 1 < word.length ? word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2) : word;
}

const typo = fc.record({
  kind: fc.constantFrom<Typo['kind']>('insert', 'delete', 'substitute', 'transpose'),
  at: fc.nat(64),
  char: fc.constantFrom(...LETTERS),
});

describe('TypoSearch', () => {
  let vocabulary: string[] = [];
  const groups = new Map<string, { filtered: TypoSearch; whole: Fuse<string> }>();
  /** The filtered and the plain fuse.js hits of `term` over its first-letter group of the vocabulary. */
  const both = (term: string) => {
    const initial = term[0] ?? '';
    let group = groups.get(initial);
    if (!group) {
      const terms = vocabulary.filter((t) => t[0] === initial);
      group = { filtered: new TypoSearch(terms), whole: new Fuse(terms, TYPO_FUSE_OPTIONS) };
      groups.set(initial, group);
    }
    const plain = group.whole.search(term, { limit: 5 }).map((hit) => ({ item: hit.item, score: hit.score ?? 1 }));
    return { filtered: group.filtered.search(term, 5), plain };
  };

  beforeAll(async () => {
    const { entries } = await loadFaq('knowledge/faq');
    const all = [...entries, ...generateEntries(entries, 300)];
    vocabulary = [...new Set(all.flatMap((e) => searchTerms([e.title, ...e.questions, ...e.keywords, e.answer].join(' '))))];
  });

  it('splits a pattern into allowed errors + 1 disjoint pieces that make it up', () => {
    expect(allowedErrors(4, 0.3)).toBe(1);
    expect(allowedErrors(10, 0.3)).toBe(3);
    expect(allowedErrors(20, 0.3)).toBe(6);
    expect(disjointPieces('facebook', 3)).toEqual(['fa', 'ceb', 'ook']);
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), (s) => {
        const pieces = disjointPieces(s, allowedErrors(s.length, 0.3) + 1);
        expect(pieces.join('')).toBe(s);
        expect(pieces.every((p) => p.length > 0)).toBe(true);
      }),
    );
  });

  it('finds what fuse.js over the whole group finds, in the same order, for typos of real terms', () => {
    fc.assert(
      fc.property(fc.nat(), fc.array(typo, { minLength: 1, maxLength: 4 }), (index, typos) => {
        const term = typos.reduce(applyTypo, vocabulary[index % vocabulary.length] ?? '');
        const { filtered, plain } = both(term);
        expect(filtered).toEqual(plain);
      }),
      { numRuns: 1500 },
    );
  }, PROPERTY_TIMEOUT_MS);

  it('agrees on compounds of real terms, long terms (fuse.js chunks) and random strings', () => {
    const word = fc.nat().map((i) => vocabulary[i % vocabulary.length] ?? '');
    const term = fc.oneof(
      fc.tuple(word, word, fc.array(typo, { maxLength: 3 })).map(([a, b, ts]) => ts.reduce(applyTypo, a + b)),
      fc.tuple(word, word, word).map(([a, b, c]) => a + b + c),
      fc.string({ unit: fc.constantFrom(...LETTERS), minLength: 1, maxLength: 12 }),
      fc.tuple(word, fc.constantFrom('A', 'Æ', 'Ø', 'Å')).map(([w, c]) => c + w.toUpperCase()),
    );
    fc.assert(
      fc.property(term, (t) => {
        const { filtered, plain } = both(t);
        expect(filtered).toEqual(plain);
      }),
      { numRuns: 800 },
    );
  }, PROPERTY_TIMEOUT_MS);
});
