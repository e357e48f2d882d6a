import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/store/migrations/all-migrations.ts';
import { runCli } from '../support/run-cli.ts';

const GUID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
let dir: string;

function scratch(): string {
  dir = mkdtempSync(join(tmpdir(), 'some-ops-'));
  return dir;
}

afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('operations commands', () => {
  it('migrate applies every migration to a new SQLite file and exits 0', async () => {
    const db = join(scratch(), 'data', 'a.db');
    const run = await runCli(['migrate'], '', { SQLITE_PATH: db });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`SQLite at ${db} is migrated: ${MIGRATIONS.length} migrations`);
    const sqlite = new Database(db, { readonly: true });
    expect((sqlite.prepare("SELECT name FROM sqlite_master WHERE name = 'outbox'").get() as { name: string }).name).toBe('outbox');
    sqlite.close();
  });

  it('backup writes a consistent copy readable by its owner only, and refuses a missing database', async () => {
    const db = join(scratch(), 'live.db');
    expect((await runCli(['migrate'], '', { SQLITE_PATH: db })).code).toBe(0);
    const live = new Database(db);
    live.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)').run('backup-check', '{"a":1}', Date.now());
    const out = join(dir, 'copy.db');
    const run = await runCli(['backup', out], '', { SQLITE_PATH: db });
    live.close();
    expect(run.code, run.stderr).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const copy = new Database(out, { readonly: true });
    expect(copy.prepare('SELECT value FROM settings WHERE key = ?').get('backup-check')).toEqual({ value: '{"a":1}' });
    copy.close();
    const missing = await runCli(['backup', join(dir, 'x.db')], '', { SQLITE_PATH: join(dir, 'none.db') });
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining('There is no database')]);
    expect(existsSync(join(dir, 'x.db'))).toBe(false);
  });

  it('backup with PostgreSQL prints the pg_dump command without the password', async () => {
    const run = await runCli(['backup', 'nightly.dump'], '', { DATABASE_URL: 'postgres://advisor:s3cret@db.example:5433/some_advisor' });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('pg_dump --format=custom --file=nightly.dump --host=db.example --port=5433 --username=advisor --dbname=some_advisor');
    expect(run.stdout).not.toContain('s3cret');
  });

  it('doctor names each inconsistent or malformed credential and exits 1', async () => {
    const run = await runCli(['doctor'], '', {
      SQLITE_PATH: join(scratch(), 'd.db'),
      SLACK_BOT_TOKEN: 'xapp-wrong-kind',
      CONSULTANT_SLACK_CHANNEL: '#konsulenter',
      MICROSOFT_APP_ID: 'not-a-guid',
      MICROSOFT_APP_TYPE: 'SingleTenant',
      SMTP_URL: 'smtp://mail.example:25',
    });
    expect(run.code).toBe(1);
    for (const expected of [
      'SLACK_BOT_TOKEN must be the Bot User OAuth Token, which starts with xoxb-',
      'without SLACK_SIGNING_SECRET (HTTP) or SLACK_APP_TOKEN (Socket Mode)',
      'CONSULTANT_SLACK_CHANNEL "#konsulenter" is not a channel id',
      'MICROSOFT_APP_ID "not-a-guid" is not a GUID',
      'MICROSOFT_APP_TYPE SingleTenant needs MICROSOFT_APP_TENANT_ID',
      'MICROSOFT_APP_PASSWORD (the client secret) is required',
      'set both SMTP_URL and CONSULTANT_EMAIL',
      'does not exist yet',
    ]) {
      expect(run.stdout).toContain(expected);
    }
  });

  it('doctor passes a consistent production configuration with a migrated store and a route', async () => {
    const db = join(scratch(), 'ok.db');
    expect((await runCli(['migrate'], '', { SQLITE_PATH: db })).code).toBe(0);
    const run = await runCli(['doctor'], '', {
      NODE_ENV: 'production',
      SQLITE_PATH: db,
      SLACK_BOT_TOKEN: 'xoxb-1-2-abc',
      SLACK_SIGNING_SECRET: '0123456789abcdef0123456789abcdef',
      CONSULTANT_SLACK_CHANNEL: 'C0123ABCDEF',
      MICROSOFT_APP_ID: GUID,
      MICROSOFT_APP_PASSWORD: 'secret',
      MICROSOFT_APP_TENANT_ID: GUID,
    });
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toContain('slack: HTTP (POST /slack/events)');
    expect(run.stdout).toContain('teams: authenticated (SingleTenant)');
    expect(run.stdout).toContain('escalation: Slack channel C0123ABCDEF');
    expect(run.stdout).toContain('No problems found.');
  });

  it('doctor reports a bad variable instead of stopping', async () => {
    const run = await runCli(['doctor'], '', { PORT: 'abc' });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('configuration: PORT: must be a whole number');
  });

  it('an unknown option prints the usage and exits 2 (no stack trace); --help exits 0', async () => {
    const bad = await runCli(['serve', '--bogus'], '');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("Unknown option '--bogus'");
    expect(bad.stderr).toContain('Usage: some-advisor');
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    const help = await runCli(['chat', '--help'], '');
    expect([help.code, help.stdout]).toEqual([0, expect.stringContaining('Operations:')]);
  });
});
