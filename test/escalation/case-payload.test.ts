import { describe, expect, it } from 'vitest';
import { buildCasePayload } from '../../src/escalation/case-payload.ts';
import { emptyState } from '../../src/shared/conversation-state.ts';

describe('a case payload', () => {
  it('removes personal data typed into the name and municipality fields, keeping the contact given for the answer', () => {
    const turn = { channel: 'console' as const, conversationId: 'c1', user: { id: 'u1', locale: 'da' as const }, input: { kind: 'text' as const, text: '' } };
    const request = { topic: 'Hacket', description: 'Låst ude', urgency: 'urgent' as const, municipality: 'Kolding 41 22 33 44', name: 'Per 12 34 56 78 per@x.dk', email: 'per@x.dk', consent: false };
    const payload = buildCasePayload(turn, emptyState(), request, new Date('2026-12-08T10:00:00Z'));
    expect(payload.contact).toEqual({ name: 'Per [telefonnummer fjernet] per@x.dk', email: 'per@x.dk' });
    expect(payload.municipality).toBe('Kolding [telefonnummer fjernet]');
  });
});
