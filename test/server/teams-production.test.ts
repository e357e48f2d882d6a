import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ServeProcess } from '../store/support/serve-process.ts';
import { FakeBotConnector } from '../support/fake-bot-connector.ts';
import { postTeamsText } from './support/teams-turn.ts';

describe('serve with NODE_ENV=production and no MICROSOFT_APP_* credentials', () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  it('starts, says at start why Teams is off, answers /api/messages with 401 and keeps the rest working', { timeout: 60_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'some-teams-prod-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const connector = new FakeBotConnector();
    await connector.start();
    cleanup.push(() => connector.stop());
    const serve = await ServeProcess.start({ NODE_ENV: 'production', PLAYGROUND: 'on', LOG_LEVEL: 'info', SQLITE_PATH: join(dir, 'state.db') });
    cleanup.push(() => serve.stop());

    await expect.poll(() => serve.stderr, { timeout: 5_000 }).toMatch(/Teams endpoint disabled: NODE_ENV=production and MICROSOFT_APP_ID is not set/);
    // Loopback is no exception in production: a local reverse proxy would make every request look local.
    expect(await postTeamsText(serve.baseUrl, connector, 'a:prod', 'hjælp')).toBe(401);
    expect(connector.requests).toBe(0);
    expect(serve.alive).toBe(true);
    expect((await serve.get('/healthz')).status).toBe(200);
    expect((await serve.get('/readyz')).status).toBe(200);
    expect((await fetch(`${serve.baseUrl}/`, { signal: AbortSignal.timeout(10_000) })).status).toBe(200);
    expect(serve.stderr).not.toMatch(/ClientId required|\n\s+at /);
    expect(await serve.stop()).toBe(0);
  });
});
