import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteCliStore, type CliStore } from '../store/support/cli-store.ts';
import { ServeProcess } from '../store/support/serve-process.ts';

const TOKEN = 'metrics-token-0123456789abcdef';
let store: CliStore;
let serve: ServeProcess;

function turn(conversationId: string, input: object): Promise<Response> {
  return fetch(`${serve.baseUrl}/playground/api/turn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ conversationId, locale: 'da', input }),
  });
}

async function scrape(headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  const response = await fetch(`${serve.baseUrl}/metrics`, { headers });
  return { status: response.status, text: await response.text() };
}

/** The value of one sample line, e.g. value(text, 'some_advisor_turns_total{channel="web"}'). */
function value(text: string, sample: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${sample} `));
  return line === undefined ? undefined : Number(line.slice(sample.length + 1));
}

beforeAll(async () => {
  store = await sqliteCliStore();
  serve = await ServeProcess.start({ ...store.env, PLAYGROUND: 'on', METRICS_TOKEN: TOKEN, LOG_LEVEL: 'info' });
});

afterAll(async () => {
  await serve?.stop();
  await store?.dispose();
});

describe('GET /metrics', () => {
  it('counts turns, answers by kind and guides, times requests, and reports the outbox and store errors', async () => {
    for (const [id, input] of [
      ['metrics-1', { kind: 'text', text: 'må vi slette kommentarer' }],
      ['metrics-2', { kind: 'text', text: 'xqzv plimf grundak' }],
      ['metrics-3', { kind: 'action', actionId: 'flow:store-test-guide' }],
    ] as const) {
      expect((await turn(id, input)).status).toBe(200);
    }
    const { status, text } = await scrape();
    expect(status).toBe(200);
    expect(value(text, 'some_advisor_turns_total{channel="web"}')).toBe(3);
    expect(value(text, 'some_advisor_answers_total{kind="confident"}')).toBe(1);
    expect(value(text, 'some_advisor_answers_total{kind="none"}')).toBe(1);
    expect(value(text, 'some_advisor_guides_total{event="started"}')).toBe(1);
    expect(value(text, 'some_advisor_http_request_duration_seconds_count{route="/playground/api/turn",method="POST",status="200"}')).toBe(3);
    expect(value(text, 'some_advisor_outbox_pending')).toBe(0);
    expect(value(text, 'some_advisor_outbox_oldest_pending_age_seconds')).toBe(0);
    expect(value(text, 'some_advisor_store_errors_total')).toBe(0);
    expect(value(text, 'some_advisor_process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('answers a forwarded request only with the METRICS_TOKEN bearer token', async () => {
    const forwarded = { 'x-forwarded-for': '203.0.113.7' };
    expect((await scrape(forwarded)).status).toBe(401);
    expect((await scrape({ ...forwarded, authorization: 'Bearer wrong-token-0123456789' })).status).toBe(401);
    expect((await scrape({ ...forwarded, authorization: `Bearer ${TOKEN}` })).status).toBe(200);
  });

  it('logs one line per surface at start, and the real listen address', () => {
    const port = new URL(serve.baseUrl).port;
    for (const line of ['slack: off', 'teams: anonymous local development', 'playground: on', 'escalation: no route', 'metrics: GET /metrics with the METRICS_TOKEN', `listening on 127.0.0.1:${port}`]) {
      expect(serve.stderr).toContain(line);
    }
  });
});
