import { describe, expect, it } from 'vitest';
import { cardBytes, MAX_CARD_BYTES } from '../../../src/adapters/teams/adaptive-card.ts';
import { isInboxCommand } from '../../../src/adapters/teams/inbox-commands.ts';
import { inboxCard, readInboxSubmit } from '../../../src/adapters/teams/inbox-card.ts';
import { readCase, type CasePayload } from '../../../src/escalation/case-payload.ts';
import type { CaseStatus } from '../../../src/store/records.ts';
import { cardErrors } from './card-schema.ts';

function view(status: CaseStatus, patch: Partial<CasePayload> = {}) {
  const reference = { channel: 'web' as const, conversationId: 'web:1', userId: 'u1', locale: 'da' as const };
  const payload: CasePayload = {
    submissionKey: 'esc-1',
    topic: 'Shitstorm *på* Facebook',
    description: 'Vrede kommentarer <script>',
    urgency: 'urgent',
    municipality: 'Aarhus Kommune',
    contact: { name: 'Mette', email: 'mette@aarhus.dk' },
    consent: true,
    transcript: [{ at: '2026-03-02T10:00:00Z', from: 'user', text: 'hjælp' }],
    requester: { platform: 'web', userId: 'u1', conversationId: 'web:1', reference },
    expectedBy: '2026-03-02T12:00:00Z',
    history: [{ status: 'new', at: '2026-03-02T10:00:00Z' }],
    ...patch,
  };
  const at = new Date('2026-03-02T10:00:00Z');
  return readCase({ id: 'case-1', number: 'KL-2026-0007', status, payload, createdAt: at, updatedAt: at });
}

const actionsOf = (card: ReturnType<typeof inboxCard>) => card.body.flatMap((e) => (e.type === 'ActionSet' ? e.actions : []));

describe('Teams inbox card', () => {
  it('is a valid Adaptive Card 1.5 with the case, escaped text and both buttons while new', () => {
    const card = inboxCard(view('new'));
    expect(cardErrors(card)).toEqual([]);
    const text = JSON.stringify(card);
    for (const expected of ['KL-2026-0007', 'Akut', 'Aarhus Kommune', 'mette@aarhus.dk', 'hjælp']) expect(text).toContain(expected);
    expect(text).toContain('Shitstorm \\\\*på\\\\* Facebook');
    expect(actionsOf(card).map((a) => [a.title, readInboxSubmit(a.data)])).toEqual([
      ['Overtag', { action: 'claim', caseId: 'case-1' }],
      ['Afslut', { action: 'resolve', caseId: 'case-1' }],
    ]);
  });

  it('shows who took and who closed the case, with only Afslut and then no buttons', () => {
    const claimed = inboxCard(view('claimed', { claimedBy: 'Karin' }));
    expect(JSON.stringify(claimed)).toContain('Overtaget af Karin');
    expect(actionsOf(claimed).map((a) => a.title)).toEqual(['Afslut']);
    const resolved = inboxCard(view('resolved', { claimedBy: 'Karin', resolvedBy: 'Karin' }));
    expect(JSON.stringify(resolved)).toContain('Afsluttet af Karin');
    expect(actionsOf(resolved)).toEqual([]);
    expect(cardErrors(resolved)).toEqual([]);
  });

  it('stays under the message size limit with a very long description and transcript, keeping the latest lines', () => {
    const transcript = Array.from({ length: 400 }, (_, i) => ({ at: '2026-03-02T10:00:00Z', from: 'user' as const, text: `linje ${i} ${'x'.repeat(100)}` }));
    const card = inboxCard(view('new', { description: 'y'.repeat(20_000), transcript }));
    expect(cardBytes(card)).toBeLessThan(MAX_CARD_BYTES);
    expect(JSON.stringify(card)).toContain('linje 399');
    expect(JSON.stringify(card)).not.toContain('linje 0 ');
  });

  it('reads only inbox submits back', () => {
    expect(readInboxSubmit({ choice: 'x' })).toBeUndefined();
    expect(readInboxSubmit({ inbox: 'delete', caseId: 'c' })).toBeUndefined();
    expect(readInboxSubmit({ inbox: 'claim', caseId: '' })).toBeUndefined();
  });
});

describe('the inbox command', () => {
  it('matches the Danish and English command as the whole message', () => {
    for (const text of ['konsulentindbakke', 'Konsulentindbakke!', 'registrer konsulentindbakke', 'consultant inbox', 'register consultant inbox']) expect(isInboxCommand(text)).toBe(true);
    for (const text of ['hvad er en konsulentindbakke?', 'tal med en konsulent', 'inbox']) expect(isInboxCommand(text)).toBe(false);
  });
});
