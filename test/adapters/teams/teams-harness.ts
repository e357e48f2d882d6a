import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino, { type Logger } from 'pino';
import { teamsEndpoint, type TeamsEndpointOptions } from '../../../src/adapters/teams/teams-endpoint.ts';
import { Bot, type BotDeps } from '../../../src/core/bot.ts';
import { contactEntryEscalation } from '../../support/contact-entry-escalation.ts';
import type { EscalationHandler } from '../../../src/core/router-deps.ts';
import { loadFlowEngine } from '../../../src/dialogs/load-flow-engine.ts';
import { loadKnowledge } from '../../../src/knowledge/load-knowledge.ts';
import { createHttpApp, listen } from '../../../src/server/http-server.ts';
import { SqliteStore } from '../../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../../src/store/store.ts';
import { FakeBotConnector } from '../../support/fake-bot-connector.ts';

/** MICROSOFT_APP_* settings for tests of the authenticated endpoint (no token they can make is valid). */
export const TEST_CREDENTIALS = {
  MICROSOFT_APP_ID: '00000000-0000-4000-8000-000000000001',
  MICROSOFT_APP_PASSWORD: 'test-secret',
  MICROSOFT_APP_TENANT_ID: '00000000-0000-4000-8000-000000000002',
  MICROSOFT_APP_TYPE: 'SingleTenant' as const,
};

/** A running bot with the Teams endpoint on loopback, a fake connector, and the log lines written. */
export interface TeamsHarness {
  url: string;
  connector: FakeBotConnector;
  store: Store;
  logs: Record<string, unknown>[];
  /** Posts an activity to /api/messages; resolves with the HTTP status. */
  post(activity: Record<string, unknown>, headers?: Record<string, string>): Promise<number>;
  close(): Promise<void>;
}

/** Options for the harness: a different escalation handler, bot wrapper, or endpoint settings. */
export interface HarnessOptions {
  escalation?: EscalationHandler;
  /** Builds the bot from its dependencies (default: `new Bot(deps)`). */
  makeBot?: (deps: BotDeps) => Bot;
  endpoint?: Partial<Omit<TeamsEndpointOptions, 'bot' | 'store' | 'logger'>>;
  /** The store (migrated; closed with the harness); a private in-memory SQLite store by default. */
  store?: Store;
}

/** Starts the bot (SQLite in memory unless a store is given, the real ./knowledge) behind the Teams endpoint, and a fake connector. */
export async function startTeamsHarness(options: HarnessOptions = {}): Promise<TeamsHarness> {
  const logs: Record<string, unknown>[] = [];
  const logger: Logger = pino({ level: 'debug' }, { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) });
  const { knowledge, flows } = await loadKnowledge('./knowledge', loadFlowEngine);
  const store = options.store ?? new SqliteStore(':memory:');
  await store.migrate();
  const deps: BotDeps = { knowledge: () => knowledge, flows: () => flows, store, escalation: options.escalation ?? contactEntryEscalation(() => knowledge), logger };
  const bot = options.makeBot ? options.makeBot(deps) : new Bot(deps);
  const connector = new FakeBotConnector();
  await connector.start();
  const app = createHttpApp({
    logger,
    readiness: {},
    mounts: [teamsEndpoint({ bot, store, logger, settings: {}, retry: { attempts: 4, baseDelayMs: 5, maxDelayMs: 20 }, ...options.endpoint })],
  });
  const server: Server = await listen(app, 0, '127.0.0.1');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    connector,
    store,
    logs,
    async post(activity, headers = {}) {
      const response = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(activity) });
      await response.arrayBuffer();
      return response.status;
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await connector.stop();
      await store.close();
    },
  };
}
