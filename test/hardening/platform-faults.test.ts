import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackDm, startHardeningServer, teamsMessage, waitUntil, type HardeningServer } from './support/hardening-server.ts';

/** A loopback server that accepts connections and never answers (the "timeout" fault). */
async function silentServer(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

const errorsLogged = (s: HardeningServer) => s.logs.filter((l) => typeof l.level === 'number' && l.level >= 50).map((l) => String(l.msg));

describe('Slack Web API faults (500, 429, no answer)', () => {
  let s: HardeningServer;
  beforeAll(async () => {
    s = await startHardeningServer({ logLevel: 'info' });
  });
  afterAll(async () => {
    await s.close();
  });

  for (const [name, status] of [['500', 500], ['429', 429]] as const) {
    it(`retries chat.postMessage after a ${name} and delivers the reply exactly once`, async () => {
      const channel = `DF${status}`;
      s.slack.failNext('chat.postMessage', status, status === 429 ? 0 : undefined);
      expect((await s.slackPost(slackDm('menu', `UF${status}`, channel))).status).toBe(200);
      await waitUntil(() => s.slack.delivered('chat.postMessage').some((c) => c.args.channel === channel), 10_000, 'the retried reply');
      await new Promise((resolve) => setTimeout(resolve, 200));
      const calls = s.slack.calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === channel);
      expect(calls.map((c) => c.status)).toEqual([status, 200]);
    });
  }
});

describe('a Slack Web API that never answers', () => {
  let s: HardeningServer;
  let silent: Awaited<ReturnType<typeof silentServer>>;
  beforeAll(async () => {
    silent = await silentServer();
    s = await startHardeningServer({ logLevel: 'info', slackApiUrl: `${silent.url}api/`, requestTimeoutMs: 300, slackRetries: 1 });
  });
  afterAll(async () => {
    await s.close();
    await silent.close();
  });

  it('acks at once, gives up after the request timeout with a logged error, and keeps serving', async () => {
    const started = Date.now();
    expect((await s.slackPost(slackDm('menu', 'UHANG', 'DHANG'))).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(2000);
    await waitUntil(() => errorsLogged(s).some((m) => m.includes('failed after retries')), 10_000, 'the logged delivery failure');
    const health = await fetch(`${s.base}/healthz`);
    expect(health.status).toBe(200);
  });
});

describe('Teams connector faults (500, 429, no answer)', () => {
  let s: HardeningServer;
  let silent: Awaited<ReturnType<typeof silentServer>>;
  beforeAll(async () => {
    silent = await silentServer();
    s = await startHardeningServer({ logLevel: 'info', requestTimeoutMs: 300 });
  });
  afterAll(async () => {
    await s.close();
    await silent.close();
  });

  it('retries a 429 and delivers the reply exactly once', async () => {
    s.connector.failNext.push(429);
    expect(await s.teamsPost(teamsMessage(s.connector.url, 'a:fault-429', { text: 'menu' }))).toBe(200);
    expect(s.connector.messages('a:fault-429').length).toBe(1);
  });

  it('does not retry a 500 (it may have arrived): the reply is dropped with a logged error, and a redelivery is not answered twice', async () => {
    s.connector.failNext.push(500);
    const activity = teamsMessage(s.connector.url, 'a:fault-500', { text: 'menu' });
    const status = await s.teamsPost(activity);
    console.info(`fault: Teams connector 500 -> endpoint answered ${status}, messages delivered ${s.connector.messages('a:fault-500').length}`);
    expect(errorsLogged(s).some((m) => m.includes('sending a reply failed'))).toBe(true);
    expect(await s.teamsPost(activity)).toBe(200);
    expect(s.connector.messages('a:fault-500').length).toBe(0);
  });

  it('abandons a connector that never answers after the timeout and answers Bot Service', async () => {
    const started = Date.now();
    const status = await s.teamsPost(teamsMessage(silent.url, 'a:fault-hang', { text: 'menu' }));
    const took = Date.now() - started;
    console.info(`fault: Teams connector never answers -> endpoint answered ${status} after ${took} ms`);
    expect(took).toBeLessThan(5000);
    expect(errorsLogged(s).some((m) => m.includes('sending a reply failed'))).toBe(true);
    expect(await s.teamsPost(teamsMessage(s.connector.url, 'a:fault-after', { text: 'menu' }))).toBe(200);
    expect(s.connector.messages('a:fault-after').length).toBe(1);
  });
});
