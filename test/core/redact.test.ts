import { describe, expect, it } from 'vitest';
import { findCprNumbers, redactPersonalData } from '../../src/core/redact.ts';

describe('redacting personal data', () => {
  it('removes CPR numbers with and without a dash, only for valid dates', () => {
    expect(redactPersonalData('cpr 010190-1234 og 0101901234').text).toBe('cpr [CPR-nummer fjernet] og [CPR-nummer fjernet]');
    expect(findCprNumbers('320190-1234 311390-1234 290200-1234 300290-1234')).toEqual(['290200-1234']);
  });

  it('removes e-mail addresses except those to keep', () => {
    const r = redactPersonalData('skriv til jens@kommune.dk eller mig@example.org', { keepEmails: ['MIG@example.org'] });
    expect(r.text).toBe('skriv til [e-mail fjernet] eller mig@example.org');
    expect(r.found).toEqual(['email']);
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
});
