import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyticsEvent } from '../../bench/analytics-events.ts';
import { loadReport } from '../../src/report/build-report.ts';
import { reportInWorker, titlesFromTable, type TitleTable } from '../../src/report/report-in-worker.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../src/store/store.ts';
import { createPgDatabase, TEST_DATABASE_URL } from '../store/support/pg-test-database.ts';

const titles: TitleTable = {
  faq: { shitstorm: 'Shitstorm', tiktok: 'TikTok' },
  flow: { shitstorm: 'Shitstorm-guiden' },
  outside: {},
  // the generated runs stop at these steps, so the worker must name them as the in-process report does
  steps: { shitstorm: { start: 'Hvad er der sket?', q1: 'Hvor mange skriver?' } },
  due: [{ kind: 'faq', id: 'tiktok', title: 'TikTok', reviewed: '2024-01-15' }],
};
const NOW = new Date('2026-03-02T12:00:00Z');
// The generated events start 90 days before NOW (600 of them cover about five hours); this keeps the later half.
const SINCE = new Date(NOW.getTime() - 90 * 86_400_000 + 2.5 * 3_600_000);

async function fill(store: Store): Promise<void> {
  await store.migrate();
  for (let i = 0; i < 600; i++) await store.appendAnalyticsEvent(analyticsEvent(i, NOW.getTime()));
}

/** The worker's report equals the one built in this thread from the same store (generatedAt aside). */
async function expectSameReport(store: Store, job: { databaseUrl?: string; sqlitePath: string }): Promise<void> {
  for (const since of [undefined, SINCE]) {
    const here = await loadReport(store, titlesFromTable(titles), NOW, since);
    const there = await reportInWorker({ ...job, now: NOW.toISOString(), titles, ...(since ? { since: since.toISOString() } : {}) });
    expect(there).toEqual(here);
    expect(there.questions.total).toBeGreaterThan(0);
  }
}

describe('the report built in a worker thread', () => {
  it('equals the report built in-process, on the same SQLite file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'report-worker-'));
    const sqlitePath = join(dir, 'state.db');
    const store = new SqliteStore(sqlitePath);
    try {
      await fill(store);
      await expectSameReport(store, { sqlitePath });
      const top = (await reportInWorker({ sqlitePath, now: NOW.toISOString(), titles })).topEntries;
      expect(top.find((e) => e.id === 'shitstorm')?.title).toBe('Shitstorm');
      expect(top.find((e) => e.id === 'valgkamp')?.title).toBe('valgkamp');
      const funnel = (await reportInWorker({ sqlitePath, now: NOW.toISOString(), titles })).flows.find((f) => f.flowId === 'shitstorm');
      expect([funnel?.dropOffNode, funnel?.dropOffStep]).toEqual(['start', 'Hvad er der sket?']);
    } finally {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it.skipIf(!TEST_DATABASE_URL)('equals the report built in-process, on PostgreSQL', async () => {
    const db = await createPgDatabase(TEST_DATABASE_URL ?? '');
    const store = db.open();
    try {
      await fill(store);
      await expectSameReport(store, { databaseUrl: db.url, sqlitePath: ':unused:' });
    } finally {
      await store.close();
      await db.drop();
    }
  }, 60_000);

  it('rejects with a message when the store cannot be read', async () => {
    await expect(reportInWorker({ databaseUrl: 'postgres://nobody@127.0.0.1:1/none', sqlitePath: ':unused:', now: NOW.toISOString(), titles })).rejects.toThrow();
  }, 60_000);
});
