import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ServeProcess } from '../store/support/serve-process.ts';

const PLAYGROUND_PATHS = ['/', '/insights', '/guides', '/search?q=facebook', '/playground/assets/chat.js'];

async function statusOf(serve: ServeProcess, path: string, init: RequestInit = {}): Promise<number> {
  const response = await fetch(`${serve.baseUrl}${path}`, { ...init, signal: AbortSignal.timeout(10_000) });
  await response.arrayBuffer();
  return response.status;
}

const turn = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ conversationId: 'exposure-1', input: { kind: 'text', text: 'hjælp' } }) };

describe('the playground is on by default only on a loopback address (serve)', () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  async function start(env: Record<string, string>): Promise<ServeProcess> {
    const dir = await mkdtemp(join(tmpdir(), 'some-exposure-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const serve = await ServeProcess.start({ LOG_LEVEL: 'info', SQLITE_PATH: join(dir, 'state.db'), ...env });
    cleanup.push(() => serve.stop());
    return serve;
  }

  it('with HOST=0.0.0.0 and PLAYGROUND empty (unset), serves no playground route but /healthz', { timeout: 60_000 }, async () => {
    const serve = await start({ HOST: '0.0.0.0', PLAYGROUND: '' });
    for (const path of PLAYGROUND_PATHS) expect(await statusOf(serve, path), path).toBe(404);
    expect(await statusOf(serve, '/playground/api/turn', turn)).toBe(404);
    expect(await statusOf(serve, '/healthz')).toBe(200);
    // no "kører på <address>" for a playground that answers 404, and nothing but the log (on stderr) at all
    expect(serve.stderr).not.toContain('kører på');
    expect(serve.stdout).toBe('');
  });

  it('with HOST=0.0.0.0 and PLAYGROUND=on, serves it and warns in the log that it has no login', { timeout: 60_000 }, async () => {
    const serve = await start({ HOST: '0.0.0.0', PLAYGROUND: 'on' });
    for (const path of PLAYGROUND_PATHS) expect(await statusOf(serve, path), path).toBe(200);
    expect(await statusOf(serve, '/playground/api/turn', turn)).toBe(200);
    expect(serve.stderr).toMatch(/"level":40.*playground.*no login/);
    // the address to open it at, on stderr beside the log: localhost, which the playground answers (0.0.0.0 it does not)
    await expect.poll(() => serve.stderr).toContain(`\nSoMe-rådgiveren kører på http://localhost:${new URL(serve.baseUrl).port}\n`);
    expect(serve.stdout).toBe('');
  });

  it('on 127.0.0.1 it is on by default, but not with NODE_ENV=production (a reverse proxy would publish it), and PLAYGROUND=off turns it off', { timeout: 60_000 }, async () => {
    const local = await start({ HOST: '127.0.0.1', PLAYGROUND: '' });
    expect(await statusOf(local, '/')).toBe(200);
    expect(local.stderr).not.toMatch(/no login/);
    const production = await start({ HOST: '127.0.0.1', PLAYGROUND: '', NODE_ENV: 'production' });
    for (const path of PLAYGROUND_PATHS) expect(await statusOf(production, path), path).toBe(404);
    expect(await statusOf(production, '/healthz')).toBe(200);
    const off = await start({ HOST: '127.0.0.1', PLAYGROUND: 'off' });
    expect(await statusOf(off, '/')).toBe(404);
  });
});
