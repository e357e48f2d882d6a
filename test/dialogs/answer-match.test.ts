import { describe, expect, it } from 'vitest';
import { matchLabel, normaliseAnswer, typedCommand, typedNumber } from '../../src/dialogs/answer-match.ts';

const labels = [
  ['Kritik af kommunen – saglig, måske skarp'],
  ['Fejl eller rygte – noget, der ikke passer'],
  ['Borgerens egen sag – med personlige oplysninger'],
  ['Angreb – chikane, trusler eller had'],
  ['Spam, svindel eller falsk profil'],
];

describe('answer matching', () => {
  it('reads typed numbers', () => {
    expect(['2', ' 2. ', '2)', 'nr. 2', 'Nr 2'].map(typedNumber)).toEqual([2, 2, 2, 2, 2]);
    expect(['', 'to', '2 timer', '123'].map(typedNumber)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('reads navigation words in Danish and English', () => {
    expect(['Tilbage', 'gå tilbage!', 'back', 'Start forfra', 'stop', 'Stop guiden', 'afslut'].map(typedCommand)).toEqual([
      'back', 'back', 'back', 'restart', 'stop', 'stop', 'stop',
    ]);
    expect(typedCommand('tilbage til start')).toBeUndefined();
  });

  it('folds case, æøå spellings and punctuation', () => {
    expect(normaliseAnswer('  Må VI – slette?! ')).toBe('maa vi slette');
  });

  it('matches the whole label, its key phrase, or a close misspelling', () => {
    expect(matchLabel('kritik af kommunen – saglig, måske skarp', labels, false)).toBe(0);
    expect(matchLabel('Fejl eller rygte', labels, false)).toBe(1);
    expect(matchLabel('borgerens egen sag', labels, false)).toBe(2);
    expect(matchLabel('krtik', labels, true)).toBe(0);
    expect(matchLabel('angrb', labels, true)).toBe(3);
    expect(matchLabel('svindl', labels, true)).toBe(4);
    expect(matchLabel('rygte', labels, true)).toBe(1);
  });

  it('matches nothing for unrelated text, short text without exact match, or when fuzzy matching is off', () => {
    expect(matchLabel('må vi slette kommentarer på facebook', labels, true)).toBeUndefined();
    expect(matchLabel('hej', labels, true)).toBeUndefined();
    expect(matchLabel('ja', labels, true)).toBeUndefined();
    expect(matchLabel('krtik', labels, false)).toBeUndefined();
    // the trial's "ved ikke" had become "Fejl eller rygte – noget, der ikke passer"
    expect(matchLabel('ved ikke', labels, true)).toBeUndefined();
    expect(matchLabel('det ved jeg ikke', labels, true)).toBeUndefined();
  });

  it('refuses an ambiguous key phrase', () => {
    const yesNo = [['Ja – helt'], ['Ja – delvist'], ['Nej']];
    expect(matchLabel('ja', yesNo, true)).toBeUndefined();
    expect(matchLabel('nej', yesNo, true)).toBe(2);
    expect(matchLabel('Ja – delvist', yesNo, true)).toBe(1);
  });
});

describe('an answer that opens with yes or no', () => {
  const evening = [['Ja – aften, weekend eller helligdag'], ['Nej – i arbejdstiden']];
  const threats = [['Ja – nogen kan være i fare nu'], ['Ja – mod navngivne medarbejdere eller politikere'], ['Ja – mod kommunen generelt'], ['Nej – ikke indtil videre']];

  it('picks the one answer that says it, after filler words, in Danish or English', () => {
    expect(matchLabel('ja det er fredag aften kl halv 11', evening, true)).toBe(0);
    expect(matchLabel('ok nej det har vi ikke', evening, true)).toBe(1);
    expect(matchLabel('Yes, it is Saturday', evening, true)).toBe(0);
    expect(matchLabel('nej ikke endnu', threats, true)).toBe(3);
  });

  it('picks the one answer that opens with the word the typed answer opens with', () => {
    expect(matchLabel('kritik tror jeg, moren er mega sur over billedet', labels, true)).toBe(0);
    expect(matchLabel('delvist, vi burde nok ha fjernet det hurtigere', [['Ja – vi har lavet en fejl'], ['Delvist – der er noget om det'], ['Nej – kommunen har handlet korrekt']], true)).toBe(1);
    // a word that says nothing of its own is no answer
    expect(matchLabel('vi ved det ikke', [['Vi har en politik'], ['Ingen politik']], true)).toBeUndefined();
  });

  it('leaves it open when several answers say it, or when it is asked as a question', () => {
    expect(matchLabel('ja de truer', threats, true)).toBeUndefined();
    expect(matchLabel('ja men hvad skriver vi så?', evening, true)).toBeUndefined();
    expect(matchLabel('måske', evening, true)).toBeUndefined();
  });
});
