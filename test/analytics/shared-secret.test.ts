import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { pseudonymiser } from '../../src/analytics/pseudonym.ts';
import { loadConfig } from '../../src/config/config.ts';
import { loadFlowEngine } from '../../src/dialogs/load-flow-engine.ts';
import { createRuntime } from '../../src/main.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { FIXTURE_KNOWLEDGE } from '../store/support/chat-process.ts';
import { createPgDatabase, TEST_DATABASE_URL } from '../store/support/pg-test-database.ts';

/** Starts an instance with `env` through the composition root, asks one question as user U-SAME, and stops it. */
async function askOnce(env: Record<string, string>, conversation: string): Promise<void> {
  const runtime = await createRuntime(loadConfig({ KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE, ...env }), pino({ level: 'silent' }), loadFlowEngine, { outbox: false });
  try {
    await runtime.bot.handle({ channel: 'slack', conversationId: conversation, user: { id: 'U-SAME', locale: 'da' }, input: { kind: 'text', text: 'hvor hurtigt skal vi svare' } });
  } finally {
    await runtime.close();
  }
}

describe('the generated analytics secret (ANALYTICS_SECRET unset)', () => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'some-advisor-secret-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    return dir;
  };

  it.skipIf(!TEST_DATABASE_URL)('is shared by two instances on one PostgreSQL database, so they give a user the same pseudonym', { timeout: 30_000 }, async () => {
    const db = await createPgDatabase(TEST_DATABASE_URL ?? '');
    cleanup.push(() => db.drop());
    // Each instance has its own working folder, as on two machines.
    await Promise.all([
      askOnce({ DATABASE_URL: db.url, SQLITE_PATH: join(tempDir(), 'data', 'some-advisor.db') }, 'on-a'),
      askOnce({ DATABASE_URL: db.url, SQLITE_PATH: join(tempDir(), 'data', 'some-advisor.db') }, 'on-b'),
    ]);
    const store = db.open();
    cleanup.push(() => store.close());
    const events = await store.listAnalyticsEvents({ type: 'question_asked' });
    expect(events).toHaveLength(2);
    expect(events[0]?.payload.user).toMatch(/^[0-9a-f]{32}$/);
    expect(events[1]?.payload.user).toBe(events[0]?.payload.user);
  });

  it('keeps an existing analytics-secret file of a SQLite installation, so pseudonyms stay what they were', async () => {
    const dir = tempDir();
    const legacy = 'a'.repeat(8) + '0123456789abcdef0123456789abcdef';
    writeFileSync(join(dir, 'analytics-secret'), `${legacy}\n`, { mode: 0o600 });
    const env = { SQLITE_PATH: join(dir, 'some-advisor.db') };
    await askOnce(env, 'first');
    await askOnce(env, 'second');
    const store = new SqliteStore(env.SQLITE_PATH);
    cleanup.push(() => store.close());
    const users = (await store.listAnalyticsEvents({ type: 'question_asked' })).map((e) => e.payload.user);
    expect(users).toEqual([pseudonymiser(legacy)('user:slack:U-SAME'), pseudonymiser(legacy)('user:slack:U-SAME')]);
    // Copied into the settings table: from now on the secret travels with the database (and its backups).
    expect(await store.getSetting('analytics-secret')).toMatchObject({ secret: legacy });
  });
});
