import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../src/store/migrations/all-migrations.ts';
import type { Migration } from '../../../src/store/migrations/migration.ts';
import type { EscalationCase, NewLogEntry } from '../../../src/store/records.ts';
import type { ConversationState } from '../../../src/shared/conversation-state.ts';
import { VersionConflictError, type CaseNotifications, type Store } from '../../../src/store/store.ts';
import type { ContractContext } from '../store-contract.ts';

const FAR_FUTURE = new Date('2100-01-01T00:00:00Z');
const KINDS = ['slack-consultant', 'requester:web'];
const DAY = 86_400_000;

/** A new case's notification, as the case service enqueues it: keyed and carrying the case id. */
const notifyConsultant: CaseNotifications = (c) => [{ idempotencyKey: `${c.id}:slack-consultant:new`, kind: 'slack-consultant', payload: { caseId: c.id, caseNumber: c.number, event: 'new' } }];

/** The playground's log entry of a notification about case `c` (keyed by the notification's idempotency key). */
const loggedNotice = (c: EscalationCase, event: string): NewLogEntry => ({ kind: 'notification', key: `${c.id}:requester:web:${event}`, payload: { messages: [{ fallback: `${c.number} ${event}` }] } });

/** Opens a case with its consultant notification, a requester notification and their entries in conversation `web:<name>`. */
async function openWithTraces(store: Store, name: string, createdAt?: Date): Promise<EscalationCase> {
  const opened = await store.createCaseWithNotifications({ payload: { contact: { name } }, ...(createdAt ? { createdAt } : {}) }, notifyConsultant);
  await store.enqueueOutbox({ idempotencyKey: `${opened.id}:requester:web:reply:m1`, kind: 'requester:web', payload: { caseId: opened.id, caseNumber: opened.number, event: 'reply', messageId: 'm1' } });
  await store.appendConversationLog(`web:${name}`, [{ kind: 'user', payload: { text: 'hej' } }, loggedNotice(opened, 'reply:m1')], 100);
  return opened;
}

/** The case numbers the outbox still holds notifications for (claimed once, far ahead). */
async function notifiedNumbers(store: Store): Promise<string[]> {
  return (await store.claimDueOutbox(FAR_FUTURE, 100, 60_000, KINDS)).map((m) => String(m.payload.caseNumber)).sort();
}

/** Applied to a database at version 5: resolves every case the way a version before 6 did, leaving no resolved time. */
const resolveWithoutTime: Migration = {
  version: 900,
  name: 'test: resolve cases as before version 6',
  sqlite: "UPDATE escalation_cases SET status = 'resolved'",
  postgres: "UPDATE escalation_cases SET status = 'resolved'",
};

