import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlayground, type RunningPlayground } from '../adapters/web/playground-harness.ts';
import { textActivity } from '../adapters/teams/activities.ts';
import { startTeamsHarness, TEST_CREDENTIALS as credentials, type TeamsHarness } from '../adapters/teams/teams-harness.ts';

/** What must never reach a caller: a stack frame, a source or module path. */
const LEAK = /\n\s+at |\/work\/|node_modules|\.ts:\d+|\/src\//;

async function raw(url: string, init: RequestInit = {}): Promise<{ status: number; text: string }> {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
  return { status: response.status, text: await response.text() };
}

const json = (body: string, headers: Record<string, string> = {}): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

describe('no stack traces or file paths in HTTP responses (development mode)', () => {
  let playground: RunningPlayground;
  let teams: TeamsHarness;
  beforeAll(async () => {
    playground = await startPlayground();
    teams = await startTeamsHarness();
  });
  afterAll(async () => {
    await playground.close();
    await teams.close();
  });

  it('answers a malformed JSON body with a short 400, not Express\'s stack page', async () => {
    for (const url of [`${playground.url}/playground/api/turn`, `${teams.url}/api/messages`]) {
      const response = await raw(url, json('{"conversationId": "abc'));
      expect(response.status, url).toBe(400);
      expect(response.text, url).not.toMatch(LEAK);
      expect(response.text.length, url).toBeLessThan(300);
    }
  });

  it('answers /playground/assets/__proto__ and other Object.prototype names with 404', async () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'nothing.js']) {
      const response = await raw(`${playground.url}/playground/assets/${name}`);
      expect(response.status, name).toBe(404);
      expect(response.text, name).not.toMatch(LEAK);
    }
    expect((await raw(`${playground.url}/playground/assets/chat.js`)).status).toBe(200);
  });
});


/** A token whose audience is our app and whose issuer is the Bot Framework: its signature check needs the JWKS. */
function tokenNeedingKeys(): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${part({ alg: 'RS256', kid: 'unknown-key-id', typ: 'JWT' })}.${part({ aud: credentials.MICROSOFT_APP_ID, iss: 'https://api.botframework.com', iat: now, exp: now + 600 })}.c2lnbmF0dXJl`;
}

describe('/api/messages with credentials', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness({ endpoint: { settings: credentials } });
  });
  afterAll(() => h.close());

  it('authenticates before it reads the body: a malformed body without a token gets 401, not a parse error', async () => {
    const response = await raw(`${h.url}/api/messages`, json('{"type": "message", "text": "unterminated'));
    expect(response.status).toBe(401);
    expect(response.text).not.toMatch(LEAK);
  });

  it('does not tell the caller why the token failed (JWKS lookup, audience …); the reason is logged', async () => {
    const count = h.logs.length;
    const activity = JSON.stringify(textActivity({ serviceUrl: 'https://smba.trafficmanager.net/emea/', conversationId: 'a:jwks' }, 'hjælp'));
    const bodies = new Set<string>();
    for (const authorization of [`Bearer ${tokenNeedingKeys()}`, 'Bearer not.a.jwt', 'Basic abc']) {
      const response = await raw(`${h.url}/api/messages`, json(activity, { authorization }));
      expect(response.status, authorization).toBe(401);
      expect(response.text).not.toMatch(/jwks|signing key|getaddrinfo|ENOTFOUND|audience|botframework|jwt/i);
      bodies.add(response.text);
    }
    expect(bodies.size).toBe(1);
    expect(h.logs.slice(count).some((l) => l.level === 40 && /Teams request refused/.test(String(l.msg)) && typeof l.reason === 'string')).toBe(true);
    expect(h.connector.requests).toBe(0);
  });
});
