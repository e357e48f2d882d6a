import { describe, expect, it } from 'vitest';
import type { ContractContext } from '../store-contract.ts';

const t0 = new Date('2030-01-01T12:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
const LEASE = 60_000;
/** Every kind these tests enqueue (a worker claims only the kinds it can deliver). */
const KINDS = ['slack-consultant', 'email'];

/** The outbox: idempotent enqueue, leased claims, sent and failed with retry. */
export function outboxContract(ctx: ContractContext): void {
  describe('outbox', () => {
    it('stores a notification once per idempotency key', async () => {
      const store = await ctx.migrated();
      const message = { idempotencyKey: 'case-1:slack', kind: 'slack-consultant', payload: { text: 'Ny sag' }, notBefore: t0 };
      expect(await store.enqueueOutbox(message)).toBe(true);
      expect(await store.enqueueOutbox({ ...message, payload: { text: 'duplicate' } })).toBe(false);
      const claimed = await store.claimDueOutbox(t0, 10, LEASE, KINDS);
      expect(claimed).toHaveLength(1);
      expect(claimed[0]).toMatchObject({
        idempotencyKey: 'case-1:slack',
        kind: 'slack-consultant',
        payload: { text: 'Ny sag' },
        attempts: 1,
        nextAttemptAt: at(LEASE),
        sentAt: null,
        lastError: null,
      });
    });

    it('does not hand out a notification before it is due, nor again while it is leased', async () => {
      const store = await ctx.migrated();
      await store.enqueueOutbox({ idempotencyKey: 'k', kind: 'email', payload: {}, notBefore: at(1000) });
      expect(await store.claimDueOutbox(t0, 10, LEASE, KINDS)).toEqual([]);
      expect(await store.claimDueOutbox(at(1000), 10, LEASE, KINDS)).toHaveLength(1);
      expect(await store.claimDueOutbox(at(2000), 10, LEASE, KINDS)).toEqual([]);
      // The worker that claimed it never reported back: after the lease it is retried.
      const retried = await store.claimDueOutbox(at(1000 + LEASE), 10, LEASE, KINDS);
      expect(retried.map((m) => m.attempts)).toEqual([2]);
    });

    it('claims at most `limit`, oldest first', async () => {
      const store = await ctx.migrated();
      for (const key of ['a', 'b', 'c']) await store.enqueueOutbox({ idempotencyKey: key, kind: 'email', payload: {}, notBefore: t0 });
      expect((await store.claimDueOutbox(t0, 2, LEASE, KINDS)).map((m) => m.idempotencyKey)).toEqual(['a', 'b']);
      expect((await store.claimDueOutbox(t0, 2, LEASE, KINDS)).map((m) => m.idempotencyKey)).toEqual(['c']);
    });

    it('never hands out a sent notification again', async () => {
      const store = await ctx.migrated();
      await store.enqueueOutbox({ idempotencyKey: 'k', kind: 'email', payload: {}, notBefore: t0 });
      const [claimed] = await store.claimDueOutbox(t0, 10, LEASE, KINDS);
      await store.markOutboxSent(claimed?.id ?? '', at(10));
      expect(await store.claimDueOutbox(at(10 * LEASE), 10, LEASE, KINDS)).toEqual([]);
      // A late failure report for a sent notification does not revive it.
      await store.markOutboxFailed(claimed?.id ?? '', 'late', at(20));
      expect(await store.claimDueOutbox(at(10 * LEASE), 10, LEASE, KINDS)).toEqual([]);
    });

    it('retries a failed notification at retryAt with its error, and never when given up', async () => {
      const store = await ctx.migrated();
      await store.enqueueOutbox({ idempotencyKey: 'retry', kind: 'email', payload: {}, notBefore: t0 });
      await store.enqueueOutbox({ idempotencyKey: 'give-up', kind: 'email', payload: {}, notBefore: t0 });
      const claimed = await store.claimDueOutbox(t0, 10, LEASE, KINDS);
      const byKey = new Map(claimed.map((m) => [m.idempotencyKey, m.id]));
      await store.markOutboxFailed(byKey.get('retry') ?? '', 'SMTP 451: try later', at(5000));
      await store.markOutboxFailed(byKey.get('give-up') ?? '', 'SMTP 550: no such mailbox', null);
      expect(await store.claimDueOutbox(at(4999), 10, LEASE, KINDS)).toEqual([]);
      const retried = await store.claimDueOutbox(at(5000), 10, LEASE, KINDS);
      expect(retried).toHaveLength(1);
      expect(retried[0]).toMatchObject({ idempotencyKey: 'retry', attempts: 2, lastError: 'SMTP 451: try later' });
      expect(await store.claimDueOutbox(at(1000 * LEASE), 10, LEASE, KINDS)).toHaveLength(1);
    });

    it('takes a released notification back uncounted, due again at once, and never revives a sent one', async () => {
      const store = await ctx.migrated();
      await store.enqueueOutbox({ idempotencyKey: 'wait', kind: 'email', payload: {}, notBefore: t0 });
      await store.enqueueOutbox({ idempotencyKey: 'sent', kind: 'email', payload: {}, notBefore: t0 });
      const byKey = new Map((await store.claimDueOutbox(t0, 10, LEASE, KINDS)).map((m) => [m.idempotencyKey, m.id]));
      await store.releaseOutbox(byKey.get('wait') ?? '', at(1));
      await store.markOutboxSent(byKey.get('sent') ?? '', at(1));
      await store.releaseOutbox(byKey.get('sent') ?? '', at(1));
      const again = await store.claimDueOutbox(at(1), 10, LEASE, KINDS);
      expect(again.map((m) => [m.idempotencyKey, m.attempts])).toEqual([['wait', 1]]);
    });

    it('reports the backlog: notifications waiting (also while retried), the oldest one\'s age, and those given up', async () => {
      const store = await ctx.migrated();
      expect(await store.outboxBacklog()).toEqual({ pending: 0, oldestPendingAt: null, givenUp: 0 });
      const before = Date.now();
      for (const key of ['sent', 'given-up', 'retrying', 'waiting']) await store.enqueueOutbox({ idempotencyKey: key, kind: 'email', payload: {}, notBefore: t0 });
      const claimed = new Map((await store.claimDueOutbox(t0, 3, LEASE, KINDS)).map((m) => [m.idempotencyKey, m.id]));
      await store.markOutboxSent(claimed.get('sent') ?? '', at(1));
      await store.markOutboxFailed(claimed.get('given-up') ?? '', 'SMTP 550', null);
      await store.markOutboxFailed(claimed.get('retrying') ?? '', 'SMTP 451', at(5000));
      const backlog = await store.outboxBacklog();
      expect([backlog.pending, backlog.givenUp]).toEqual([2, 1]);
      expect(backlog.oldestPendingAt?.getTime()).toBeGreaterThanOrEqual(before - 1000);
      expect(backlog.oldestPendingAt?.getTime()).toBeLessThanOrEqual(Date.now());
    });

    it('claims only the kinds asked for and leaves the others untouched for a process that can deliver them', async () => {
      const store = await ctx.migrated();
      for (const kind of ['email', 'teams-inbox', 'requester:slack']) await store.enqueueOutbox({ idempotencyKey: kind, kind, payload: {}, notBefore: t0 });
      expect(await store.claimDueOutbox(t0, 10, LEASE, [])).toEqual([]);
      expect((await store.claimDueOutbox(t0, 10, LEASE, ['email', 'requester:teams'])).map((m) => m.kind)).toEqual(['email']);
      const others = await store.claimDueOutbox(t0, 10, LEASE, ['teams-inbox', 'requester:slack']);
      expect(others.map((m) => [m.kind, m.attempts])).toEqual([
        ['teams-inbox', 1],
        ['requester:slack', 1],
      ]);
    });

    it('never gives one notification to two workers claiming at once', async () => {
      const [a, b] = [await ctx.migrated(), await ctx.migrated()];
      const keys = Array.from({ length: 20 }, (_, i) => `k${i}`);
      for (const key of keys) await a.enqueueOutbox({ idempotencyKey: key, kind: 'email', payload: {}, notBefore: t0 });
      const batches = await Promise.all([a, b, a, b].map((s) => s.claimDueOutbox(t0, 6, LEASE, KINDS)));
      const claimed = batches.flat().map((m) => m.idempotencyKey);
      expect(new Set(claimed).size).toBe(claimed.length);
      expect(claimed.length).toBe(20);
    });
  });
}
