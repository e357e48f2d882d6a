import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config/config.ts';

/** The problems loadConfig reports for `env` (empty when it is valid). */
function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

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
      expect(message).toMatch(/DATABASE_URL: must be a postgres:\/\/ or postgresql:\/\/ URL/);
    }
  });

  it('names the schemes a URL variable accepts', () => {
    expect(problemsOf({ DATABASE_URL: 'mysql://db/x', SMTP_URL: 'http://x' })).toEqual([
      'DATABASE_URL: must be a postgres:// or postgresql:// URL',
      'SMTP_URL: must be an smtp:// or smtps:// URL',
    ]);
    expect(loadConfig({ DATABASE_URL: 'postgresql://db/x', SMTP_URL: 'smtps://u:p@mail.example' })).toMatchObject({ DATABASE_URL: 'postgresql://db/x' });
  });

  it('accepts only the NODE_ENV values it knows, so a typo does not run production in development mode', () => {
    for (const value of ['Production', 'prod', 'staging']) {
      expect(problemsOf({ NODE_ENV: value }), value).toEqual(['NODE_ENV: must be production, development or test (lower case); unset means development']);
    }
    for (const value of ['production', 'development', 'test']) expect(loadConfig({ NODE_ENV: value }).NODE_ENV).toBe(value);
    expect(loadConfig({ NODE_ENV: '' }).NODE_ENV).toBeUndefined();
  });

  it('accepts a HOST that is an IP address or a host name, and names one that is neither', () => {
    for (const host of ['localhost', '0.0.0.0', '::', '::1', '127.0.0.1', '10.1.2.3', 'fe80::1', 'raadgiver.kommune.dk', 'app', 'db-1.internal']) {
      expect(problemsOf({ HOST: host }), host).toEqual([]);
    }
    for (const host of ['not_a_host', 'foo bar', '[::1]', '-x', 'a..b', '999.1.1.1', 'http://localhost']) {
      expect(problemsOf({ HOST: host }), host).toEqual(['HOST: must be an IP address (127.0.0.1, 0.0.0.0 for every interface, ::) or a host name such as localhost']);
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
