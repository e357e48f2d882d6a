import { describe, expect, it } from 'vitest';
import type { ContractContext } from '../store-contract.ts';

/** Run-time settings: a small key–value table, durable and shared by every instance. */
export function settingsContract(ctx: ContractContext): void {
  describe('settings', () => {
    it('is null for a key that was never set', async () => {
      const store = await ctx.migrated();
      expect(await store.getSetting('consultant-inbox:teams')).toBeNull();
    });

    it('round-trips a nested JSON object with Danish text', async () => {
      const store = await ctx.migrated();
      const value = { serviceUrl: 'https://smba.example/emea/', conversation: { id: '19:abc@thread.tacv2', isGroup: true }, by: 'Søren Ærø', n: 3 };
      await store.putSetting('consultant-inbox:teams', value);
      expect(await store.getSetting('consultant-inbox:teams')).toEqual(value);
    });

    it('replaces a value on the second put and keeps other keys apart', async () => {
      const store = await ctx.migrated();
      await store.putSetting('a', { v: 1 });
      await store.putSetting('b', { v: 'b' });
      await store.putSetting('a', { v: 2 });
      expect(await store.getSetting('a')).toEqual({ v: 2 });
      expect(await store.getSetting('b')).toEqual({ v: 'b' });
    });

    it('is seen by another instance and survives a reopen', async () => {
      const first = await ctx.migrated();
      await first.putSetting('inbox', { channel: 'C1' });
      expect(await (await ctx.migrated()).getSetting('inbox')).toEqual({ channel: 'C1' });
      await first.close();
      expect(await (await ctx.migrated()).getSetting('inbox')).toEqual({ channel: 'C1' });
    });

    it('sets a value only once when asked to set it if absent, and gives every concurrent caller the one stored', async () => {
      const [a, b] = [await ctx.migrated(), await ctx.migrated()];
      const results = await Promise.all([a, b, a, b].map((s, i) => s.putSettingIfAbsent('secret', { by: i })));
      expect(new Set(results.map((r) => JSON.stringify(r))).size).toBe(1);
      expect(await a.getSetting('secret')).toEqual(results[0]);
      expect(await b.putSettingIfAbsent('secret', { by: 'late' })).toEqual(results[0]);
    });

    it('lets concurrent writers of one key end with one of their values', async () => {
      const [a, b] = [await ctx.migrated(), await ctx.migrated()];
      await Promise.all([a.putSetting('k', { by: 'a' }), b.putSetting('k', { by: 'b' }), a.putSetting('k', { by: 'a2' })]);
      expect([{ by: 'a' }, { by: 'b' }, { by: 'a2' }]).toContainEqual(await b.getSetting('k'));
    });
  });
}
