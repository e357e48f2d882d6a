import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { runBackup } from '../../src/cli/backup-command.ts';
import { loadConfig } from '../../src/config/config.ts';

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
