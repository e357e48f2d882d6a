import { describe, expect, it } from 'vitest';
import { correctSlips, findTypingSlips, lowerCaseWords } from '../../src/knowledge/typing-slips.ts';

const KNOWN = new Set(lowerCaseWords('kommune kommunen borgere borgerne instagram facebook hjemmeside sager sagen opslag side'));

describe('obvious typing slips', () => {
  it('finds two neighbouring letters swapped and a letter typed three times, keeping a capital first letter', () => {
    expect(findTypingSlips('Vi vil nå borgrene i kommuen på isntagram', KNOWN)).toEqual([
      { typed: 'borgrene', meant: 'borgerne' },
      { typed: 'kommuen', meant: 'kommune' },
      { typed: 'isntagram', meant: 'instagram' },
    ]);
    expect(findTypingSlips('Kommmunen og Hjemmesdie', KNOWN)).toEqual([
      { typed: 'Kommmunen', meant: 'Kommunen' },
      { typed: 'Hjemmesdie', meant: 'Hjemmeside' },
    ]);
  });

  it('leaves known words, short words, acronyms, words with no known repair and words with two repairs alone', () => {
    expect(findTypingSlips('Kommunen har mange opslag', KNOWN)).toEqual([]);
    expect(findTypingSlips('sdie', KNOWN)).toEqual([]);
    expect(findTypingSlips('KOMMUEN og FaecBook', KNOWN)).toEqual([]);
    expect(findTypingSlips('Aabenraa og klimaplanen', KNOWN)).toEqual([]);
    expect(findTypingSlips('sgaen', new Set(['sagen', 'sgane']))).toEqual([]);
  });

  it('replaces only the slipped words in the text', () => {
    const text = 'Borgrene i kommuen, og kommuen igen.';
    expect(correctSlips(text, findTypingSlips(text, KNOWN))).toBe('Borgerne i kommune, og kommune igen.');
  });
});
