import { describe, expect, it } from 'vitest';
import pino from 'pino';
import { playgroundEnabled } from '../../../src/adapters/web/playground-enabled.ts';
import { playgroundMounts } from '../../../src/adapters/web/playground-mounts.ts';
import { loadConfig } from '../../../src/config/config.ts';
import type { Runtime } from '../../../src/main.ts';
import { isLoopback } from '../../../src/server/loopback.ts';

describe('playgroundEnabled', () => {
  it('is on by default only on a loopback HOST, and needs PLAYGROUND=on on any other', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', '::1', 'localhost']) expect(playgroundEnabled({ HOST: host, PLAYGROUND: undefined, NODE_ENV: undefined }), host).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.168.1.5', 'some-advisor.example.dk']) {
      expect(playgroundEnabled({ HOST: host, PLAYGROUND: undefined, NODE_ENV: undefined }), host).toBe(false);
      expect(playgroundEnabled({ HOST: host, PLAYGROUND: 'on', NODE_ENV: undefined }), host).toBe(true);
    }
  });
  it('is off in production unless PLAYGROUND=on, also on a loopback HOST behind a reverse proxy', () => {
    expect(playgroundEnabled({ HOST: '127.0.0.1', PLAYGROUND: undefined, NODE_ENV: 'production' })).toBe(false);
    expect(playgroundEnabled({ HOST: '127.0.0.1', PLAYGROUND: 'on', NODE_ENV: 'production' })).toBe(true);
    expect(playgroundEnabled({ HOST: '127.0.0.1', PLAYGROUND: undefined, NODE_ENV: 'development' })).toBe(true);
  });
  it('is off anywhere with PLAYGROUND=off', () => {
    expect(playgroundEnabled({ HOST: '127.0.0.1', PLAYGROUND: 'off', NODE_ENV: undefined })).toBe(false);
    expect(playgroundEnabled({ HOST: '0.0.0.0', PLAYGROUND: 'off', NODE_ENV: undefined })).toBe(false);
  });
  it('counts an empty PLAYGROUND as unset and names the variable for a bad value', () => {
    expect(loadConfig({ PLAYGROUND: '' }).PLAYGROUND).toBeUndefined();
    expect(loadConfig({ PLAYGROUND: ' on ' }).PLAYGROUND).toBe('on');
    expect(() => loadConfig({ PLAYGROUND: 'yes' })).toThrow(/PLAYGROUND: must be "on" or "off"/);
  });

  it('gives serve no playground routes when it is off', () => {
    const runtime = {} as Pick<Runtime, 'bot' | 'knowledge' | 'flowDefinitions' | 'rejectedReload'>;
    const logger = pino({ level: 'silent' });
    expect(playgroundMounts(loadConfig({ HOST: '0.0.0.0' }), runtime, logger)).toEqual([]);
    expect(playgroundMounts(loadConfig({ PLAYGROUND: 'off', NODE_ENV: undefined }), runtime, logger)).toEqual([]);
    expect(playgroundMounts(loadConfig({ HOST: '0.0.0.0', PLAYGROUND: 'on', NODE_ENV: undefined }), runtime, logger)).toHaveLength(1);
  });
});

describe('isLoopback', () => {
  it('knows the loopback names and addresses, including URL and IPv4-mapped forms', () => {
    for (const yes of ['localhost', 'LOCALHOST', '127.0.0.1', '127.255.0.9', '::1', '[::1]', '::ffff:127.0.0.1']) expect(isLoopback(yes), yes).toBe(true);
    for (const no of ['0.0.0.0', '::', '10.0.0.1', '169.254.169.254', '::ffff:192.168.1.4', 'localhost.example.com', '127.0.0.1.nip.io', '1270.0.0.1', '']) expect(isLoopback(no), no).toBe(false);
  });
});
