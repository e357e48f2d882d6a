import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { StoreUnavailableError } from '../../src/store/store.ts';
import { describeStoreContract, type TestDatabase } from './store-contract.ts';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'some-advisor-store-'));
}

/** A fresh SQLite file in its own temporary directory (a file, not `:memory:`, so two instances can share it). */
function createDatabase(): Promise<TestDatabase> {
  const dir = tempDir();
  const path = join(dir, 'state.db');
  return Promise.resolve({
    open: (migrations) => new SqliteStore(path, migrations),
    appliedVersions: async () => {
      const db = new Database(path, { readonly: true });
      try {
        return (db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[]).map((r) => r.version);
      } finally {
        db.close();
      }
    },
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  });
}

describe('SqliteStore', () => {
  describeStoreContract({ createDatabase });

  describe('the file', () => {
    const dirs: string[] = [];
    afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

    it('creates the file and its directories on first run, in WAL mode, and keeps state across a reopen', async () => {
      const dir = tempDir();
      dirs.push(dir);
      const path = join(dir, 'nested', 'deeper', 'some-advisor.db');
      const first = new SqliteStore(path);
      await first.migrate();
      await first.saveConversation('c1', { activeChoices: ['ja'], transcript: [] }, null);
      await first.close();

      const raw = new Database(path, { readonly: true });
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      raw.close();

      const second = new SqliteStore(path);
      await second.migrate();
      expect(await second.loadConversation('c1')).toEqual({ value: { activeChoices: ['ja'], transcript: [] }, version: 1 });
      await second.close();
    });

    it('works in memory for tests', async () => {
      const store = new SqliteStore(':memory:');
      await store.migrate();
      expect(await store.saveConversation('c1', { activeChoices: [], transcript: [] }, null)).toBe(1);
      await store.close();
    });

    it('reports StoreUnavailableError naming SQLITE_PATH when the file cannot be created', () => {
      const dir = tempDir();
      dirs.push(dir);
      const blocker = join(dir, 'not-a-directory');
      writeFileSync(blocker, 'x');
      const open = () => new SqliteStore(join(blocker, 'state.db'));
      expect(open).toThrow(StoreUnavailableError);
      expect(open).toThrow(/SQLITE_PATH/);
    });

    it('reports StoreUnavailableError when the file is not a database', async () => {
      const dir = tempDir();
      dirs.push(dir);
      const path = join(dir, 'garbage.db');
      writeFileSync(path, 'this is not an SQLite file, just text that is long enough to fill a header page...'.repeat(20));
      const open = async () => {
        const store = new SqliteStore(path);
        await store.migrate();
      };
      await expect(open()).rejects.toBeInstanceOf(StoreUnavailableError);
    });
  });
});
