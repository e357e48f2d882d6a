import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dmEvent, eventEnvelope } from '../adapters/slack/slack-harness.ts';
import { FakeSlackApi } from '../support/fake-slack-api.ts';
import { FakeSocketMode } from '../support/fake-socket-mode.ts';
import { ServeProcess } from '../store/support/serve-process.ts';

describe('Slack Socket Mode', () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  it('answers events, shows a drop on /readyz (503), reconnects by itself (200) and answers again', { timeout: 90_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'some-advisor-socket-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const socket = new FakeSocketMode();
    await socket.start();
    cleanup.push(() => socket.stop());
    const api = new FakeSlackApi();
    await api.start();
    cleanup.push(() => api.stop());
    api.socketUrl = socket.url;

    const serve = await ServeProcess.start({ SQLITE_PATH: join(dir, 'state.db'), SLACK_BOT_TOKEN: 'xoxb-test', SLACK_APP_TOKEN: 'xapp-test', SLACK_API_URL: api.apiUrl, LOG_LEVEL: 'info' });
    cleanup.push(() => serve.stop());
    const ready = await serve.get('/readyz');
    expect(ready).toMatchObject({ status: 200, body: { checks: { store: 'ok', 'slack-socket': 'ok' } } });

    const posted = (n: number) => expect.poll(() => api.delivered('chat.postMessage').length, { timeout: 15_000, interval: 50 }).toBeGreaterThanOrEqual(n);
    socket.send({ envelope_id: 'env-1', type: 'events_api', accepts_response_payload: false, payload: eventEnvelope(dmEvent('må vi slette kommentarer')) });
    await posted(1);
    expect(socket.acks).toContain('env-1');
    expect(JSON.stringify(api.delivered('chat.postMessage')[0]?.args)).toContain('Må vi slette');

    socket.drop();
    await expect.poll(async () => (await serve.get('/readyz')).status, { timeout: 5000, interval: 50 }).toBe(503);
    expect((await serve.get('/readyz')).body).toMatchObject({ checks: { store: 'ok', 'slack-socket': expect.stringMatching(/Slack Socket Mode is (closed|reconnecting|connecting)/) } });
    // The client waits 5 s (its ping timeout) before it asks apps.connections.open for a new URL.
    await expect.poll(async () => (await serve.get('/readyz')).status, { timeout: 30_000, interval: 200 }).toBe(200);
    expect(socket.connections).toBe(2);
    expect(api.delivered('apps.connections.open')).toHaveLength(2);

    socket.send({ envelope_id: 'env-2', type: 'events_api', accepts_response_payload: false, payload: eventEnvelope(dmEvent('hvor hurtigt skal vi svare')) });
    await posted(2);
    expect(socket.acks).toContain('env-2');
    expect(serve.alive).toBe(true);
    expect(await serve.stop()).toBe(0);
  });
});
