import { describe, expect, it } from 'vitest';
import type { ContractContext } from '../store-contract.ts';

const DAY = 24 * 60 * 60 * 1000;

/** The conversation log (the playground's history): append, read after a position, keyed, bounded, purged with the state. */
export function conversationLogContract(ctx: ContractContext): void {
  describe('conversation log', () => {
    it('reads entries back in order, after a given position, per conversation', async () => {
      const store = await ctx.migrated();
      await store.appendConversationLog('web:a', [{ kind: 'user', payload: { text: 'hej' } }, { kind: 'bot', payload: { messages: [{ fallback: 'Hej, Søren' }] } }], 100);
      await store.appendConversationLog('web:b', [{ kind: 'user', payload: { text: 'andet' } }], 100);
      const all = await store.readConversationLog('web:a', 0, 100);
      expect(all.map((e) => [e.kind, e.payload])).toEqual([
        ['user', { text: 'hej' }],
        ['bot', { messages: [{ fallback: 'Hej, Søren' }] }],
      ]);
      expect(all[1]?.seq).toBeGreaterThan(all[0]?.seq ?? Infinity);
      expect(await store.readConversationLog('web:a', all[0]?.seq ?? 0, 100)).toEqual([all[1]]);
      expect(await store.readConversationLog('web:a', all[1]?.seq ?? 0, 100)).toEqual([]);
    });

    it('stores a keyed entry once, however often it is appended (two instances included)', async () => {
      const a = await ctx.migrated();
      const b = await ctx.migrated();
      const note = { kind: 'notification' as const, key: 'case-1:requester:web:reply:m1', payload: { messages: [] } };
      await a.appendConversationLog('web:a', [note], 100);
      await b.appendConversationLog('web:a', [note], 100);
      await a.appendConversationLog('web:a', [note], 100);
      expect(await a.readConversationLog('web:a', 0, 100)).toHaveLength(1);
    });

    it('keeps only the newest entries of a conversation, and reads the newest when asked for fewer', async () => {
      const store = await ctx.migrated();
      for (let i = 1; i <= 7; i++) await store.appendConversationLog('web:a', [{ kind: 'user', payload: { text: `${i}` } }], 5);
      await store.appendConversationLog('web:b', [{ kind: 'user', payload: { text: 'b' } }], 5);
      expect((await store.readConversationLog('web:a', 0, 100)).map((e) => e.payload.text)).toEqual(['3', '4', '5', '6', '7']);
      expect((await store.readConversationLog('web:a', 0, 2)).map((e) => e.payload.text)).toEqual(['6', '7']);
      expect(await store.readConversationLog('web:b', 0, 100)).toHaveLength(1);
    });

    it('is purged after the state time-to-live, with the conversations', async () => {
      const store = await ctx.migrated();
      const now = new Date();
      await store.appendConversationLog('web:a', [{ kind: 'user', payload: { text: 'gammel' }, at: new Date(now.getTime() - 31 * DAY) }], 100);
      await store.appendConversationLog('web:a', [{ kind: 'user', payload: { text: 'ny' }, at: now }], 100);
      await store.purgeExpired(now, 30 * DAY);
      expect((await store.readConversationLog('web:a', 0, 100)).map((e) => e.payload.text)).toEqual(['ny']);
    });
  });
}
