import { describe, expect, it } from 'vitest';
import { askedSentences } from '../../src/knowledge/asked-sentences.ts';

describe('askedSentences', () => {
  it('finds the sentences of a long message that ask something', () => {
    const message = 'Jeg er leder af hjemmeplejen. En pårørende skriver til os hver dag. Skal vi anmelde det? Og skal beskederne gemmes?';
    expect(askedSentences(message)).toEqual(['Skal vi anmelde det?', 'Og skal beskederne gemmes?']);
  });

  it('keeps an abbreviation such as "f.eks." inside its sentence', () => {
    expect(askedSentences('Vi har f.eks. fået tre trusler. Hvad gør vi nu?')).toEqual(['Hvad gør vi nu?']);
  });

  it('finds none in a message of one sentence, or one that asks nothing', () => {
    expect(askedSentences('må vi slette kommentarer?')).toEqual([]);
    expect(askedSentences('Vi har fået en shitstorm. Alle er vrede.')).toEqual([]);
  });
});
