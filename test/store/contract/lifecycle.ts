import { describe, expect, it } from 'vitest';
import { StoreUnavailableError } from '../../../src/store/store.ts';
import type { ContractContext } from '../store-contract.ts';
import { sampleState } from './conversations.ts';

const DAY = 86_400_000;

/** Retention of conversation state, ping and close. */
export function lifecycleContract(ctx: ContractContext): void {
  describe('retention', () => {
    it('removes conversation state idle longer than the TTL and keeps the rest', async () => {
      const store = await ctx.migrated();
      await store.saveConversation('idle', sampleState(), null);
      expect(await store.purgeExpired(new Date(Date.now() + 29 * DAY), 30 * DAY)).toBe(0);
      expect(await store.loadConversation('idle')).not.toBeNull();
      expect(await store.purgeExpired(new Date(Date.now() + 31 * DAY), 30 * DAY)).toBe(1);
      expect(await store.loadConversation('idle')).toBeNull();
    });

    it('counts a write as activity', async () => {
      const store = await ctx.migrated();
      await store.saveConversation('busy', sampleState(), null);
      await new Promise((r) => setTimeout(r, 250));
      await store.saveConversation('busy', sampleState('later'), 1);
      // Idle for a few ms now; a 150 ms TTL keeps it although it was created 250+ ms ago.
      expect(await store.purgeExpired(new Date(), 150)).toBe(0);
      expect((await store.loadConversation('busy'))?.version).toBe(2);
    });

    it('starts a purged conversation afresh and turns a stale write into a conflict', async () => {
      const store = await ctx.migrated();
      await store.saveConversation('c1', sampleState(), null);
      await store.purgeExpired(new Date(Date.now() + 2 * DAY), DAY);
      await expect(store.saveConversation('c1', sampleState(), 1)).rejects.toThrow(/reload and re-apply/);
      expect(await store.saveConversation('c1', sampleState(), null)).toBe(1);
    });
  });

  describe('ping and close', () => {
    it('answers ping while open', async () => {
      const store = await ctx.migrated();
      await expect(store.ping()).resolves.toBeUndefined();
    });

    it('reports StoreUnavailableError after close, and closing twice is harmless', async () => {
      const store = await ctx.migrated();
      await store.close();
      await store.close();
      await expect(store.ping()).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.loadConversation('c1')).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.markEventSeen('Ev01', 1000)).rejects.toBeInstanceOf(StoreUnavailableError);
    });
  });
}
