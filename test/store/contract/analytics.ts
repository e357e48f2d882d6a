import { describe, expect, it } from 'vitest';
import type { ContractContext } from '../store-contract.ts';

const day = (d: number) => new Date(Date.UTC(2026, 0, d, 12));

/** Analytics events: append, read by time and type, purge old ones. */
export function analyticsContract(ctx: ContractContext): void {
  describe('analytics events', () => {
    it('appends events and reads them back oldest first, filtered by time window and type', async () => {
      const store = await ctx.migrated();
      const late = await store.appendAnalyticsEvent({ type: 'answer', payload: { faq: 'tiktok' }, at: day(3) });
      const early = await store.appendAnalyticsEvent({ type: 'question', payload: { confident: false }, at: day(1) });
      const middle = await store.appendAnalyticsEvent({ type: 'answer', payload: { faq: 'kritik' }, at: day(2) });
      expect(late).toMatchObject({ type: 'answer', payload: { faq: 'tiktok' }, at: day(3) });
      expect(await store.listAnalyticsEvents()).toEqual([early, middle, late]);
      expect(await store.listAnalyticsEvents({ since: day(2) })).toEqual([middle, late]);
      expect(await store.listAnalyticsEvents({ until: day(2) })).toEqual([early]);
      expect(await store.listAnalyticsEvents({ type: 'answer', until: day(3) })).toEqual([middle]);
    });

    it('stores every event appended at once, each returned to its own caller', async () => {
      const store = await ctx.migrated();
      const texts = ['it\'s "quoted"', 'æøå \\ {braces}', 'plain'];
      const events = await Promise.all(texts.map((text, i) => store.appendAnalyticsEvent({ type: `t${i}`, payload: { text }, at: day(i + 1) })));
      expect(events.map((e) => [e.type, e.payload.text])).toEqual(texts.map((text, i) => [`t${i}`, text]));
      expect(new Set(events.map((e) => e.id)).size).toBe(3);
      expect(await store.listAnalyticsEvents()).toEqual(events);
    });

    it('stamps an event with the current time when none is given', async () => {
      const store = await ctx.migrated();
      const before = Date.now();
      const event = await store.appendAnalyticsEvent({ type: 'escalation', payload: {} });
      expect(event.at.getTime()).toBeGreaterThanOrEqual(before);
      expect(event.at.getTime()).toBeLessThanOrEqual(Date.now());
    });

    it('purges events older than a cutoff and reports how many went', async () => {
      const store = await ctx.migrated();
      for (const d of [1, 2, 3, 4]) await store.appendAnalyticsEvent({ type: 'answer', payload: {}, at: day(d) });
      expect(await store.purgeAnalyticsOlderThan(day(3))).toBe(2);
      expect((await store.listAnalyticsEvents()).map((e) => e.at)).toEqual([day(3), day(4)]);
    });
  });
}
