import { chmodSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';

/** The permission bits of `path`, in octal as `ls` shows them (e.g. "600"). */
const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);

describe('the SQLite files are private whatever the umask', () => {
  let dir: string;
  let umask: number;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'some-advisor-modes-'));
    // The most permissive umask: anything not set explicitly would come out world-readable (and writable).
    umask = process.umask(0);
  });
  afterEach(() => {
    process.umask(umask);
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates the folders 0700 and the database, -wal and -shm files 0600', async () => {
    const path = join(dir, 'data', 'nested', 'some-advisor.db');
    const store = new SqliteStore(path);
    await store.migrate();
    await store.saveConversation('c1', { activeChoices: [], transcript: [{ at: 'now', from: 'user', text: 'hej' }] }, null);
    expect({
      data: mode(join(dir, 'data')),
      nested: mode(join(dir, 'data', 'nested')),
      db: mode(path),
      wal: mode(`${path}-wal`),
      shm: mode(`${path}-shm`),
    }).toEqual({ data: '700', nested: '700', db: '600', wal: '600', shm: '600' });
    await store.close();
  });

  it('makes the files of an existing database 0600 when it is opened, and leaves a folder it did not create alone', async () => {
    const path = join(dir, 'some-advisor.db');
    const old = new Database(path);
    old.pragma('journal_mode = WAL');
    old.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
    for (const file of [path, `${path}-wal`, `${path}-shm`]) {
      expect(existsSync(file)).toBe(true);
      chmodSync(file, 0o644);
    }
    chmodSync(dir, 0o755);
    const store = new SqliteStore(path);
    await store.migrate();
    expect([mode(path), mode(`${path}-wal`), mode(`${path}-shm`)]).toEqual(['600', '600', '600']);
    expect(mode(dir)).toBe('755');
    await store.close();
    old.close();
  });
});
