import { describe, expect, it } from 'vitest';
import { playgroundEnabled } from '../../../src/adapters/web/playground-enabled.ts';

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
});
