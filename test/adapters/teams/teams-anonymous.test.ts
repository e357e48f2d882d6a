import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeBotConnector } from '../../support/fake-bot-connector.ts';
import { textActivity } from './activities.ts';
import { startTeamsHarness, type TeamsHarness } from './teams-harness.ts';

/** This machine's first non-loopback IPv4 address (a connector there is reachable, but not on loopback). */
function outsideAddress(): string | undefined {
  return Object.values(networkInterfaces())
    .flat()
    .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe('the Teams endpoint without credentials (anonymous local development)', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness();
  });
  afterAll(() => h.close());

  it('refuses a request that came through a proxy or tunnel (Forwarded / X-Forwarded-For) with 401 and says why in the log', async () => {
    const proxied: Record<string, string>[] = [{ 'x-forwarded-for': '203.0.113.9' }, { forwarded: 'for=203.0.113.9;proto=https' }];
    for (const headers of proxied) {
      const activity = textActivity({ serviceUrl: h.connector.url, conversationId: `a:proxied-${Object.keys(headers)[0]}` }, 'hjælp');
      expect(await h.post(activity, headers)).toBe(401);
    }
    await settle();
    expect(h.connector.requests).toBe(0);
    expect(h.logs.some((l) => /forwarded/i.test(String(l.msg)) && l.level === 40)).toBe(true);
  });

  it('still answers a direct loopback request', async () => {
    const before = h.connector.messages().length;
    expect(await h.post(textActivity({ serviceUrl: h.connector.url, conversationId: 'a:direct' }, 'hjælp'))).toBe(200);
    await expect.poll(() => h.connector.messages().length, { timeout: 5000 }).toBeGreaterThan(before);
  });

  it('sends nothing to a serviceUrl that is not on loopback (the cloud metadata address), and warns', async () => {
    const count = h.logs.length;
    const status = await h.post(textActivity({ serviceUrl: 'http://169.254.169.254/latest/', conversationId: 'a:metadata' }, 'hjælp'));
    expect(status).toBeGreaterThanOrEqual(400);
    await settle();
    const warning = h.logs.slice(count).find((l) => l.level === 40 && /serviceUrl/.test(String(l.msg)));
    expect(warning?.msg).toMatch(/loopback/);
  });

  it.skipIf(outsideAddress() === undefined)('sends nothing to a connector on this machine\'s network address', async () => {
    const outside = new FakeBotConnector();
    await outside.start(outsideAddress());
    try {
      await h.post(textActivity({ serviceUrl: outside.url, conversationId: 'a:outside' }, 'hjælp'));
      await settle();
      expect(outside.requests).toBe(0);
    } finally {
      await outside.stop();
    }
  });
});
