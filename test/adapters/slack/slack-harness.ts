import { createHmac } from 'node:crypto';
import type { Server } from 'node:http';
import type { Logger } from 'pino';
import type { AddressInfo } from 'node:net';
import { createSlackAdapter } from '../../../src/adapters/slack/slack-adapter.ts';
import { Bot } from '../../../src/core/bot.ts';
import { contactEntryEscalation } from '../../support/contact-entry-escalation.ts';
import type { EscalationHandler } from '../../../src/core/router-deps.ts';
import { loadFlowEngine } from '../../../src/dialogs/load-flow-engine.ts';
import { loadKnowledge } from '../../../src/knowledge/load-knowledge.ts';
import { silentLogger } from '../../../src/logging/logger.ts';
import { createHttpApp, listen } from '../../../src/server/http-server.ts';
import { SqliteStore } from '../../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../../src/store/store.ts';
import { FakeSlackApi } from '../../support/fake-slack-api.ts';

/** The signing secret the tests sign with. */
export const SIGNING_SECRET = 'test-signing-secret';

/** A running server with the Slack mount, a fake Slack Web API and a store. */
export interface SlackHarness {
  url: string;
  fake: FakeSlackApi;
  store: Store;
  /** POSTs a JSON event body, signed unless told otherwise. */
  postEvent(body: object, options?: SignOptions): Promise<Response>;
  /** POSTs a form-encoded body (slash commands, `payload=` interactions), signed. */
  postForm(fields: Record<string, string>, options?: SignOptions): Promise<Response>;
  close(): Promise<void>;
}

/** How to sign a request: an explicit timestamp (seconds), a wrong secret, retry headers. */
export interface SignOptions {
  timestamp?: number;
  secret?: string;
  retryNum?: number;
}

/** Starts the real HTTP server with the Slack mount on an ephemeral port; `escalation` replaces the consultant handler. */
export async function startSlackHarness(options: { escalation?: EscalationHandler; formWaitMs?: number; logger?: Logger } = {}): Promise<SlackHarness> {
  const fake = new FakeSlackApi();
  await fake.start();
  const store = new SqliteStore(':memory:');
  await store.migrate();
  const loaded = await loadKnowledge('./knowledge', loadFlowEngine);
  const knowledge = () => loaded.knowledge;
  const logger = options.logger ?? silentLogger();
  const bot = new Bot({ knowledge, flows: () => loaded.flows, store, escalation: options.escalation ?? contactEntryEscalation(knowledge), logger });
  const adapter = createSlackAdapter({
    bot,
    store,
    knowledge,
    logger,
    botToken: 'xoxb-test',
    signingSecret: SIGNING_SECRET,
    apiUrl: fake.apiUrl,
    retry: { retries: 3, minTimeoutMs: 20, maxTimeoutMs: 200 },
    formWaitMs: options.formWaitMs ?? 2000,
  });
  const app = createHttpApp({ logger, readiness: {}, mounts: [adapter.mount] });
  const server: Server = await listen(app, 0, '127.0.0.1');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  const send = (raw: string, contentType: string, sign: SignOptions = {}) => {
    const ts = sign.timestamp ?? Math.floor(Date.now() / 1000);
    const signature = `v0=${createHmac('sha256', sign.secret ?? SIGNING_SECRET).update(`v0:${ts}:${raw}`).digest('hex')}`;
    const headers: Record<string, string> = { 'content-type': contentType, 'x-slack-request-timestamp': String(ts), 'x-slack-signature': signature };
    if (sign.retryNum !== undefined) {
      headers['x-slack-retry-num'] = String(sign.retryNum);
      headers['x-slack-retry-reason'] = 'http_timeout';
    }
    return fetch(url, { method: 'POST', headers, body: raw });
  };
  return {
    url,
    fake,
    store,
    postEvent: (body, sign) => send(JSON.stringify(body), 'application/json', sign),
    postForm: (fields, sign) => send(new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded', sign),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await fake.stop();
      await store.close();
    },
  };
}

let eventCounter = 0;

/** An Events API envelope around `event`, with a fresh event id unless one is given. */
export function eventEnvelope(event: Record<string, unknown>, eventId = `Ev${Date.now()}${(eventCounter += 1)}`): Record<string, unknown> {
  return {
    token: 'unused',
    team_id: 'T1',
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }],
    event,
  };
}

/** A direct message from `user` to the bot. */
export function dmEvent(text: string, user = 'U1', channel = 'D1'): Record<string, unknown> {
  return { type: 'message', channel_type: 'im', channel, user, text, ts: `${Date.now() / 1000}` };
}
