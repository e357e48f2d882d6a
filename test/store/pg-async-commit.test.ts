import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresStore } from '../../src/store/postgres/postgres-store.ts';
import { createPgDatabase, TEST_DATABASE_URL } from './support/pg-test-database.ts';

/** A trigger that writes down, for each row written to `table`, the commit mode of the transaction that wrote it. */
const recordCommitMode = (table: string) => `
  CREATE TRIGGER ${table}_commit_mode AFTER INSERT OR UPDATE ON ${table}
  FOR EACH ROW EXECUTE FUNCTION record_commit_mode('${table}')`;

describe.skipIf(!TEST_DATABASE_URL)('PostgresStore commit modes', () => {
  let db: Awaited<ReturnType<typeof createPgDatabase>>;
  let store: PostgresStore;
  let admin: pg.Client;

  beforeAll(async () => {
    db = await createPgDatabase(TEST_DATABASE_URL ?? '');
    // one connection, so a setting that outlived its statement would be seen by the next one
    store = new PostgresStore({ connectionString: db.url, maxConnections: 1 });
    await store.migrate();
    admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    await admin.query(`
      CREATE TABLE commit_modes (seq SERIAL PRIMARY KEY, tbl TEXT NOT NULL, mode TEXT NOT NULL);
      CREATE FUNCTION record_commit_mode() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO commit_modes (tbl, mode) VALUES (TG_ARGV[0], current_setting('synchronous_commit'));
        RETURN NULL;
      END $$;
      ${['conversations', 'seen_events', 'sent_cards', 'analytics_events', 'escalation_cases'].map(recordCommitMode).join(';\n')};
    `);
  });

  afterAll(async () => {
    await admin?.end();
    await store?.close();
    await db?.drop();
  });

  const modes = async () => (await admin.query<{ tbl: string; mode: string }>('SELECT tbl, mode FROM commit_modes ORDER BY seq')).rows.map((r) => `${r.tbl}: ${r.mode}`);

  it('commits the writes of a turn without waiting for the WAL flush, and a case right after them with it', async () => {
    const version = await store.saveConversation('c1', { activeChoices: [], transcript: [] }, null);
    await store.saveConversation('c1', { activeChoices: [], transcript: [] }, version);
    await store.markEventSeen('Ev01', 60_000);
    await store.saveSentCard('c1', 'a1', { type: 'AdaptiveCard' }, 60_000);
    await store.appendAnalyticsEvent({ type: 'question', payload: { topic: 'x' } });
    await store.createCaseWithNotifications({ payload: {} }, () => []);
    await store.saveConversation('c1', { activeChoices: [], transcript: [] }, version + 1);
    expect(await modes()).toEqual([
      'conversations: off',
      'conversations: off',
      'seen_events: off',
      'sent_cards: off',
      'analytics_events: off',
      'escalation_cases: on',
      'conversations: off',
    ]);
    // the case on the same single connection commits with the server's default: the setting ended with its transaction
    expect(await store.loadConversation('c1')).toMatchObject({ version: version + 2 });
  });

  it('still refuses a stale version and a live seen event, so the condition changes no result', async () => {
    await expect(store.saveConversation('c1', { activeChoices: [], transcript: [] }, 1)).rejects.toThrow(/c1/);
    expect(await store.markEventSeen('Ev01', 60_000)).toBe(false);
    expect(await store.markEventSeen('Ev02', 60_000)).toBe(true);
  });
});
