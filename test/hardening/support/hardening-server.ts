import { createHmac } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import { createSlackAdapter } from '../../../src/adapters/slack/slack-adapter.ts';
import { teamsEndpoint } from '../../../src/adapters/teams/teams-endpoint.ts';
import { loadConfig } from '../../../src/config/config.ts';
import { loadFlowEngine } from '../../../src/dialogs/load-flow-engine.ts';
import { createRuntime, type Runtime } from '../../../src/main.ts';
import { createHttpApp, listen } from '../../../src/server/http-server.ts';
import { FakeBotConnector } from '../../support/fake-bot-connector.ts';
import { FakeSlackApi } from '../../support/fake-slack-api.ts';
import { directMessageClickPayload } from '../../support/slack-payloads.ts';

/** The secret Slack requests are signed with in hardening tests. */
export const HARDENING_SECRET = 'hardening-signing-secret';
/** The consultant inbox channel on the fake Slack. */
export const INBOX_CHANNEL = 'CINBOX';

/** One running assistant with both platform endpoints on loopback, their fakes, and every log line written. */
export interface HardeningServer {
  base: string;
  slack: FakeSlackApi;
  connector: FakeBotConnector;
  runtime: Runtime;
  /** The SQLite file, when the store is SQLite. */
  sqlitePath: string | undefined;
  /** Every log line at `logLevel` and above, parsed. */
  logs: Record<string, unknown>[];
  /** The raw log output (to search for text that must never be logged). */
  rawLogs(): string;
  /** POSTs a signed Slack Events API body (or a form body when `form` is given). */
  slackPost(body: object | { form: Record<string, string> }): Promise<Response>;
  /** POSTs a Teams activity; resolves with the status. */
  teamsPost(activity: Record<string, unknown>): Promise<number>;
  close(): Promise<void>;
}

/** How to build the server: a store URL (default a temp SQLite file), log level, timeouts and retries. */
export interface HardeningOptions {
  databaseUrl?: string;
  logLevel?: pino.LevelWithSilent;
  /** Milliseconds before a Slack or Teams HTTP call is abandoned. */
  requestTimeoutMs?: number;
  slackRetries?: number;
  teamsAttempts?: number;
  rateLimitPerMinute?: number;
  /** Written to every log line as it arrives (for a soak, counting instead of keeping). */
  onLog?: (line: Record<string, unknown>) => void;
  keepLogs?: boolean;
  /** A Web API base other than the fake's (e.g. a server that never answers). */
  slackApiUrl?: string;
}

