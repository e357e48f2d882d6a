import { afterEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import { CaseService } from '../../src/escalation/case-service.ts';
import { PassThrough } from 'node:stream';
import { consoleMessenger } from '../../src/cli/console-messenger.ts';
import { MessengerRegistry } from '../../src/escalation/conversation-messenger.ts';
import { NotifierRegistry, requesterKind, type Notification } from '../../src/escalation/notifier.ts';
import { OutboxWorker, retryDelay } from '../../src/escalation/outbox-worker.ts';
import { requesterNotifier } from '../../src/escalation/requester-notifier.ts';
import { silentLogger } from '../../src/logging/logger.ts';
import type { OutboxMessage } from '../../src/store/records.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { StoreUnavailableError } from '../../src/store/store.ts';

const stores: SqliteStore[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

/** A store, a case with one "test" notification (and one per working `extra` channel), and a worker on a clock the test moves. */
async function setup(failures: number, maxAttempts = 12, extra: string[] = []) {
  const store = new SqliteStore(':memory:');
  stores.push(store);
  await store.migrate();
  // Ahead of the real clock the store stamps new notifications with, by more than a slow machine takes to open the case.
  let now = new Date(Date.now() + 1000);
  const channels = ['test', ...extra].map((kind) => ({ kind, updatesOnChange: false, threads: false }));
  const cases = new CaseService({ store, consultantChannels: () => channels, now: () => now });
  const payload = {
    submissionKey: 'k1', topic: 't', description: 'd', urgency: 'none', municipality: 'm', contact: { name: 'n' }, consent: false, transcript: [],
    requester: { platform: 'console', userId: 'u', conversationId: 'c', reference: { channel: 'console', conversationId: 'c', userId: 'u', locale: 'da' } },
    expectedBy: now.toISOString(), history: [],
  } as const;
  const opened = await cases.open({ ...payload, transcript: [], history: [], contact: { name: 'n' } });
  const delivered: Notification[] = [];
  let left = failures;
  const notifiers = new NotifierRegistry();
  notifiers.register({
    kind: 'test',
    async deliver(n) {
      if (left-- > 0) throw new Error('HTTP 500 from the consultant endpoint');
      delivered.push(n);
    },
  });
  for (const kind of extra) notifiers.register({ kind, async deliver() {} });
  const worker = new OutboxWorker({ store, notifiers, cases, logger: silentLogger(), pollMs: 1000, retryBaseMs: 1000, maxDelayMs: 8000, maxAttempts, now: () => now });
  const advance = (ms: number) => (now = new Date(now.getTime() + ms));
  return { worker, delivered, advance, cases, store, notifiers, now: () => now, number: opened.case.number };
}

describe('retryDelay', () => {
  it('doubles from the base and stays within the cap, then gives up', () => {
    expect([1, 2, 3, 4, 5, 6].map((a) => retryDelay(a, 1000, 8000, 6))).toEqual([1000, 2000, 4000, 8000, 8000, null]);
  });
});

describe('OutboxWorker', () => {
  it('delivers exactly once after three failures, waiting out the backoff', async () => {
    const { worker, delivered, advance, cases, number } = await setup(3);
    const sentPerPoll: number[] = [];
    for (let i = 0; i < 12; i++) {
      sentPerPoll.push(await worker.runOnce());
      advance(1000);
    }
    expect(delivered).toHaveLength(1);
    expect(delivered[0]?.attempt).toBe(4);
    expect(delivered[0]?.idempotencyKey).toMatch(/:test:new$/);
    expect(sentPerPoll.reduce((a, b) => a + b, 0)).toBe(1);
    // failures at t=0, 1 s (after 1 s), 3 s (after 2 s), then sent at 7 s (after 4 s)
    expect(sentPerPoll.indexOf(1)).toBe(7);
    expect((await cases.get(number))?.deliveries).toEqual([expect.objectContaining({ notification: 'test:new', status: 'sent', attempts: 4 })]);
  });

  it('gives up after maxAttempts and shows the failure on the case', async () => {
    const { worker, delivered, advance, cases, number } = await setup(100, 3);
    for (let i = 0; i < 30; i++) {
      await worker.runOnce();
      advance(1000);
    }
    expect(delivered).toHaveLength(0);
    expect((await cases.get(number))?.deliveries).toEqual([
      expect.objectContaining({ notification: 'test:new', status: 'failed', attempts: 3, lastError: 'HTTP 500 from the consultant endpoint' }),
    ]);
  });

  it('leaves a notification it has no notifier for untouched, and a process with the notifier delivers it', async () => {
    const { worker, delivered, cases, store, now, number } = await setup(0);
    const elsewhere = new OutboxWorker({ store, notifiers: new NotifierRegistry(), cases, logger: silentLogger(), pollMs: 1000, retryBaseMs: 1000, now });
    expect(await elsewhere.runOnce()).toBe(0);
    expect((await cases.get(number))?.deliveries).toEqual([]);
    expect(await worker.runOnce()).toBe(1);
    expect(delivered.map((n) => n.attempt)).toEqual([1]);
  });

  it('claims requester notifications only for the platforms this process has a messenger for', async () => {
    const { worker, cases, store, now, advance, number } = await setup(0);
    await worker.runOnce();
    await cases.move(number, 'claim', 'Karin');
    advance(60_000);
    const posted: string[] = [];
    const processWith = (channel: 'slack' | 'console') => {
      const notifiers = new NotifierRegistry();
      const messengers = new MessengerRegistry((m) => notifiers.register(requesterNotifier(cases, m)));
      messengers.register({ channel, async post(reference) { posted.push(`${channel}:${reference.conversationId}`); } });
      return new OutboxWorker({ store, notifiers, cases, logger: silentLogger(), pollMs: 1000, retryBaseMs: 1000, now });
    };
    expect(await processWith('slack').runOnce()).toBe(0);
    expect(await store.claimDueOutbox(now(), 10, 0, [requesterKind('slack')])).toEqual([]);
    expect(await processWith('console').runOnce()).toBe(1);
    expect(posted).toEqual(['console:c']);
    expect((await cases.get(number))?.deliveries).toContainEqual(expect.objectContaining({ notification: 'requester:console:claimed', status: 'sent', attempts: 1 }));
  });

  it('tells the requester, through the outbox on their platform, when every consultant channel has given up', async () => {
    const { worker, advance, cases, notifiers, number } = await setup(100, 3);
    const told: string[] = [];
    notifiers.register(requesterNotifier(cases, { channel: 'console', async post(_reference, messages) { told.push(...messages.map((m) => m.fallback)); } }));
    for (let i = 0; i < 30; i++) {
      await worker.runOnce();
      advance(1000);
    }
    expect(told).toEqual([expect.stringContaining(`Din henvendelse ${number} kunne ikke sendes til KL Kommunikation`)]);
    expect((await cases.get(number))?.deliveries).toContainEqual(expect.objectContaining({ notification: 'requester:console:undeliverable', status: 'sent' }));
  });

  it('does not tell the requester while another consultant channel got the case', async () => {
    const { worker, advance, cases, notifiers, number } = await setup(100, 3, ['other']);
    const told: string[] = [];
    notifiers.register(requesterNotifier(cases, { channel: 'console', async post(_reference, messages) { told.push(...messages.map((m) => m.fallback)); } }));
    for (let i = 0; i < 30; i++) {
      await worker.runOnce();
      advance(1000);
    }
    expect(told).toEqual([]);
    expect((await cases.get(number))?.deliveries.map((d) => `${d.notification}:${d.status}`).sort()).toEqual(['other:new:sent', 'test:new:failed']);
  });

  it('keeps a terminal notification for its own chat: other chats opening and closing never use up its attempts', async () => {
    const { worker, cases, store, now, advance, number } = await setup(0, 3);
    await worker.runOnce();
    await cases.move(number, 'claim', 'Karin');
    const chatOpen = (conversationId: string) => {
      const output = new PassThrough();
      const notifiers = new NotifierRegistry();
      const messengers = new MessengerRegistry((m) => notifiers.register(requesterNotifier(cases, m)));
      messengers.register(consoleMessenger(conversationId, true, output, () => ''));
      const chatWorker = new OutboxWorker({ store, notifiers, cases, logger: silentLogger(), pollMs: 1000, retryBaseMs: 1000, maxAttempts: 3, now });
      return { chatWorker, printed: () => String(output.read() ?? '') };
    };
    for (let i = 0; i < 10; i++) {
      advance(60_000);
      const other = chatOpen('another-conversation');
      expect(await other.chatWorker.runOnce()).toBe(0);
      expect(other.printed()).toBe('');
    }
    expect((await cases.get(number))?.deliveries.filter((d) => d.notification.startsWith('requester:'))).toEqual([]);
    const own = chatOpen('c');
    expect(await own.chatWorker.runOnce()).toBe(1);
    expect(own.printed()).toContain('"notification"');
    expect((await cases.get(number))?.deliveries).toContainEqual(expect.objectContaining({ notification: 'requester:console:claimed', status: 'sent', attempts: 1 }));
  });

  it('logs a store outage once with its stack, then about once a minute with the number of failed polls, and once when the store is back', { timeout: 30_000 }, async () => {
    // Every poll takes a second of the worker's clock; the store is down for the first 150 polls.
    let now = Date.now();
    let polls = 0;
    class OutageStore extends SqliteStore {
      override async claimDueOutbox(at: Date, limit: number, leaseMs: number, kinds: readonly string[]): Promise<OutboxMessage[]> {
        now += 1000;
        if (++polls <= 150) throw new StoreUnavailableError(new Error('connect ECONNREFUSED 127.0.0.1:5432'), 'check DATABASE_URL');
        return super.claimDueOutbox(at, limit, leaseMs, kinds);
      }
    }
    const store = new OutageStore(':memory:');
    stores.push(store);
    await store.migrate();
    const lines: { level: number; msg: string; err?: { stack: string }; failedSinceLastLine?: number; failed?: number }[] = [];
    const logger = pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    const notifiers = new NotifierRegistry();
    notifiers.register({ kind: 'test', async deliver() {} });
    const cases = new CaseService({ store, consultantChannels: () => [] });
    const worker = new OutboxWorker({ store, notifiers, cases, logger, pollMs: 1, retryBaseMs: 1000, now: () => new Date(now) });
    worker.start();
    await expect.poll(() => lines.some((l) => l.level === 30), { timeout: 20_000 }).toBe(true);
    await worker.stop();

    const [first, ...reminders] = lines.filter((l) => l.level === 50);
    expect(first?.msg).toMatch(/^outbox poll failed/);
    expect(first?.err?.stack).toMatch(/StoreUnavailableError/);
    // 149 more failed polls over 149 s: a line at 61 s and one at 121 s, each counting the 60 polls since the last one.
    expect(reminders.map((l) => [l.msg, l.failedSinceLastLine, l.err])).toEqual([
      ['outbox poll still failing: 60 attempts failed since the last line', 60, undefined],
      ['outbox poll still failing: 60 attempts failed since the last line', 60, undefined],
    ]);
    expect(lines.filter((l) => l.level === 30).map((l) => [l.msg, l.failed])).toEqual([['outbox poll works again after 150 failed attempts', 150]]);
  });
});
