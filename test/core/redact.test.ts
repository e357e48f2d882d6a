import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findCprNumbers, redactCprNumbers, redactPersonalData, withoutPlaceholders } from '../../src/core/redact.ts';
import { CPR_SEPARATORS, cprSpelling, survivingCprNumbers } from '../support/cpr-spellings.ts';

describe('redacting personal data', () => {
  it('removes CPR numbers with and without a dash, only for valid dates', () => {
    expect(redactPersonalData('cpr 010190-1234 og 0101901234').text).toBe('cpr [CPR-nummer fjernet] og [CPR-nummer fjernet]');
    expect(findCprNumbers('320190-1234 311390-1234 290200-1234 300290-1234')).toEqual(['290200-1234']);
  });

  it.each(Object.entries(CPR_SEPARATORS))('removes a CPR number separated by %s, and only the number', (_name, separator) => {
    const text = `Borgeren (${'010190'}${separator}1234) skrev igen.`;
    expect(redactPersonalData(text)).toEqual({ text: 'Borgeren ([CPR-nummer fjernet]) skrev igen.', found: ['cpr'] });
    expect(redactCprNumbers(text).text).toBe('Borgeren ([CPR-nummer fjernet]) skrev igen.');
  });

  it('removes CPR numbers with full-width digits, invisible characters inside, and a hyphen before or after', () => {
    expect(redactPersonalData('nr. ０１０１９０－１２３４.').text).toBe('nr. [CPR-nummer fjernet].');
    expect(redactPersonalData('nr. 01\u00AD01\u200B90-\u20601234\uFEFF!').text).toBe('nr. [CPR-nummer fjernet]\uFEFF!');
    expect(redactPersonalData('cpr:-010190-1234- og -0101901234').text).toBe('cpr:-[CPR-nummer fjernet]- og -[CPR-nummer fjernet]');
    expect(redactPersonalData('æøå 010190\u20131234 𝟘 ü').text).toBe('æøå [CPR-nummer fjernet] 𝟘 ü');
  });

  it('keeps the valid-date rule for every spelling', () => {
    expect(findCprNumbers('320190\u20131234 311390\u00A01234 300290/1234 ３２０１９０-１２３４')).toEqual([]);
    expect(findCprNumbers('290200\u20131234')).toEqual(['290200\u20131234']);
  });

  it('leaves dates, amounts, case numbers and other ordinary numbers alone', () => {
    const text = 'Mødet 12-05-2024 kl. 10.30, sag KL-2026-0042, beløb 1.250.000 kr. (2.500,50 kr.), år 2019-2023, § 119, 64 %, uge 12/2024, 010190-12345';
    expect(redactPersonalData(text)).toEqual({ text, found: [] });
    // written the ISO way too (the escalation trial's "opslaget fra 2026-12-08" lost its date), with a time after it
    const iso = 'opslaget fra 2026-12-08 fik 300 kommentarer; Tidstest urgent 2026-12-08 09:30:00';
    expect(redactPersonalData(iso)).toEqual({ text: iso, found: [] });
    expect(redactPersonalData('ring 2026 1208').found).toEqual(['phone']);
  });

  it('finds every generated spelling and leaves the text around it unchanged', () => {
    fc.assert(
      fc.property(cprSpelling, fc.constantFrom('Sagen om ', '', 'cpr: ', 'nr.\n'), fc.constantFrom(' skriver igen', '', ', tak.'), (cpr, before, after) => {
        const redacted = redactPersonalData(`${before}${cpr.typed}${after}`).text;
        expect(survivingCprNumbers(redacted, [cpr.digits])).toEqual([]);
        expect(redacted.startsWith(before)).toBe(true);
        expect(redacted.endsWith(after)).toBe(true);
        expect(redacted).toContain('[CPR-nummer fjernet]');
      }),
      { numRuns: 2000, seed: 18 },
    );
  });

  it('removes e-mail addresses except those to keep', () => {
    const r = redactPersonalData('skriv til jens@kommune.dk eller mig@example.org', { keepEmails: ['MIG@example.org'] });
    expect(r.text).toBe('skriv til [e-mail fjernet] eller mig@example.org');
    expect(r.found).toEqual(['email']);
  });

  it('removes an address typed without its ending, and leaves a handle without a name before the @', () => {
    expect(redactPersonalData('kontakt: hanne@vejle').text).toBe('kontakt: [e-mail fjernet]');
    expect(redactPersonalData('skriv til @vejlekommune på X').text).toBe('skriv til @vejlekommune på X');
  });

  it('removes e-mail addresses correctly in inputs built to make a backtracking pattern slow', () => {
    expect(redactPersonalData(`${'a'.repeat(3999)}@`).text).toBe(`${'a'.repeat(3999)}@`);
    expect(redactPersonalData(`${'a'.repeat(3990)}@kommune.dk`).text).toBe('[e-mail fjernet]');
    expect(redactPersonalData(`@${'a.'.repeat(1999)}`).text).toBe(`@${'a.'.repeat(1999)}`);
    expect(redactPersonalData('x@a.dk..y@b.dk _z@c.dk').text).toBe('[e-mail fjernet][e-mail fjernet] [e-mail fjernet]');
    expect(redactPersonalData('søren.ærø@kommune.dk 𝒶@𝒷.dk').text).toBe('[e-mail fjernet] [e-mail fjernet]');
  });

  it('removes Danish and international phone numbers', () => {
    expect(redactPersonalData('ring 12 34 56 78, +45 12345678 eller 0045 1234 5678').text).toBe(
      'ring [telefonnummer fjernet], [telefonnummer fjernet] eller [telefonnummer fjernet]',
    );
  });

  it('leaves years, paragraphs and short numbers alone', () => {
    const text = 'straffeloven § 119 a fra 2019, 64% i 2023, trin 2 af 5';
    expect(redactPersonalData(text)).toEqual({ text, found: [] });
  });

  it('reads redacted text for its meaning without the placeholders, and leaves other text as it is', () => {
    const redacted = redactPersonalData('skal jeg skrive til låneren 010203-1234 på 41 22 33 44 eller a@b.dk?').text;
    expect(withoutPlaceholders(redacted)).toBe('skal jeg skrive til låneren på eller ?');
    expect(withoutPlaceholders(redactPersonalData('010203-1234').text)).toBe('');
    expect(withoutPlaceholders('hvad betyder [fjernet] i en [tekst]')).toBe('hvad betyder [fjernet] i en [tekst]');
  });
});
