import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config/config.ts';

describe('configuration', () => {
  it('has working defaults with an empty environment', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3978);
    expect(config.SQLITE_PATH).toBe('./data/some-advisor.db');
    expect(config.KNOWLEDGE_DIR).toBe('./knowledge');
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('names every bad variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud', MICROSOFT_APP_TYPE: 'Single' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x' });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toMatch(/PORT: must be a whole number/);
      expect(message).toMatch(/LOG_LEVEL: must be one of/);
      expect(message).toMatch(/DATABASE_URL: must be a URL/);
    }
  });

  it('keeps resolved cases CASE_RETENTION_DAYS days (default 365) and names the variable when it is not a positive whole number', () => {
    expect(loadConfig({}).CASE_RETENTION_DAYS).toBe(365);
    expect(loadConfig({ CASE_RETENTION_DAYS: ' 90 ' }).CASE_RETENTION_DAYS).toBe(90);
    for (const bad of ['0', '-5', '1.5', 'et år', '36501']) {
      expect(() => loadConfig({ CASE_RETENTION_DAYS: bad }), bad).toThrow(/CASE_RETENTION_DAYS: must be/);
    }
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ PORT: '', SLACK_BOT_TOKEN: '  ' })).toMatchObject({ PORT: 3978, SLACK_BOT_TOKEN: undefined });
  });
});
