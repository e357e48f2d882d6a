import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../src/store/migrations/all-migrations.ts';
import type { Migration } from '../../../src/store/migrations/migration.ts';
import type { ContractContext } from '../store-contract.ts';

const latest = MIGRATIONS.map((m) => m.version);

const addNotes: Migration = {
  version: 900,
  name: 'test notes table',
  sqlite: 'CREATE TABLE test_notes (id TEXT PRIMARY KEY, body TEXT NOT NULL)',
  postgres: 'CREATE TABLE test_notes (id TEXT PRIMARY KEY, body TEXT NOT NULL)',
};

const broken: Migration = {
  version: 901,
  name: 'test broken',
  sqlite: 'CREATE TABLE test_half (id TEXT); SELECT no_such_column FROM no_such_table',
  postgres: 'CREATE TABLE test_half (id TEXT); SELECT no_such_column FROM no_such_table',
};

/** Migrations: versioned, applied once, idempotent, safe from two instances at once. */
export function migrationsContract(ctx: ContractContext): void {
  describe('migrations', () => {
    it('records every migration once in schema_migrations', async () => {
      await ctx.migrated();
      expect(await ctx.appliedVersions()).toEqual(latest);
    });

    it('is idempotent: migrating again (also from another instance) changes nothing and keeps the data', async () => {
      const store = await ctx.migrated();
      await store.saveConversation('c1', { activeChoices: [], transcript: [] }, null);
      await store.migrate();
      await (await ctx.migrated()).migrate();
      expect(await ctx.appliedVersions()).toEqual(latest);
      expect((await store.loadConversation('c1'))?.version).toBe(1);
    });

    it('applies only the new migration when the list grows', async () => {
      await ctx.migrated();
      await ctx.open([...MIGRATIONS, addNotes]).migrate();
      expect(await ctx.appliedVersions()).toEqual([...latest, 900]);
    });

    it('rolls back a failing migration and records nothing for it', async () => {
      await ctx.migrated();
      await expect(ctx.open([...MIGRATIONS, broken]).migrate()).rejects.toThrow(/no_such/);
      expect(await ctx.appliedVersions()).toEqual(latest);
      // The half-made table went with the rollback, so the fixed list applies cleanly.
      await ctx.open([...MIGRATIONS, addNotes]).migrate();
      expect(await ctx.appliedVersions()).toEqual([...latest, 900]);
    });

    it('lets two instances migrate an empty database at the same time', async () => {
      const a = ctx.open();
      const b = ctx.open();
      await Promise.all([a.migrate(), b.migrate()]);
      expect(await ctx.appliedVersions()).toEqual(latest);
      await a.saveConversation('c1', { activeChoices: [], transcript: [] }, null);
      expect((await b.loadConversation('c1'))?.version).toBe(1);
    });

    it('renames requester notifications written before 3 to their platform kind and key, so the right process claims them', async () => {
      const before = ctx.open(MIGRATIONS.filter((m) => m.version < 3));
      await before.migrate();
      const requester = (channel: string) => ({ requester: { reference: { channel, conversationId: 'c', userId: 'u', locale: 'da' } } });
      const legacy = (id: string, event: string) => ({ idempotencyKey: `${id}:requester:${event}`, kind: 'requester', payload: { caseId: id, caseNumber: 'x', event } });
      const onTeams = await before.createCaseWithNotifications({ payload: requester('teams') }, (c) => [legacy(c.id, 'claimed')]);
      const onSlack = await before.createCaseWithNotifications({ payload: requester('slack') }, (c) => [legacy(c.id, 'resolved')]);
      await before.enqueueOutbox(legacy('gone', 'claimed'));
      const store = await ctx.migrated();
      const due = async (kinds: string[]) => (await store.claimDueOutbox(new Date(Date.now() + 60_000), 10, 60_000, kinds)).map((m) => m.idempotencyKey);
      expect(await due(['requester:teams'])).toEqual([`${onTeams.id}:requester:teams:claimed`]);
      expect(await due(['requester:slack'])).toEqual([`${onSlack.id}:requester:slack:resolved`]);
      // Enqueueing the same notification again after the upgrade (a repeated claim) stays idempotent.
      expect(await store.enqueueOutbox({ ...legacy(onTeams.id, 'claimed'), idempotencyKey: `${onTeams.id}:requester:teams:claimed`, kind: 'requester:teams' })).toBe(false);
      // Without its case the platform is unknown: it keeps the old kind, which no worker claims.
      expect(await due(['requester'])).toEqual(['gone:requester:claimed']);
    });

    it('gives cases opened before 4 their submission key, the oldest case of a key only, so later openings find it', async () => {
      const before = ctx.open(MIGRATIONS.filter((m) => m.version < 4));
      await before.migrate();
      const open = (submissionKey: string, at: string) => before.createCaseWithNotifications({ payload: { submissionKey }, createdAt: new Date(at) }, () => []);
      const oldest = await open('k1', '2026-02-01T10:00:00Z');
      const duplicate = await open('k1', '2026-02-01T10:00:01Z');
      const single = await open('k2', '2026-02-01T10:00:02Z');
      const store = await ctx.migrated();
      const again = (submissionKey: string) => store.createCaseWithNotifications({ payload: { submissionKey }, submissionKey }, () => []);
      expect((await again('k1')).id).toBe(oldest.id);
      expect((await again('k2')).id).toBe(single.id);
      expect((await again('k3')).number).toMatch(/-0004$/);
      expect((await store.listCases()).map((c) => c.id)).toContain(duplicate.id);
    });

    it('refuses a migration list that is out of order before touching the database', () => {
      expect(() => ctx.open([addNotes, ...MIGRATIONS])).toThrow(/out of order/);
    });
  });
}
