import { createHmac } from 'node:crypto';
import { request } from 'node:http';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dmEvent, eventEnvelope, SIGNING_SECRET, startSlackHarness, type SlackHarness } from '../adapters/slack/slack-harness.ts';
import { startTeamsHarness, TEST_CREDENTIALS as credentials, type TeamsHarness } from '../adapters/teams/teams-harness.ts';

const MB = 1024 * 1024;

/**
 * Declares a body of `declaredBytes` but sends only its first 64 KB, then waits for an answer: a server that caps the
 * body answers at once (413); one that buffers it waits for bytes that never come, so this resolves with 'no answer'.
 */
function partialUpload(url: string, declaredBytes: number, headers: Record<string, string> = {}): Promise<number | 'no answer'> {
  return new Promise((resolve) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(declaredBytes), ...headers } });
    const timer = setTimeout(() => {
      req.destroy();
      resolve('no answer');
    }, 3000);
    req.on('response', (res) => {
      clearTimeout(timer);
      res.resume();
      resolve(res.statusCode ?? 0);
      req.destroy();
    });
    req.on('error', () => undefined);
    req.write(Buffer.alloc(64 * 1024, 0x20));
  });
}

/** POSTs `body` with chunked transfer encoding (no Content-Length), signed for Slack; resolves with the status. */
function chunkedSlackPost(url: string, body: string): Promise<number> {
  const ts = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', SIGNING_SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': signature, 'transfer-encoding': 'chunked' } });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    for (let i = 0; i < body.length; i += 64 * 1024) req.write(body.slice(i, i + 64 * 1024));
    req.end();
  });
}

describe('Slack request checks (real Bolt receiver)', () => {
  let h: SlackHarness;
  const logs: string[] = [];
  beforeAll(async () => {
    h = await startSlackHarness({ logger: pino({ level: 'info' }, { write: (line: string) => void logs.push(line) }) });
  });
  afterAll(() => h.close());

  it('rejects a correctly signed request dated ten minutes in the future with 401, and answers nothing', async () => {
    const before = h.fake.calls.length;
    const response = await h.postEvent(eventEnvelope(dmEvent('hjælp', 'UF1', 'DF1')), { timestamp: Math.floor(Date.now() / 1000) + 10 * 60 });
    expect(response.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(h.fake.calls.length).toBe(before);
    expect(logs.join('\n')).toMatch(/future/);
  });

  it('answers a replayed signed slash command (same body, signature and timestamp) once', async () => {
    const timestamp = Math.floor(Date.now() / 1000);
    const command = { command: '/some', text: 'hjælp', team_id: 'T1', channel_id: 'CR1', user_id: 'UR1', response_url: h.fake.responseUrl('replay'), trigger_id: 'trigR' };
    const before = h.fake.delivered('response_url').length;
    const first = await h.postForm(command, { timestamp });
    const replay = await h.postForm(command, { timestamp });
    expect([first.status, replay.status]).toEqual([200, 200]);
    await h.fake.waitFor(() => h.fake.delivered('response_url').length > before, 10_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(h.fake.delivered('response_url').length - before).toBe(1);
    // A new request (a new timestamp, so a new signature) is answered as usual.
    await h.postForm(command, { timestamp: timestamp + 1 });
    await h.fake.waitFor(() => h.fake.delivered('response_url').length - before === 2, 10_000);
  });

  it('answers a body declared over 1 MB with 413 at once, without waiting for the rest', async () => {
    expect(await partialUpload(h.url, 2 * MB)).toBe(413);
  });

  it('stops reading a chunked (undeclared) body at 1 MB: 413 even when it is correctly signed', async () => {
    const envelope = JSON.stringify(eventEnvelope(dmEvent(`hej ${'x'.repeat(1.5 * MB)}`, 'UB1', 'DB1')));
    expect(await chunkedSlackPost(h.url, envelope)).toBe(413);
    const small = JSON.stringify(eventEnvelope(dmEvent('hjælp', 'UB2', 'DB2')));
    expect(await chunkedSlackPost(h.url, small)).toBe(200);
  });
});

describe('Teams request body cap', () => {
  let anonymous: TeamsHarness;
  let authenticated: TeamsHarness;
  beforeAll(async () => {
    anonymous = await startTeamsHarness();
    authenticated = await startTeamsHarness({ endpoint: { settings: credentials } });
  });
  afterAll(async () => {
    await anonymous.close();
    await authenticated.close();
  });

  it('answers a body declared over 1 MB with 413 at once, with or without credentials', async () => {
    expect(await partialUpload(`${anonymous.url}/api/messages`, 2 * MB)).toBe(413);
    expect(await partialUpload(`${authenticated.url}/api/messages`, 2 * MB, { authorization: 'Bearer x.y.z' })).toBe(413);
  });
});
