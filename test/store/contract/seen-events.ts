import { describe, expect, it } from 'vitest';
import type { ContractContext } from '../store-contract.ts';

const MINUTE = 60_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Seen event ids: a redelivery is recognised, also by another instance, until its TTL runs out. */
export function seenEventsContract(ctx: ContractContext): void {
  describe('seen event ids', () => {
    it('is true the first time and false for a redelivery', async () => {
      const store = await ctx.migrated();
      expect(await store.markEventSeen('Ev01', MINUTE)).toBe(true);
      expect(await store.markEventSeen('Ev01', MINUTE)).toBe(false);
      expect(await store.markEventSeen('Ev02', MINUTE)).toBe(true);
    });

    it('recognises a redelivery that reaches another instance', async () => {
      const [a, b] = [await ctx.migrated(), await ctx.migrated()];
      expect(await a.markEventSeen('Ev01', MINUTE)).toBe(true);
      expect(await b.markEventSeen('Ev01', MINUTE)).toBe(false);
    });

    it('lets exactly one of several concurrent deliveries through', async () => {
      const [a, b] = [await ctx.migrated(), await ctx.migrated()];
      const results = await Promise.all([a, b, a, b].map((s) => s.markEventSeen('Ev01', MINUTE)));
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('accepts an id again once its TTL has run out', async () => {
      const store = await ctx.migrated();
      expect(await store.markEventSeen('Ev01', 5)).toBe(true);
      await sleep(30);
      expect(await store.markEventSeen('Ev01', MINUTE)).toBe(true);
      expect(await store.markEventSeen('Ev01', MINUTE)).toBe(false);
    });

    it('purges expired ids and keeps live ones', async () => {
      const store = await ctx.migrated();
      await store.markEventSeen('short', 5);
      await store.markEventSeen('long', MINUTE);
      await sleep(30);
      expect(await store.purgeExpired(new Date(), MINUTE)).toBe(1);
      expect(await store.markEventSeen('long', MINUTE)).toBe(false);
      expect(await store.markEventSeen('short', MINUTE)).toBe(true);
    });
  });
}
