import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ANALYTICS_SECRET_SETTING, secretFilePath, storedAnalyticsSecret } from '../../src/analytics/analytics-secret.ts';
import { loadConfig } from '../../src/config/config.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';

describe('the generated analytics secret', () => {
  const dirs: string[] = [];
  const stores: SqliteStore[] = [];
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  /** A migrated SQLite store in a fresh folder, and where an earlier version kept its secret file. */
  async function fresh(dir = mkdtempSync(join(tmpdir(), 'analytics-secret-'))) {
    dirs.push(dir);
    const path = join(dir, 'data', 'some-advisor.db');
    const store = new SqliteStore(path);
    stores.push(store);
    await store.migrate();
    return { dir, path, store, file: secretFilePath(path) };
  }

  it('is generated once into the settings table, not a file, and kept across restarts', async () => {
    const { dir, path, store, file } = await fresh();
    expect(file).toBe(join(dir, 'data', 'analytics-secret'));
    const first = await storedAnalyticsSecret(store, file);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(await storedAnalyticsSecret(store, file)).toBe(first);
    expect(existsSync(file ?? '')).toBe(false);
    const reopened = new SqliteStore(path);
    stores.push(reopened);
    await reopened.migrate();
    expect(await storedAnalyticsSecret(reopened, file)).toBe(first);
    expect(await reopened.getSetting(ANALYTICS_SECRET_SETTING)).toMatchObject({ secret: first });
  });

  it('takes over the secret an earlier version kept in a file, and leaves the file as it was', async () => {
    const { store, file } = await fresh();
    const legacy = 'f'.repeat(64);
    writeFileSync(file ?? '', `${legacy}\n`, { mode: 0o600 });
    expect(await storedAnalyticsSecret(store, file)).toBe(legacy);
    expect(readFileSync(file ?? '', 'utf8')).toBe(`${legacy}\n`);
    writeFileSync(file ?? '', `${'e'.repeat(64)}\n`);
    expect(await storedAnalyticsSecret(store, file)).toBe(legacy);
  });

  it('refuses a damaged secret file with a message saying what to do', async () => {
    const { store, file } = await fresh();
    writeFileSync(file ?? '', 'short');
    await expect(storedAnalyticsSecret(store, file)).rejects.toThrow(/delete the file .* or set ANALYTICS_SECRET/);
  });

  it('has no file for an in-memory database', () => {
    expect(secretFilePath(':memory:')).toBeUndefined();
  });

  it('is configured with ANALYTICS_SECRET and ANALYTICS_RETENTION_DAYS (default 365)', () => {
    expect(loadConfig({}).ANALYTICS_RETENTION_DAYS).toBe(365);
    expect(loadConfig({ ANALYTICS_RETENTION_DAYS: '30' }).ANALYTICS_RETENTION_DAYS).toBe(30);
    expect(() => loadConfig({ ANALYTICS_SECRET: 'short' })).toThrow(/ANALYTICS_SECRET/);
    expect(() => loadConfig({ ANALYTICS_RETENTION_DAYS: '0' })).toThrow(/ANALYTICS_RETENTION_DAYS/);
  });
});
