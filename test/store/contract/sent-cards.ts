import { describe, expect, it } from 'vitest';
import type { ContractContext } from '../store-contract.ts';

const MINUTE = 60_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const card = { locale: 'da', message: { blocks: [{ type: 'text', markdown: 'Må vi slette kommentarer? Æøå' }], fallback: 'Må vi' } };

/** Sent cards: a copy per conversation and activity id, seen by every instance until it expires. */
export function sentCardsContract(ctx: ContractContext): void {
  describe('sent cards', () => {
    it('keeps a card per conversation and activity id, and another instance finds it', async () => {
      const [a, b] = [await ctx.migrated(), await ctx.migrated()];
      await a.saveSentCard('teams:a:1', 'act-1', card, MINUTE);
      await a.saveSentCard('teams:a:2', 'act-1', { other: true }, MINUTE);
      expect(await b.findSentCard('teams:a:1', 'act-1')).toEqual(card);
      expect(await b.findSentCard('teams:a:2', 'act-1')).toEqual({ other: true });
      expect(await b.findSentCard('teams:a:1', 'act-2')).toBeNull();
    });

    it('replaces a card saved again under the same ids', async () => {
      const store = await ctx.migrated();
      await store.saveSentCard('c', 'act', { v: 1 }, MINUTE);
      await store.saveSentCard('c', 'act', { v: 2 }, MINUTE);
      expect(await store.findSentCard('c', 'act')).toEqual({ v: 2 });
    });

    it('forgets a card once it expired, and the purge removes only expired cards', async () => {
      const store = await ctx.migrated();
      await store.saveSentCard('c', 'short', card, 5);
      await store.saveSentCard('c', 'long', card, MINUTE);
      await sleep(30);
      expect(await store.findSentCard('c', 'short')).toBeNull();
      expect(await store.purgeExpired(new Date(), MINUTE)).toBe(1);
      expect(await store.findSentCard('c', 'long')).toEqual(card);
    });
  });
}
