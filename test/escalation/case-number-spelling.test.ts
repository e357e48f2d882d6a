import { describe, expect, it } from 'vitest';
import { storedCaseNumber } from '../../src/escalation/case-number-spelling.ts';

describe('storedCaseNumber', () => {
  it('spells a case number typed in another letter case as the store does', () => {
    expect(storedCaseNumber('kl-2026-0004', 'KL')).toBe('KL-2026-0004');
    expect(storedCaseNumber(' Kl-2026-0004 ', 'KL')).toBe('KL-2026-0004');
    expect(storedCaseNumber('AARHUS-2026-0042', 'aarhus')).toBe('aarhus-2026-0042');
    expect(storedCaseNumber('odense-2026-0042', 'KL')).toBe('ODENSE-2026-0042');
  });

  it('leaves what is spelled so already, or is no case number, alone', () => {
    expect(storedCaseNumber('KL-2026-0004', 'KL')).toBeUndefined();
    expect(storedCaseNumber('3f2b8c1e-0000-4000-8000-000000000000', 'KL')).toBeUndefined();
    expect(storedCaseNumber('kl-26-4', 'KL')).toBeUndefined();
  });
});