/** Starts the real runtime (createRuntime), the Slack adapter and the Teams endpoint on one loopback server. */
export async function startHardeningServer(options: HardeningOptions = {}): Promise<HardeningServer> {
  const slack = new FakeSlackApi();
  await slack.start();
  const connector = new FakeBotConnector();
  await connector.start();
  const dir = await mkdtemp(join(tmpdir(), 'some-hardening-'));
  const raw: string[] = [];
  const logs: Record<string, unknown>[] = [];
  const keep = options.keepLogs ?? true;
  const logger: Logger = pino({ level: options.logLevel ?? 'trace' }, {
    write(line: string) {
      const parsed = JSON.parse(line) as Record<string, unknown>;
      if (keep) {
        raw.push(line);
        logs.push(parsed);
      }
      options.onLog?.(parsed);
    },
  });
  const config = loadConfig({
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : { SQLITE_PATH: join(dir, 'state.db') }),
    KNOWLEDGE_DIR: './knowledge',
    SLACK_BOT_TOKEN: 'xoxb-hardening',
    SLACK_SIGNING_SECRET: HARDENING_SECRET,
    SLACK_API_URL: options.slackApiUrl ?? slack.apiUrl,
    CONSULTANT_SLACK_CHANNEL: INBOX_CHANNEL,
    OUTBOX_POLL_MS: '50',
    OUTBOX_RETRY_BASE_MS: '50',
    ANALYTICS_SECRET: 'hardening-analytics-secret',
    RATE_LIMIT_PER_MINUTE: String(options.rateLimitPerMinute ?? 100_000),
    LOG_LEVEL: options.logLevel ?? 'trace',
  });
  const runtime = await createRuntime(config, logger, loadFlowEngine);
  const timeout = options.requestTimeoutMs ?? 2000;
  const slackAdapter = createSlackAdapter({
    bot: runtime.bot,
    store: runtime.store,
    knowledge: runtime.knowledge,
    logger,
    botToken: 'xoxb-hardening',
    signingSecret: HARDENING_SECRET,
    apiUrl: options.slackApiUrl ?? slack.apiUrl,
    retry: { retries: options.slackRetries ?? 2, minTimeoutMs: 20, maxTimeoutMs: 100, requestTimeoutMs: timeout },
    escalation: runtime.escalation,
    consultantChannel: INBOX_CHANNEL,
  });
  const teams = teamsEndpoint({
    bot: runtime.bot,
    store: runtime.store,
    logger,
    settings: {},
    escalation: runtime.escalation,
    typingDelayMs: 60_000,
    retry: { attempts: options.teamsAttempts ?? 3, baseDelayMs: 5, maxDelayMs: 20, timeoutMs: timeout },
  });
  const server: Server = await listen(createHttpApp({ logger, readiness: {}, mounts: [slackAdapter.mount, teams] }), 0, '127.0.0.1');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    slack,
    connector,
    runtime,
    sqlitePath: options.databaseUrl ? undefined : join(dir, 'state.db'),
    logs,
    rawLogs: () => raw.join(''),
    slackPost(body) {
      const isForm = 'form' in body;
      const rawBody = isForm ? new URLSearchParams(body.form as Record<string, string>).toString() : JSON.stringify(body);
      const ts = Math.floor(Date.now() / 1000);
      const signature = `v0=${createHmac('sha256', HARDENING_SECRET).update(`v0:${ts}:${rawBody}`).digest('hex')}`;
      return fetchBounded(`${base}/slack/events`, {
        method: 'POST',
        headers: {
          'content-type': isForm ? 'application/x-www-form-urlencoded' : 'application/json',
          'x-slack-request-timestamp': String(ts),
          'x-slack-signature': signature,
        },
        body: rawBody,
      });
    },
    async teamsPost(activity) {
      const response = await fetchBounded(`${base}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      });
      return response.status;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await runtime.close();
      await slack.stop();
      await connector.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

let counter = 0;

/** A fresh id for events and activities. */
export function freshId(prefix: string): string {
  counter += 1;
  return `${prefix}${Date.now()}x${counter}`;
}

/** A signed-ready Events API envelope of a direct message from `user` in DM channel `channel`. */
export function slackDm(text: string, user: string, channel: string): Record<string, unknown> {
  return {
    token: 'unused',
    team_id: 'T1',
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: freshId('Ev'),
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }],
    event: { type: 'message', channel_type: 'im', channel, user, text, ts: `${Date.now() / 1000}` },
  };
}

/** A block_actions payload: `user` clicked a button with `value` in a DM message (as Slack posts it, form-encoded). */
export function slackClick(value: unknown, user: string, channel: string, actionId = 'choice-0'): { form: Record<string, string> } {
  const payload = directMessageClickPayload({
    user,
    channel,
    responseUrl: () => 'http://127.0.0.1:9/unused',
    messageText: 'old',
    blocks: [],
    button: { action_id: actionId, block_id: 'b0', value, text: { type: 'plain_text', text: 'x' } },
  });
  return { form: { payload: JSON.stringify(payload) } };
}

/** A Teams message activity in a personal chat. */
export function teamsMessage(serviceUrl: string, conversationId: string, fields: Record<string, unknown>, userId = '29:hardening'): Record<string, unknown> {
  return {
    type: 'message',
    id: freshId('act'),
    channelId: 'msteams',
    serviceUrl,
    from: { id: userId, name: 'Hardening', aadObjectId: `aad-${userId}` },
    recipient: { id: '28:bot', name: 'SoMe-rådgiveren' },
    conversation: { id: conversationId, conversationType: 'personal' },
    locale: 'da-DK',
    timestamp: new Date().toISOString(),
    ...fields,
  };
}

/** Texts of everything sent to a Slack channel (fallback text and block JSON). */
export function slackSentTo(slack: FakeSlackApi, channel: string): string[] {
  return slack.delivered('chat.postMessage').filter((c) => c.args.channel === channel).map((c) => `${String(c.args.text)}\n${JSON.stringify(c.args.blocks ?? [])}`);
}

const REQUEST_TIMEOUT_MS = 30_000;

/**
 * Fetches with a 30 s limit on the whole exchange, body included, and clears the timer when done (returning the body
 * read): an AbortSignal.timeout per request would keep a timer and a WeakRef alive for 30 s, which the soak, running
 * in this process, would count as heap growth.
 */
async function fetchBounded(url: string, init: RequestInit): Promise<Response> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error(`request to ${url} timed out after ${REQUEST_TIMEOUT_MS} ms`)), REQUEST_TIMEOUT_MS);
  try {
    const response = await fetch(url, { ...init, signal: controller.signal });
    const body = await response.arrayBuffer();
    const empty = response.status === 204 || response.status === 205 || response.status === 304;
    return new Response(empty ? null : body, { status: response.status, statusText: response.statusText, headers: response.headers });
  } finally {
    clearTimeout(timer);
  }
}

/** Waits until `predicate` holds, polling every 10 ms, or fails after `timeoutMs`. */
export async function waitUntil(predicate: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
