import { describe, expect, it } from 'vitest';
import { CaseService } from '../../src/escalation/case-service.ts';
import type { CasePayload } from '../../src/escalation/case-payload.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';

const AT = new Date('2026-12-06T10:00:00.000Z');
const conversationId = 'console:order';

const payload: CasePayload = {
  submissionKey: 'order-1',
  topic: 'Vrede kommentarer',
  description: 'En borger skriver vredt.',
  urgency: 'days',
  municipality: 'Odder Kommune',
  contact: { name: 'Mette' },
  consent: false,
  transcript: [],
  requester: { platform: 'console', userId: 'u1', conversationId, reference: { channel: 'console', conversationId, userId: 'u1', locale: 'da' } },
  expectedBy: AT.toISOString(),
  history: [{ status: 'new', at: AT.toISOString() }],
};

describe('the order of a case exchange', () => {
  it('keeps the order the messages were written in when they share a millisecond', async () => {
    const store = new SqliteStore(':memory:');
    await store.migrate();
    try {
      // one clock reading for everything: the timestamps cannot tell the messages apart
      const cases = new CaseService({ store, consultantChannels: () => [], now: () => AT });
      const opened = await cases.open(payload);
      for (let round = 1; round <= 5; round++) {
        expect((await cases.reply(opened.case.number, `Spørgsmål ${round}`, 'Lars', 'cli')).ok).toBe(true);
        expect((await cases.answer(opened.case.id, { conversationId, userId: 'u1' }, `Svar ${round}`)).ok).toBe(true);
      }
      const view = await cases.get(opened.case.id);
      expect(view?.messages.map((m) => m.text)).toEqual([1, 2, 3, 4, 5].flatMap((round) => [`Spørgsmål ${round}`, `Svar ${round}`]));
    } finally {
      await store.close();
    }
  });
});
