import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { connectionOptions, runBackup } from '../../src/cli/backup-command.ts';
import { loadConfig } from '../../src/config/config.ts';
import { createPgDatabase, TEST_DATABASE_URL } from '../store/support/pg-test-database.ts';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** `some-advisor backup <file>` in this process, with `env` as the environment; returns what it printed. */
async function backup(env: Record<string, string>, file: string): Promise<string> {
  const out = new PassThrough();
  expect(await runBackup(loadConfig(env), file, out)).toBe(0);
  return String(out.read() ?? '');
}

describe('backup', () => {
  it('creates a missing folder for the copy, readable by its owner only (the README example backup/sa.db)', async () => {
    dir = mkdtempSync(join(tmpdir(), 'some-backup-'));
    const live = join(dir, 'live.db');
    const source = new Database(live);
    source.exec('CREATE TABLE t (x); INSERT INTO t VALUES (42)');
    source.close();
    const copy = join(dir, 'backup', 'nightly', 'sa.db');
    expect(await backup({ SQLITE_PATH: live }, copy)).toContain(`Backed up ${live} to ${copy}`);
    for (const folder of [join(dir, 'backup'), join(dir, 'backup', 'nightly')]) expect(statSync(folder).mode & 0o777, folder).toBe(0o700);
    expect(statSync(copy).mode & 0o777).toBe(0o600);
    expect(existsSync(`${copy}.partial-${process.pid}`)).toBe(false);
    const db = new Database(copy, { readonly: true });
    expect(db.prepare('SELECT x FROM t').get()).toEqual({ x: 42 });
    db.close();
  });
});

/** The command line of `backup`'s output (indented by two spaces) that runs `program`. */
function commandLine(output: string, program: string): string {
  const line = output.split('\n').find((l) => l.startsWith('  ') && l.includes(`${program} `));
  if (!line) throw new Error(`no ${program} command in:\n${output}`);
  return line.trim();
}

/** Runs a printed command in sh with the everyday umask 022 (and the URL's password, which the command leaves out). */
function runShell(command: string, databaseUrl: string): { status: number | null; stderr: string } {
  const password = decodeURIComponent(new URL(databaseUrl).password);
  const run = spawnSync('sh', ['-c', `umask 022; ${command}`], { encoding: 'utf8', env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } });
  return { status: run.status, stderr: run.stderr };
}

const pgTools = spawnSync('pg_dump', ['--version']).status === 0 && spawnSync('pg_restore', ['--version']).status === 0;

describe.runIf(TEST_DATABASE_URL && pgTools)('backup with PostgreSQL (the printed commands, run)', () => {
  const databases: { drop(): Promise<void> }[] = [];
  afterEach(async () => {
    for (const db of databases.splice(0)) await db.drop();
  });

  it('dumps readable by its owner only and restores into an empty database and over an older copy without errors', { timeout: 60_000 }, async () => {
    dir = mkdtempSync(join(tmpdir(), 'some-pg-backup-'));
    const base = TEST_DATABASE_URL ?? '';
    const [source, target] = [await createPgDatabase(base), await createPgDatabase(base)];
    databases.push(source, target);
    const client = new pg.Client({ connectionString: source.url });
    await client.connect();
    await client.query('CREATE TABLE cases (number text PRIMARY KEY); INSERT INTO cases VALUES ($$KL-2026-0042$$)');
    await client.end();
    const file = join(dir, 'x.sql');
    const dump = runShell(commandLine(await backup({ DATABASE_URL: source.url }, file), 'pg_dump'), source.url);
    expect(dump, dump.stderr).toMatchObject({ status: 0 });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const restore = commandLine(await backup({ DATABASE_URL: target.url }, file), 'pg_restore');
    for (const into of ['an empty database', 'the restored copy']) {
      const run = runShell(restore, target.url);
      expect(run, `${into}: ${run.stderr}`).toEqual({ status: 0, stderr: '' });
    }
    const check = new pg.Client({ connectionString: target.url });
    await check.connect();
    expect((await check.query('SELECT number FROM cases')).rows).toEqual([{ number: 'KL-2026-0042' }]);
    await check.end();
  });
});

describe('the printed PostgreSQL commands', () => {
  it('keep settings of DATABASE_URL such as sslmode, and never its password', () => {
    expect(connectionOptions('postgres://kl:hemmelig@db.kommune.dk:5433/raadgiver')).toEqual(['--host=db.kommune.dk', '--port=5433', '--username=kl', '--dbname=raadgiver']);
    const withTls = connectionOptions('postgres://kl:hemmelig@db.kommune.dk:5433/raadgiver?sslmode=verify-full&sslrootcert=/etc/ssl/kl.pem');
    expect(withTls).toEqual(["--dbname='postgres://kl@db.kommune.dk:5433/raadgiver?sslmode=verify-full&sslrootcert=/etc/ssl/kl.pem'"]);
    expect(withTls.join(' ')).not.toContain('hemmelig');
  });
});
