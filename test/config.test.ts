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

  it('treats empty strings as unset', () => {
    expect(loadConfig({ PORT: '', SLACK_BOT_TOKEN: '  ' })).toMatchObject({ PORT: 3978, SLACK_BOT_TOKEN: undefined });
  });
});
