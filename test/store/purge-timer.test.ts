import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { startPurgeTimer } from '../../src/store/purge-timer.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';

/** A pino logger that keeps its JSON lines for inspection. */
function capturingLogger() {
  const lines: { level: number; msg: string; removed?: number; cases?: number }[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as (typeof lines)[number]);
      done();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines };
}

const DAY = 86_400_000;

async function until(check: () => Promise<boolean> | boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('startPurgeTimer', () => {
  it('purges expired state periodically and logs how much went', async () => {
    const store = new SqliteStore(':memory:');
    await store.migrate();
    const { logger, lines } = capturingLogger();
    const stop = startPurgeTimer(store, 20, { stateTtlMs: 50, caseRetentionMs: DAY }, logger);
    try {
      await store.saveConversation('old', { activeChoices: [], transcript: [] }, null);
      await store.markEventSeen('Ev01', 1);
      await until(async () => (await store.loadConversation('old')) === null);
      await until(() => lines.some((l) => l.msg.includes('purged')));
      expect(await store.markEventSeen('Ev01', 60_000)).toBe(true);
    } finally {
      stop();
      await store.close();
    }
  });

  it('deletes cases resolved longer ago than the case retention, keeps open ones, and logs how many went (never what they held)', async () => {
    const store = new SqliteStore(':memory:');
    await store.migrate();
    const person = { contact: { name: 'Per Hansen', email: 'per@kolding.dk' } };
    const open = await store.createCaseWithNotifications({ payload: person, createdAt: new Date('2020-01-01T10:00:00Z') }, () => []);
    const closed = await store.createCaseWithNotifications({ payload: person }, () => []);
    await store.transitionCase(closed.id, 'new', 'resolved');
    const { logger, lines } = capturingLogger();
    const stop = startPurgeTimer(store, 20, { stateTtlMs: DAY, caseRetentionMs: 50 }, logger);
    try {
      await until(async () => (await store.getCase(closed.id)) === null);
      await until(() => lines.some((l) => l.cases === 1));
      expect(await store.getCase(open.id)).not.toBeNull();
      const logged = JSON.stringify(lines);
      expect(logged).toMatch(/CASE_RETENTION_DAYS/);
      for (const secret of ['Per Hansen', 'per@kolding.dk', closed.number, closed.id]) expect(logged).not.toContain(secret);
    } finally {
      stop();
      await store.close();
    }
  });

  it('logs a failed run as a warning and keeps going', async () => {
    const store = new SqliteStore(':memory:');
    await store.close();
    const { logger, lines } = capturingLogger();
    const stop = startPurgeTimer(store, 20, { stateTtlMs: 1000, caseRetentionMs: DAY }, logger);
    try {
      await until(() => lines.filter((l) => l.level === 40).length >= 2);
      expect(lines[0]?.msg).toMatch(/purging expired state failed/);
    } finally {
      stop();
    }
  });

  it('stops when asked', async () => {
    const store = new SqliteStore(':memory:');
    await store.migrate();
    const { logger, lines } = capturingLogger();
    const stop = startPurgeTimer(store, 10, { stateTtlMs: 0, caseRetentionMs: 0 }, logger);
    stop();
    await store.saveConversation('c1', { activeChoices: [], transcript: [] }, null);
    await new Promise((r) => setTimeout(r, 80));
    expect(await store.loadConversation('c1')).not.toBeNull();
    expect(lines).toEqual([]);
    await store.close();
  });
});
