import { afterEach, describe, expect, it } from 'vitest';
import { stringsFor } from '../../src/i18n/strings.ts';
import { ChatProcess, replyText } from './support/chat-process.ts';
import { createPgDatabase, TEST_DATABASE_URL } from './support/pg-test-database.ts';
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
