import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeBotConnector } from '../support/fake-bot-connector.ts';
import { ServeProcess } from '../store/support/serve-process.ts';
import { postTeamsText } from './support/teams-turn.ts';

describe('graceful shutdown on SIGTERM', () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  async function setup(delayMs: number): Promise<{ serve: ServeProcess; connector: FakeBotConnector }> {
    const dir = await mkdtemp(join(tmpdir(), 'some-advisor-shutdown-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const connector = new FakeBotConnector();
    await connector.start();
    cleanup.push(() => connector.stop());
    connector.delayMs = delayMs;
    const serve = await ServeProcess.start({ SQLITE_PATH: join(dir, 'state.db'), LOG_LEVEL: 'info' });
    cleanup.push(() => serve.stop());
    return { serve, connector };
  }

  it('stops accepting, finishes the turn in flight (its reply reaches Teams), closes the store and exits 0', { timeout: 90_000 }, async () => {
    const { serve, connector } = await setup(2500);
    const inFlight = postTeamsText(serve.baseUrl, connector, 'slow-turn', 'må vi slette kommentarer');
    await expect.poll(() => connector.requests, { timeout: 15_000, interval: 20 }).toBeGreaterThanOrEqual(1);
    serve.signal('SIGTERM');
    await expect.poll(() => serve.stderr, { timeout: 5000, interval: 20 }).toContain('shutting down');
    // New connections are refused while the slow turn is still being delivered.
    await expect(fetch(`${serve.baseUrl}/healthz`, { signal: AbortSignal.timeout(2000) })).rejects.toThrow();
    expect(serve.alive).toBe(true);
    expect(await inFlight).toBe(200);
    expect(connector.messages('slow-turn')).toHaveLength(1);
    expect(JSON.stringify(connector.messages('slow-turn')[0]?.body)).toContain('Må vi slette kommentarer?');
    expect(await serve.exited).toBe(0);
    expect(serve.stderr).toContain('"msg":"shut down"');
  });

  it('a second SIGTERM exits at once without waiting for the turn in flight', { timeout: 90_000 }, async () => {
    const { serve, connector } = await setup(30_000);
    const inFlight = postTeamsText(serve.baseUrl, connector, 'stuck-turn', 'må vi slette kommentarer').catch(() => 'cut');
    await expect.poll(() => connector.requests, { timeout: 15_000, interval: 20 }).toBeGreaterThanOrEqual(1);
    serve.signal('SIGTERM');
    await expect.poll(() => serve.stderr, { timeout: 5000, interval: 20 }).toContain('shutting down');
    const secondAt = Date.now();
    serve.signal('SIGTERM');
    expect(await serve.exited).toBe(1);
    expect(Date.now() - secondAt).toBeLessThan(2000);
    expect(serve.stderr).toContain('second stop signal');
    expect(await inFlight).not.toBe(200);
  });
});
