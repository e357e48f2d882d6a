import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../src/adapters/web/playground-routes.ts';
import { startPlayground, type RunningPlayground } from './playground-harness.ts';

let playground: RunningPlayground;

beforeAll(async () => {
  playground = await startPlayground();
});

afterAll(async () => {
  await playground?.close();
});

function turn(body: unknown): Promise<Response> {
  return fetch(`${playground.url}/playground/api/turn`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

describe('playground routes', () => {
  it('serves the chat page at / with a strict Content-Security-Policy', async () => {
    const response = await fetch(`${playground.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toMatch(/^default-src 'self';/);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
    const html = await response.text();
    expect(html).toContain('<html lang="da">');
    expect(html).toMatch(/<main id="main"/);
    expect(html).not.toMatch(/https?:\/\/(?!localhost)/);
  });

  it('picks English from Accept-Language and ?lang=', async () => {
    const en = await (await fetch(`${playground.url}/search`, { headers: { 'Accept-Language': 'en-GB,en;q=0.9' } })).text();
    expect(en).toContain('<html lang="en">');
    const da = await (await fetch(`${playground.url}/search?lang=da`, { headers: { 'Accept-Language': 'en-GB' } })).text();
    expect(da).toContain('<html lang="da">');
  });

  it('serves the local Mermaid bundle and its own assets, nothing else', async () => {
    const mermaid = await fetch(`${playground.url}/playground/assets/mermaid.min.js`);
    expect(mermaid.status).toBe(200);
    expect(mermaid.headers.get('content-type')).toContain('javascript');
    expect((await fetch(`${playground.url}/playground/assets/..%2F..%2Fpackage.json`)).status).toBe(404);
    expect((await fetch(`${playground.url}/playground/assets/playground.css`)).status).toBe(200);
  });

  it('answers a turn with escaped HTML and the flow position', async () => {
    const response = await turn({ conversationId: 'routes-test-1', input: { kind: 'text', text: 'fjendtligt indhold i vores svar' } });
    const body = (await response.json()) as { html: string[]; flow: unknown };
    expect(body.flow).toBeNull();
    expect(body.html.join('')).toContain('&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;');
    expect(body.html.join('')).not.toMatch(/<script|<img|href="javascript/i);
    const started = (await (await turn({ conversationId: 'routes-test-1', input: { kind: 'action', actionId: 'flow:hostile-flow' } })).json()) as { flow: unknown };
    expect(started.flow).toEqual({ id: 'hostile-flow', node: 'first', outcome: false });
  });

  it('rejects malformed turns with 400 and a reason', async () => {
    const bad = await turn({ conversationId: 'x', input: { kind: 'text', text: 'hej' } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toContain('conversationId');
    expect((await turn({ conversationId: 'routes-test-2', input: { kind: 'shell' } })).status).toBe(400);
  });

  it('keeps a conversation\'s history, redacted and escaped, and reads it back after a position', async () => {
    const history = async (query: string) => (await fetch(`${playground.url}/playground/api/history?${query}`)).json() as Promise<{ entries: { seq: number; kind: string; text?: string; html?: string[] }[] }>;
    await turn({ conversationId: 'routes-history-1', input: { kind: 'text', text: 'menu' }, silent: true });
    await turn({ conversationId: 'routes-history-1', input: { kind: 'text', text: 'ring 22 33 44 55 om <b>slette kommentarer</b>' } });
    const all = (await history('conversationId=routes-history-1')).entries;
    expect(all.map((e) => e.kind)).toEqual(['bot', 'user', 'bot']);
    expect(all[1]?.text).toBe('ring [telefonnummer fjernet] om <b>slette kommentarer</b>');
    expect(all.flatMap((e) => e.html ?? []).join('')).not.toMatch(/<b>|22 33 44 55/);
    expect((await history(`conversationId=routes-history-1&after=${all[1]?.seq ?? 0}`)).entries.map((e) => e.seq)).toEqual([all[2]?.seq]);
    expect((await history('conversationId=routes-history-2')).entries).toEqual([]);
    const bad = await fetch(`${playground.url}/playground/api/history?conversationId=x`);
    expect(bad.status).toBe(400);
  });
});
