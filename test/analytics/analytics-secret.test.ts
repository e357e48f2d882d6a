import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAnalyticsSecret, secretFilePath } from '../../src/analytics/analytics-secret.ts';
import { loadConfig } from '../../src/config/config.ts';

describe('the analytics secret', () => {
  it('uses ANALYTICS_SECRET when set', () => {
    expect(resolveAnalyticsSecret('configured-secret-123456', '/nonexistent/analytics-secret')).toBe('configured-secret-123456');
  });

  it('generates one secret next to the SQLite file and keeps it across restarts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'analytics-secret-'));
    const file = join(dir, 'data', 'analytics-secret');
    expect(secretFilePath(join(dir, 'data', 'some-advisor.db'))).toBe(file);
    const first = resolveAnalyticsSecret(undefined, file);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(resolveAnalyticsSecret(undefined, file)).toBe(first);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('uses a fresh secret and writes no file for an in-memory database', () => {
    expect(secretFilePath(':memory:')).toBeUndefined();
    expect(resolveAnalyticsSecret(undefined, undefined)).not.toBe(resolveAnalyticsSecret(undefined, undefined));
  });

  it('refuses a damaged secret file with a message saying what to do', () => {
    const dir = mkdtempSync(join(tmpdir(), 'analytics-secret-'));
    const file = join(dir, 'analytics-secret');
    writeFileSync(file, 'short');
    expect(() => resolveAnalyticsSecret(undefined, file)).toThrow(/delete the file .* or set ANALYTICS_SECRET/);
  });

  it('is configured with ANALYTICS_SECRET and ANALYTICS_RETENTION_DAYS (default 365)', () => {
    expect(loadConfig({}).ANALYTICS_RETENTION_DAYS).toBe(365);
    expect(loadConfig({ ANALYTICS_RETENTION_DAYS: '30' }).ANALYTICS_RETENTION_DAYS).toBe(30);
    expect(() => loadConfig({ ANALYTICS_SECRET: 'short' })).toThrow(/ANALYTICS_SECRET/);
    expect(() => loadConfig({ ANALYTICS_RETENTION_DAYS: '0' })).toThrow(/ANALYTICS_RETENTION_DAYS/);
  });
});
