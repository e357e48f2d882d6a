import { afterEach, describe, expect, it } from 'vitest';
import { stringsFor } from '../../src/i18n/strings.ts';
import { playgroundText } from '../server/support/playground-turn.ts';
import { ChatProcess, replyText } from './support/chat-process.ts';
import { createOutageDatabase, createPgDatabase, TEST_DATABASE_URL } from './support/pg-test-database.ts';
import { ServeProcess } from './support/serve-process.ts';
import { TcpOutage } from './support/tcp-outage.ts';

// The processes reach PostgreSQL through a proxy that the test takes down: live connections are cut and new ones are
// refused (a closed port), then it comes back on the same port.
describe.skipIf(!TEST_DATABASE_URL)('store down (PostgreSQL behind a proxy that stops answering)', () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  it('answers politely in the user’s language, logs the error, stays up, and /readyz says 503 until the store is back', { timeout: 120_000 }, async () => {
    const db = await createPgDatabase(TEST_DATABASE_URL ?? '');
    cleanup.push(() => db.drop());
    const outage = await TcpOutage.inFrontOf(db.url);
    cleanup.push(() => outage.down());
    const env = { DATABASE_URL: outage.rewrite(db.url) };

    const serve = await ServeProcess.start(env);
    cleanup.push(() => serve.stop());
    const english = new ChatProcess('down-en', env, 'en');
    const danish = new ChatProcess('down-da', env, 'da');
    for (const chat of [english, danish]) cleanup.push(async () => chat.alive && chat.crash());

    expect(replyText(await english.send('can we delete comments'))).toContain('Må vi slette kommentarer?');
    expect(replyText(await danish.send('må vi slette kommentarer'))).toContain('Må vi slette kommentarer?');
    expect((await serve.get('/readyz')).status).toBe(200);

    await outage.down();
    expect(replyText(await english.send('how fast should we reply'))).toBe(stringsFor('en').storeUnavailable);
    expect(replyText(await danish.send('hvor hurtigt skal vi svare'))).toBe(stringsFor('da').storeUnavailable);
    const notReady = await serve.get('/readyz');
    expect(notReady.status).toBe(503);
    expect(notReady.body).toMatchObject({ status: 'unavailable', checks: { store: expect.stringMatching(/store is unavailable/) } });
    expect((await serve.get('/healthz')).status).toBe(200);
    // stderr and stdout are separate pipes: the log line may reach us just after the reply.
    await expect.poll(() => english.stderr, { timeout: 5_000 }).toMatch(/store unavailable/);
    expect([english.alive, danish.alive, serve.alive]).toEqual([true, true, true]);

    await outage.up();
    expect(replyText(await english.send('how fast should we reply'))).toContain('Hvor hurtigt skal vi svare?');
    expect((await serve.get('/readyz')).status).toBe(200);
    // The turn made while the store was down was not half-saved: two turns, two versions.
    expect(await english.end()).toBe(0);
    const inspect = db.open();
    cleanup.push(() => inspect.close());
    expect((await inspect.loadConversation('down-en'))?.version).toBe(2);
    expect(await serve.stop()).toBe(0);
  });
});

// The trial's outage: the server ends the sessions (pg_terminate_backend) and refuses new ones for this database
// (ALLOW_CONNECTIONS false, SQLSTATE 55000) while its port stays open.
describe.skipIf(!TEST_DATABASE_URL)('store down (PostgreSQL refuses connections to the database)', () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  it('answers politely, keeps /metrics up and counting store errors, and /readyz gives reasons until the database is back', { timeout: 120_000 }, async () => {
    const db = await createOutageDatabase(TEST_DATABASE_URL ?? '', cleanup);
    const serve = await ServeProcess.start({ DATABASE_URL: db.url, PLAYGROUND: 'on', LOG_LEVEL: 'info' });
    cleanup.push(() => serve.stop());
    const storeErrors = async () => {
      const response = await fetch(`${serve.baseUrl}/metrics`, { signal: AbortSignal.timeout(10_000) });
      const line = (await response.text()).split('\n').find((l) => l.startsWith('some_advisor_store_errors_total '));
      return { status: response.status, value: Number(line?.split(' ')[1]) };
    };

    await expect.poll(async () => (await serve.get('/readyz')).status, { timeout: 10_000 }).toBe(200);
    expect(await playgroundText(serve.baseUrl, 'refused-db', 'må vi slette kommentarer')).toContain('Må vi slette kommentarer?');
    expect(await storeErrors()).toEqual({ status: 200, value: 0 });

    await db.takeDown();
    expect(await playgroundText(serve.baseUrl, 'refused-db', 'hvor hurtigt skal vi svare')).toContain(stringsFor('da').storeUnavailable);
    const notReady = await serve.get('/readyz');
    expect(notReady).toEqual({
      status: 503,
      body: {
        status: 'unavailable',
        checks: {
          store: 'The store is unavailable; check that the PostgreSQL server named in DATABASE_URL is running and reachable and that its database accepts connections',
          escalation: 'unknown',
        },
      },
    });
    const during = await storeErrors();
    expect(during.status).toBe(200);
    expect(during.value).toBeGreaterThan(0);
    expect(serve.alive).toBe(true);

    await db.bringBack();
    await expect.poll(async () => (await serve.get('/readyz')).status, { timeout: 10_000 }).toBe(200);
    expect((await serve.get('/readyz')).body).toEqual({ status: 'ready', checks: { store: 'ok', escalation: 'no-route' } });
    expect(await playgroundText(serve.baseUrl, 'refused-db', 'hvor hurtigt skal vi svare')).toContain('Hvor hurtigt skal vi svare?');
    expect(await serve.stop()).toBe(0);
  });
});
