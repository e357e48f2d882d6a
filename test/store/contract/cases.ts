import { describe, expect, it } from 'vitest';
import type { EscalationCase } from '../../../src/store/records.ts';
import type { CaseNotifications } from '../../../src/store/store.ts';
import type { ContractContext } from '../store-contract.ts';

const FAR_FUTURE = new Date('2100-01-01T00:00:00Z');
const spring2026 = new Date('2026-04-01T09:00:00Z');

const notifyConsultants: CaseNotifications = (c: EscalationCase) => [
  { idempotencyKey: `${c.id}:slack`, kind: 'slack-consultant', payload: { caseNumber: c.number } },
  { idempotencyKey: `${c.id}:email`, kind: 'email', payload: { caseNumber: c.number } },
];

/** Escalation cases: per-year numbers, notifications in the same transaction, status transitions. */
export function casesContract(ctx: ContractContext): void {
  describe('escalation cases', () => {
    it('keeps one case per submission key across instances, returns it to every caller, and leaves no gap in the numbers', async () => {
      const [a, b] = [await ctx.migrated(), await ctx.migrated()];
      let notified = 0;
      const counting: CaseNotifications = (c) => {
        notified++;
        return notifyConsultants(c);
      };
      const opened = await Promise.all(
        Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).createCaseWithNotifications({ payload: { i }, createdAt: spring2026, submissionKey: 'esc-same' }, counting)),
      );
      expect(new Set(opened.map((c) => c.id)).size).toBe(1);
      expect(opened[0]?.number).toBe('KL-2026-0001');
      expect(notified).toBe(1);
      expect(await a.claimDueOutbox(FAR_FUTURE, 10, 60_000, ['slack-consultant', 'email'])).toHaveLength(2);
      const other = await b.createCaseWithNotifications({ payload: {}, createdAt: spring2026, submissionKey: 'esc-other' }, () => []);
      expect(other.number).toBe('KL-2026-0002');
      expect(await a.listCases()).toHaveLength(2);
    });

    it('numbers cases per year and restarts the sequence in a new (Danish) year', async () => {
      const store = await ctx.migrated();
      const none: CaseNotifications = () => [];
      const first = await store.createCaseWithNotifications({ payload: { topic: 'TikTok' }, createdAt: spring2026 }, none);
      const second = await store.createCaseWithNotifications({ payload: {}, createdAt: spring2026 }, none);
      // 23:30 UTC on 31 December is already 1 January in Copenhagen.
      const newYear = await store.createCaseWithNotifications({ payload: {}, createdAt: new Date('2026-12-31T23:30:00Z') }, none);
      expect([first.number, second.number, newYear.number]).toEqual(['KL-2026-0001', 'KL-2026-0002', 'KL-2027-0001']);
      expect(first).toMatchObject({ status: 'new', payload: { topic: 'TikTok' }, createdAt: spring2026, updatedAt: spring2026 });
    });

    it('numbers with the prefix it is given (CASE_PREFIX), one sequence per database, each number unique', async () => {
      const store = await ctx.migrated();
      const none: CaseNotifications = () => [];
      const kl = await store.createCaseWithNotifications({ payload: {}, createdAt: spring2026 }, none);
      const aarhus = await store.createCaseWithNotifications({ payload: {}, createdAt: spring2026, numberPrefix: 'AAR' }, none);
      expect([kl.number, aarhus.number]).toEqual(['KL-2026-0001', 'AAR-2026-0002']);
      expect(await store.getCase('AAR-2026-0002')).toMatchObject({ id: aarhus.id });
    });

    it('stores the notifications with the case, carrying its number', async () => {
      const store = await ctx.migrated();
      const created = await store.createCaseWithNotifications({ payload: { topic: 'Shitstorm' } }, notifyConsultants);
      const due = await store.claimDueOutbox(FAR_FUTURE, 10, 60_000, ['slack-consultant', 'email']);
      expect(due.map((m) => [m.kind, m.payload])).toEqual([
        ['slack-consultant', { caseNumber: created.number }],
        ['email', { caseNumber: created.number }],
      ]);
    });

    it('stores neither case nor notifications (nor uses a number) when building the notifications fails', async () => {
      const store = await ctx.migrated();
      const failing = store.createCaseWithNotifications({ payload: {}, createdAt: spring2026 }, () => {
        throw new Error('no consultant channel configured');
      });
      await expect(failing).rejects.toThrow(/no consultant channel/);
      expect(await store.listCases()).toEqual([]);
      expect(await store.claimDueOutbox(FAR_FUTURE, 10, 60_000, ['slack-consultant', 'email'])).toEqual([]);
      const next = await store.createCaseWithNotifications({ payload: {}, createdAt: spring2026 }, notifyConsultants);
      expect(next.number).toBe('KL-2026-0001');
    });

    it('hands out unique, gap-free numbers to two instances creating cases at once', async () => {
      const [a, b] = [await ctx.migrated(), await ctx.migrated()];
      const created = await Promise.all(
        Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).createCaseWithNotifications({ payload: { i }, createdAt: spring2026 }, notifyConsultants)),
      );
      expect(created.map((c) => c.number).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `KL-2026-${String(i + 1).padStart(4, '0')}`));
      expect(await a.claimDueOutbox(FAR_FUTURE, 100, 60_000, ['slack-consultant', 'email'])).toHaveLength(20);
    });

    it('finds a case by id or number, and lists cases oldest first, optionally by status', async () => {
      const store = await ctx.migrated();
      const none: CaseNotifications = () => [];
      const older = await store.createCaseWithNotifications({ payload: { n: 1 }, createdAt: new Date('2026-01-02T10:00:00Z') }, none);
      const newer = await store.createCaseWithNotifications({ payload: { n: 2 }, createdAt: new Date('2026-01-03T10:00:00Z') }, none);
      expect(await store.getCase(older.id)).toEqual(older);
      expect(await store.getCase(newer.number)).toEqual(newer);
      expect(await store.getCase('KL-1999-0001')).toBeNull();
      expect((await store.listCases()).map((c) => c.number)).toEqual([older.number, newer.number]);
      await store.transitionCase(older.number, 'new', 'claimed');
      expect((await store.listCases('new')).map((c) => c.id)).toEqual([newer.id]);
      expect((await store.listCases('claimed')).map((c) => c.id)).toEqual([older.id]);
      expect(await store.listCases('resolved')).toEqual([]);
    });

    it('moves a case through its statuses, merging payload patches, and refuses a transition from the wrong status', async () => {
      const store = await ctx.migrated();
      const created = await store.createCaseWithNotifications({ payload: { topic: 'X', note: 'a' } }, () => []);
      const claimed = await store.transitionCase(created.id, 'new', 'claimed', { claimedBy: 'U123' });
      expect(claimed).toMatchObject({ status: 'claimed', payload: { topic: 'X', note: 'a', claimedBy: 'U123' } });
      expect(claimed?.updatedAt.getTime()).toBeGreaterThanOrEqual(created.updatedAt.getTime());
      expect(await store.transitionCase(created.id, 'new', 'claimed', { claimedBy: 'U999' })).toBeNull();
      const resolved = await store.transitionCase(created.number, 'claimed', 'resolved', { note: 'b' });
      expect(resolved).toMatchObject({ status: 'resolved', payload: { topic: 'X', note: 'b', claimedBy: 'U123' } });
      expect(await store.transitionCase('no-such-case', 'new', 'claimed')).toBeNull();
    });

    it('lets only one of two instances claim a case', async () => {
      const [a, b] = [await ctx.migrated(), await ctx.migrated()];
      const created = await a.createCaseWithNotifications({ payload: {} }, () => []);
      const results = await Promise.all([
        a.transitionCase(created.id, 'new', 'claimed', { claimedBy: 'A' }),
        b.transitionCase(created.id, 'new', 'claimed', { claimedBy: 'B' }),
      ]);
      const winners = results.filter((r) => r !== null);
      expect(winners).toHaveLength(1);
      expect((await a.getCase(created.id))?.payload).toEqual(winners[0]?.payload);
    });
  });
}
