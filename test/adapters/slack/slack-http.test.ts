import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dmEvent, eventEnvelope, startSlackHarness, type SlackHarness } from './slack-harness.ts';

let h: SlackHarness;
const logLines: string[] = [];
beforeAll(async () => {
  h = await startSlackHarness({ logger: pino({ level: 'info' }, { write: (line: string) => void logLines.push(line) }) });
});
afterAll(async () => {
  await h.close();
});

function textOf(args: Record<string, unknown>): string {
  return JSON.stringify(args.blocks ?? '') + String(args.text ?? '');
}

describe('Slack over HTTP (real server, fake Web API)', () => {
  it('answers url_verification with the challenge', async () => {
    const res = await h.postEvent({ type: 'url_verification', challenge: 'abc123', token: 'x' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ challenge: 'abc123' });
  });

  it('rejects a forged signature and a timestamp older than five minutes with 401', async () => {
    const forged = await h.postEvent(eventEnvelope(dmEvent('hej')), { secret: 'wrong' });
    expect(forged.status).toBe(401);
    const old = await h.postEvent(eventEnvelope(dmEvent('hej')), { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(old.status).toBe(401);
    const unsigned = await fetch(h.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(unsigned.status).toBe(401);
  });

  it('answers a DM in the DM, acknowledging before the bot runs', async () => {
    const before = h.fake.delivered('chat.postMessage').length;
    const started = performance.now();
    const res = await h.postEvent(eventEnvelope(dmEvent('må vi slette kommentarer', 'U1', 'D1')));
    const ackMs = performance.now() - started;
    expect(res.status).toBe(200);
    await h.fake.waitFor(() => h.fake.delivered('chat.postMessage').length > before);
    const post = h.fake.delivered('chat.postMessage').at(-1);
    expect(post?.args.channel).toBe('D1');
    expect(post?.args.thread_ts).toBeUndefined();
    expect(textOf(post?.args ?? {}).toLowerCase()).toContain('slet');
    expect(h.fake.calls.some((c) => c.method === 'users.info')).toBe(true);
    console.info(`Slack DM ack latency: ${ackMs.toFixed(1)} ms`);
    expect(ackMs).toBeLessThan(3000);
  });

  it('answers an @mention in the thread, with the mention stripped', async () => {
    const before = h.fake.delivered('chat.postMessage').length;
    const ts = '1700000100.000200';
    await h.postEvent(eventEnvelope({ type: 'app_mention', channel: 'C9', user: 'U2', text: '<@UBOT> hjælp', ts }));
    await h.fake.waitFor(() => h.fake.delivered('chat.postMessage').length > before);
    const post = h.fake.delivered('chat.postMessage').at(-1);
    expect(post?.args.channel).toBe('C9');
    expect(post?.args.thread_ts).toBe(ts);
    expect(textOf(post?.args ?? {})).toContain('Hvad kan jeg hjælpe med?');
  });

  it('replies once to the same event delivered three times (retries with X-Slack-Retry-Num)', async () => {
    const before = h.fake.delivered('chat.postMessage').length;
    const envelope = eventEnvelope(dmEvent('menu', 'U3', 'D3'), 'EvSameThrice');
    const responses = [await h.postEvent(envelope), await h.postEvent(envelope, { retryNum: 1 }), await h.postEvent(envelope, { retryNum: 2 })];
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
    await h.fake.waitFor(() => h.fake.delivered('chat.postMessage').length > before);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(h.fake.delivered('chat.postMessage').filter((c) => c.args.channel === 'D3')).toHaveLength(1);
  });

  it('escapes a user typing <!channel> wherever it is echoed', async () => {
    const before = h.fake.delivered('chat.postMessage').length;
    await h.postEvent(eventEnvelope(dmEvent('<!channel> xyzzy plugh frobnicate', 'U4', 'D4')));
    await h.fake.waitFor(() => h.fake.delivered('chat.postMessage').length > before);
    for (const call of h.fake.delivered('chat.postMessage').filter((c) => c.args.channel === 'D4')) {
      expect(textOf(call.args)).not.toContain('<!channel>');
    }
  });

  it('publishes App Home on app_home_opened, with a consultant button and search tips', async () => {
    await h.postEvent(eventEnvelope({ type: 'app_home_opened', user: 'U5', channel: 'D5', tab: 'home' }));
    await h.fake.waitFor(() => h.fake.delivered('views.publish').length > 0);
    const call = h.fake.delivered('views.publish').at(-1);
    expect(call?.args.user_id).toBe('U5');
    const view = JSON.stringify(call?.args.view);
    expect(view).toContain('"type":"home"');
    expect(view).toContain('Kontakt en konsulent');
    expect(view).toContain('Tip:');
  });

  it('answers a slash command through its response_url, in English for an English profile', async () => {
    h.fake.locales.set('U6', 'en-US');
    const responseUrl = h.fake.responseUrl('cmd1');
    const res = await h.postForm({
      command: '/some',
      text: '',
      team_id: 'T1',
      channel_id: 'C6',
      user_id: 'U6',
      response_url: responseUrl,
      trigger_id: 'trig1',
    });
    expect(res.status).toBe(200);
    await h.fake.waitFor(() => h.fake.delivered('response_url').length > 0);
    const reply = h.fake.delivered('response_url').at(-1);
    expect(reply?.args.response_type).toBe('ephemeral');
    expect(textOf(reply?.args ?? {})).toContain('How can I help?');
  });

  it('delivers exactly one message after a 429 with Retry-After, waiting it out', async () => {
    h.fake.failNext('chat.postMessage', 429, 1);
    await h.postEvent(eventEnvelope(dmEvent('menu', 'U7', 'D7')));
    await h.fake.waitFor(() => h.fake.delivered('chat.postMessage').some((c) => c.args.channel === 'D7'), 10_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const attempts = h.fake.calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === 'D7');
    expect(attempts.map((a) => a.status)).toEqual([429, 200]);
    const waited = (attempts[1]?.at ?? 0) - (attempts[0]?.at ?? 0);
    console.info(`Slack 429 Retry-After 1 s: retried after ${waited} ms`);
    expect(waited).toBeGreaterThanOrEqual(1000);
  });

  it('retries a 500 and then delivers once', async () => {
    h.fake.failNext('chat.postMessage', 500);
    await h.postEvent(eventEnvelope(dmEvent('menu', 'U8', 'D8')));
    await h.fake.waitFor(() => h.fake.delivered('chat.postMessage').some((c) => c.args.channel === 'D8'));
    expect(h.fake.calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === 'D8').map((a) => a.status)).toEqual([500, 200]);
  });

  it('gives up after the bounded retries (1 attempt + 3 retries) without a duplicate', async () => {
    for (let i = 0; i < 4; i += 1) h.fake.failNext('chat.postMessage', 500);
    await h.postEvent(eventEnvelope(dmEvent('menu', 'U9', 'D9')));
    await h.fake.waitFor(() => h.fake.calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === 'D9').length === 4, 10_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const attempts = h.fake.calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === 'D9');
    expect(attempts.map((a) => a.status)).toEqual([500, 500, 500, 500]);
    const errors = logLines.map((l) => JSON.parse(l) as { level: number; conversation?: string; msg: string }).filter((l) => l.level >= 50);
    expect(errors.some((l) => l.conversation === 'slack:T1:D9' && l.msg.includes('not delivered'))).toBe(true);
  });

  it('never logs message text at info level', () => {
    const info = logLines.filter((l) => (JSON.parse(l) as { level: number }).level <= 30).join('\n');
    expect(info).not.toContain('slette kommentarer');
    expect(info).not.toContain('xyzzy');
  });
});
