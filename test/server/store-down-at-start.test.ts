import { afterEach, describe, expect, it } from 'vitest';
import { stringsFor } from '../../src/i18n/strings.ts';
import { runCli } from '../support/run-cli.ts';
import { freePort } from '../store/support/free-port.ts';
import { createOutageDatabase, createPgDatabase, databaseUrl, TEST_DATABASE_URL } from '../store/support/pg-test-database.ts';
import { ServeProcess } from '../store/support/serve-process.ts';
import { TcpOutage } from '../store/support/tcp-outage.ts';
import { playgroundText } from './support/playground-turn.ts';

describe('store down at start', () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  it('serve keeps running: /readyz 503, the polite "try again" in the playground, and ready once PostgreSQL appears', { timeout: 90_000 }, async () => {
    const port = await freePort();
    const closedUrl = `postgres://postgres@127.0.0.1:${port}/nothing_here`;
    const db = TEST_DATABASE_URL ? await createPgDatabase(TEST_DATABASE_URL) : undefined;
    if (db) cleanup.push(() => db.drop());
    // With a test server, the URL points at a proxy on a closed port that later starts forwarding to it.
    const target = db ? new URL(db.url) : undefined;
    const outage = target ? new TcpOutage(target.hostname, Number(target.port || 5432)) : undefined;
    if (outage && db) outage.port = port;
    const url = outage && db ? outage.rewrite(db.url) : closedUrl;

    const serve = await ServeProcess.start({ DATABASE_URL: url, LOG_LEVEL: 'info', PLAYGROUND: 'on' });
    cleanup.push(() => serve.stop());
    const notReady = await serve.get('/readyz');
    expect(notReady.status).toBe(503);
    expect(notReady.body).toMatchObject({ status: 'unavailable', checks: { store: expect.stringMatching(/store is unavailable.*DATABASE_URL/) } });
    expect((await serve.get('/healthz')).status).toBe(200);
    await expect.poll(() => serve.stderr, { timeout: 5_000 }).toMatch(/store unavailable at start/);

    expect(await playgroundText(serve.baseUrl, 'start-da', 'må vi slette kommentarer')).toContain(stringsFor('da').storeUnavailable);
    expect(await playgroundText(serve.baseUrl, 'start-en', 'can we delete comments', 'en')).toContain(stringsFor('en').storeUnavailable);
    expect(serve.alive).toBe(true);

    if (outage) {
      await outage.up();
      cleanup.push(() => outage.down());
      // Retries back off 2 s, 4 s, 8 s …: ready within one more round.
      await expect.poll(async () => (await serve.get('/readyz')).status, { timeout: 30_000, interval: 250 }).toBe(200);
      const answer = await playgroundText(serve.baseUrl, 'start-da', 'må vi slette kommentarer');
      expect(answer).toContain('Må vi slette kommentarer?');
      expect(answer).not.toContain(stringsFor('da').storeUnavailable);
    }
    expect(await serve.stop()).toBe(0);
  });

  it.skipIf(!TEST_DATABASE_URL)('serve keeps running while the database does not accept connections (ALLOW_CONNECTIONS false), and is ready once it does', { timeout: 90_000 }, async () => {
    const db = await createOutageDatabase(TEST_DATABASE_URL ?? '', cleanup);
    await db.refuseConnections();

    const serve = await ServeProcess.start({ DATABASE_URL: db.url, LOG_LEVEL: 'info' });
    cleanup.push(() => serve.stop());
    const notReady = await serve.get('/readyz');
    expect(notReady.status).toBe(503);
    expect(notReady.body).toMatchObject({ checks: { store: expect.stringMatching(/store is unavailable; check that the PostgreSQL server named in DATABASE_URL/) } });
    await expect.poll(() => serve.stderr, { timeout: 5_000 }).toMatch(/not currently accepting connections.*"msg":"store unavailable at start/);
    expect(serve.alive).toBe(true);

    await db.bringBack();
    await expect.poll(async () => (await serve.get('/readyz')).status, { timeout: 30_000, interval: 250 }).toBe(200);
    expect(await serve.stop()).toBe(0);
  });

  it.skipIf(!TEST_DATABASE_URL)('serve stops at start with a message naming DATABASE_URL when the database does not exist (retrying cannot help)', { timeout: 60_000 }, async () => {
    const env = { DATABASE_URL: databaseUrl(TEST_DATABASE_URL ?? '', 'some_advisor_no_such_db'), LOG_LEVEL: 'info' };
    const outcome = await ServeProcess.start(env).then(
      (serve) => {
        cleanup.push(() => serve.stop());
        return 'listening';
      },
      (error: unknown) => String(error),
    );
    expect(outcome).toMatch(/serve exited before listening; stderr:\n(.*\n)*The database refused the connection: .*some_advisor_no_such_db.*; check the user name, password and database name in DATABASE_URL\n$/);
    expect(outcome).not.toMatch(/\n\s+at /);
  });

  it('short-lived commands print the reason without a stack trace and exit 1', { timeout: 30_000 }, async () => {
    const closedUrl = `postgres://postgres@127.0.0.1:${await freePort()}/nothing_here`;
    for (const args of [['ask', 'må vi slette kommentarer'], ['search'], ['cases', 'list']]) {
      const result = await runCli(args, 'hej\n', { DATABASE_URL: closedUrl });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^The store is unavailable: connect ECONNREFUSED .*DATABASE_URL/);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });
  it('/readyz names what to check but not the address it could not reach (no hosts or paths in HTTP responses)', { timeout: 60_000 }, async () => {
    const port = await freePort();
    const serve = await ServeProcess.start({ DATABASE_URL: `postgres://postgres:secret-pw@127.0.0.1:${port}/nothing_here`, LOG_LEVEL: 'info' });
    cleanup.push(() => serve.stop());
    const notReady = await serve.get('/readyz');
    expect(notReady.status).toBe(503);
    expect(notReady.body).toMatchObject({ status: 'unavailable', checks: { store: expect.stringMatching(/store is unavailable.*DATABASE_URL/) } });
    const body = JSON.stringify(notReady.body);
    for (const internal of [`${port}`, '127.0.0.1', 'ECONNREFUSED', 'secret-pw']) expect(body).not.toContain(internal);
    // The operator still finds the reason in the log.
    await expect.poll(() => serve.stderr, { timeout: 5_000 }).toContain(`${port}`);
  });
});
