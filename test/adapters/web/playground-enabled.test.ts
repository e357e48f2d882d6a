import { describe, expect, it } from 'vitest';
import pino from 'pino';
import { playgroundEnabled } from '../../../src/adapters/web/playground-enabled.ts';
import { playgroundMounts } from '../../../src/adapters/web/playground-mounts.ts';
import { loadConfig } from '../../../src/config/config.ts';
import type { Runtime } from '../../../src/main.ts';

describe('playgroundEnabled', () => {
  it('is on outside production and off in production unless PLAYGROUND=on', () => {
    expect(playgroundEnabled({ NODE_ENV: undefined, PLAYGROUND: undefined })).toBe(true);
    expect(playgroundEnabled({ NODE_ENV: 'development', PLAYGROUND: undefined })).toBe(true);
    expect(playgroundEnabled({ NODE_ENV: 'production', PLAYGROUND: undefined })).toBe(false);
    expect(playgroundEnabled({ NODE_ENV: 'production', PLAYGROUND: 'on' })).toBe(true);
  });
  it('is off anywhere with PLAYGROUND=off', () => {
    expect(playgroundEnabled({ NODE_ENV: undefined, PLAYGROUND: 'off' })).toBe(false);
    expect(playgroundEnabled({ NODE_ENV: 'production', PLAYGROUND: 'off' })).toBe(false);
  });

  it('gives serve no playground routes when it is off', () => {
    const runtime = {} as Pick<Runtime, 'bot' | 'knowledge'>;
    const logger = pino({ level: 'silent' });
    expect(playgroundMounts(loadConfig({ NODE_ENV: 'production' }), runtime, logger)).toEqual([]);
    expect(playgroundMounts(loadConfig({ PLAYGROUND: 'off' }), runtime, logger)).toEqual([]);
    expect(playgroundMounts(loadConfig({ NODE_ENV: 'production', PLAYGROUND: 'on' }), runtime, logger)).toHaveLength(1);
  });
});