/** Deleting cases: one now (an erasure request) or the resolved ones after the retention period, each with what is stored about it. */
export function caseDeletionContract(ctx: ContractContext): void {
  describe('case deletion', () => {
    it('deletes one case by number or id, whatever its status, with its notifications, their log entries and its analytics events', async () => {
      const store = await ctx.migrated();
      const per = await openWithTraces(store, 'per');
      const mette = await openWithTraces(store, 'mette');
      await store.transitionCase(per.id, 'new', 'claimed', { claimedBy: 'Lars' });
      await store.appendAnalyticsEvent({ type: 'escalation_created', payload: { case: per.number } });
      await store.appendAnalyticsEvent({ type: 'escalation_created', payload: { case: mette.number } });
      await store.appendAnalyticsEvent({ type: 'question', payload: { confident: true } });

      expect(await store.deleteCase(per.number)).toMatchObject({ id: per.id, number: per.number, status: 'claimed' });
      expect(await store.getCase(per.id)).toBeNull();
      expect((await store.listCases()).map((c) => c.number)).toEqual([mette.number]);
      expect(await notifiedNumbers(store)).toEqual([mette.number, mette.number]);
      expect((await store.readConversationLog('web:per', 0, 100)).map((e) => e.kind)).toEqual(['user']);
      expect(await store.readConversationLog('web:mette', 0, 100)).toHaveLength(2);
      // events written in the same millisecond come back in either order
      const events = (await store.listAnalyticsEvents()).map((e) => e.payload);
      expect(events).toHaveLength(2);
      expect(events).toEqual(expect.arrayContaining([{ case: mette.number }, { confident: true }]));

      await store.transitionCase(mette.id, 'new', 'resolved');
      expect(await store.deleteCase(mette.id)).toMatchObject({ number: mette.number, status: 'resolved' });
      expect(await store.listCases()).toEqual([]);
      expect(await store.deleteCase(per.number)).toBeNull();
      expect(await store.deleteCase('KL-1999-0001')).toBeNull();
      // A deleted case's number is not handed out again.
      expect((await store.createCaseWithNotifications({ payload: {} }, () => [])).number).toMatch(/-0003$/);
    });

    it('deletes one conversation with its history and sent cards, and leaves the others', async () => {
      const store = await ctx.migrated();
      const at = new Date().toISOString();
      for (const name of ['per', 'mette']) {
        await store.saveConversation(`web:${name}`, { activeChoices: [], transcript: [{ at, from: 'user', text: `${name} spørger` }] }, null);
        await store.appendConversationLog(`web:${name}`, [{ kind: 'user', payload: { text: 'hej' } }, { kind: 'bot', payload: { text: 'svar' } }], 100);
        await store.saveSentCard(`web:${name}`, 'activity-1', { text: 'kort' }, DAY);
      }
      expect(await store.deleteConversation('web:per')).toBe(4);
      expect(await store.loadConversation('web:per')).toBeNull();
      expect(await store.readConversationLog('web:per', 0, 100)).toEqual([]);
      expect(await store.findSentCard('web:per', 'activity-1')).toBeNull();
      expect((await store.loadConversation('web:mette'))?.value.transcript).toHaveLength(1);
      expect(await store.readConversationLog('web:mette', 0, 100)).toHaveLength(2);
      expect(await store.findSentCard('web:mette', 'activity-1')).toEqual({ text: 'kort' });
      expect(await store.deleteConversation('web:per')).toBe(0);
    });

    it('keeps, deleting a conversation, what the cases still open in it name: their notices in its log and the state made for them', async () => {
      const store = await ctx.migrated();
      const open = await store.createCaseWithNotifications({ payload: {} }, () => []);
      const erased = await store.createCaseWithNotifications({ payload: {} }, () => []);
      const waiting = { caseNumber: open.number, replyFormId: `case-reply:${open.id}` };
      const version = await store.saveConversation('web:anna', { activeChoices: ['faq:x'], transcript: [{ at: new Date().toISOString(), from: 'user', text: 'Anna spørger' }], consultantMessage: waiting }, null);
      await store.appendConversationLog('web:anna', [{ kind: 'user', key: 'no-case', payload: { text: 'hej' } }, loggedNotice(open, 'reply:m1'), loggedNotice(erased, 'claimed')], 100);
      await store.saveSentCard('web:anna', 'activity-1', { text: 'kort' }, DAY);
      await new Promise((r) => setTimeout(r, 20));
      const lastActive = new Date();
      await new Promise((r) => setTimeout(r, 20));

      const keep = { caseIds: [open.id], state: (current: ConversationState): ConversationState => ({ activeChoices: [], transcript: [], consultantMessage: current.consultantMessage }) };
      expect(await store.deleteConversation('web:anna', keep)).toBe(3);
      expect(await store.loadConversation('web:anna')).toEqual({ value: { activeChoices: [], transcript: [], consultantMessage: waiting }, version: version + 1 });
      await expect(store.saveConversation('web:anna', { activeChoices: [], transcript: [] }, version)).rejects.toBeInstanceOf(VersionConflictError);
      expect((await store.readConversationLog('web:anna', 0, 100)).map((e) => e.payload)).toEqual([loggedNotice(open, 'reply:m1').payload]);
      expect(await store.findSentCard('web:anna', 'activity-1')).toBeNull();
      // the erasure is no activity: the kept state is purged when the conversation would have been
      expect(await store.purgeExpired(new Date(), Date.now() - lastActive.getTime())).toBe(2);
      expect(await store.loadConversation('web:anna')).toBeNull();
      // a conversation with no state gets none
      expect(await store.deleteConversation('web:nobody', keep)).toBe(0);
      expect(await store.loadConversation('web:nobody')).toBeNull();
    });

    it('purges the cases resolved before the cutoff with their notifications and log entries, and keeps open cases however old', async () => {
      const store = await ctx.migrated();
      const longAgo = new Date('2020-03-01T10:00:00Z');
      const waiting = await openWithTraces(store, 'waiting', longAgo);
      const taken = await openWithTraces(store, 'taken', longAgo);
      const closed = await openWithTraces(store, 'closed', longAgo);
      await store.transitionCase(taken.id, 'new', 'claimed');
      await store.transitionCase(closed.id, 'new', 'resolved');
      await store.appendAnalyticsEvent({ type: 'escalation_resolved', payload: { case: closed.number } });

      expect(await store.purgeResolvedCases(new Date(Date.now() - DAY))).toBe(0);
      expect(await store.listCases()).toHaveLength(3);
      expect(await store.purgeResolvedCases(FAR_FUTURE)).toBe(1);
      expect((await store.listCases()).map((c) => c.number)).toEqual([waiting.number, taken.number]);
      expect(await notifiedNumbers(store)).toEqual([waiting.number, waiting.number, taken.number, taken.number].sort());
      expect(await store.readConversationLog('web:closed', 0, 100)).toHaveLength(1);
      expect(await store.readConversationLog('web:taken', 0, 100)).toHaveLength(2);
      // Analytics events keep their own retention (ANALYTICS_RETENTION_DAYS).
      expect(await store.listAnalyticsEvents({ type: 'escalation_resolved' })).toHaveLength(1);
    });

    it('counts from when the case was resolved: a later change (a delivery recorded) does not restart the count', async () => {
      const store = await ctx.migrated();
      const closed = await store.createCaseWithNotifications({ payload: {} }, () => []);
      await store.transitionCase(closed.id, 'new', 'resolved');
      await new Promise((r) => setTimeout(r, 20));
      const cutoff = new Date();
      await new Promise((r) => setTimeout(r, 20));
      await store.transitionCase(closed.id, 'resolved', 'resolved', { 'delivery:email:resolved': { status: 'sent' } });
      expect(await store.purgeResolvedCases(cutoff)).toBe(1);
      expect(await store.getCase(closed.id)).toBeNull();
    });

    it('counts a case resolved before version 6 (no resolved time) from its last change', async () => {
      const before = ctx.open(MIGRATIONS.filter((m) => m.version < 6));
      await before.migrate();
      const closed = await before.createCaseWithNotifications({ payload: {}, createdAt: new Date('2026-01-10T10:00:00Z') }, () => []);
      await ctx.open([...MIGRATIONS.filter((m) => m.version < 6), resolveWithoutTime]).migrate();
      const store = await ctx.migrated();
      expect(await store.purgeResolvedCases(new Date('2026-01-10T09:00:00Z'))).toBe(0);
      expect(await store.purgeResolvedCases(new Date('2026-01-10T11:00:00Z'))).toBe(1);
      expect(await store.getCase(closed.id)).toBeNull();
    });
  });
}
