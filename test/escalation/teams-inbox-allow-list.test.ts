import { mkdtemp } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboxRefusal } from '../../src/adapters/teams/inbox-allow-list.ts';
import { teamsEndpoint } from '../../src/adapters/teams/teams-endpoint.ts';
import { loadConfig } from '../../src/config/config.ts';
import { loadFlowEngine } from '../../src/dialogs/load-flow-engine.ts';
import { TEAMS_INBOX_SETTING } from '../../src/escalation/escalation-module.ts';
import { silentLogger } from '../../src/logging/logger.ts';
import { createRuntime, type Runtime } from '../../src/main.ts';
import { createHttpApp, listen } from '../../src/server/http-server.ts';
import { mentionActivity } from '../adapters/teams/activities.ts';
import { FakeBotConnector } from '../support/fake-bot-connector.ts';

const KL_TEAM = '19:kl-kommunikation@thread.tacv2';
const KL_CHANNEL = '19:konsulenter@thread.tacv2';
const OTHER_TEAM = '19:odense-kommune@thread.tacv2';
const OTHER_CHANNEL = '19:odense-kanal@thread.tacv2';
let connector: FakeBotConnector;
let runtime: Runtime;
let server: Server;
let base: string;

beforeAll(async () => {
  connector = new FakeBotConnector();
  await connector.start();
  const config = loadConfig({
    SQLITE_PATH: join(await mkdtemp(join(tmpdir(), 'some-teams-allow-')), 'state.db'),
    KNOWLEDGE_DIR: join(import.meta.dirname, 'fixtures', 'knowledge'),
    TEAMS_CONSULTANT_TEAM_IDS: ` ${KL_TEAM} , 19:another@thread.tacv2`,
    LOG_LEVEL: 'silent',
  });
  const logger = silentLogger();
  runtime = await createRuntime(config, logger, loadFlowEngine, { outbox: false });
  const teams = teamsEndpoint({ bot: runtime.bot, store: runtime.store, logger, settings: config, escalation: runtime.escalation, retry: { attempts: 2, baseDelayMs: 5, maxDelayMs: 10 } });
  server = await listen(createHttpApp({ logger, readiness: {}, mounts: [teams] }), 0, '127.0.0.1');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await runtime.close();
  await connector.stop();
});

/** "@SoMe-rådgiveren konsulentindbakke" in a thread of `channel`, with Teams' channelData naming the team (or none). */
async function register(channel: string, team: string | undefined): Promise<string> {
  const thread = `${channel};messageid=${String(Date.now())}`;
  const activity = mentionActivity({ serviceUrl: connector.url, conversationId: thread, conversationType: 'channel' }, 'konsulentindbakke');
  const channelData = { channel: { id: channel }, tenant: { id: 'tenant-1' }, ...(team ? { team: { id: team } } : {}) };
  const response = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...activity, channelData }) });
  expect(response.status).toBe(200);
  const deadline = Date.now() + 10_000;
  while (connector.messages(thread).length === 0) {
    if (Date.now() > deadline) throw new Error(`no answer in ${thread}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return JSON.stringify(connector.messages(thread)[0]?.body);
}

describe('Teams consultant inbox allow-list (TEAMS_CONSULTANT_TEAM_IDS)', () => {
  it('refuses a channel of a team outside the list, names the team id for the operators, and stores nothing', async () => {
    const answer = await register(OTHER_CHANNEL, OTHER_TEAM);
    expect(answer).toContain('ikke godkendt');
    expect(answer).toContain(OTHER_TEAM);
    expect(answer).toContain('TEAMS_CONSULTANT_TEAM_IDS');
    expect(await runtime.store.getSetting(TEAMS_INBOX_SETTING)).toBeNull();
  });

  it('refuses a channel when Teams names no team', async () => {
    expect(await register(OTHER_CHANNEL, undefined)).toContain('ikke godkendt');
    expect(await runtime.store.getSetting(TEAMS_INBOX_SETTING)).toBeNull();
  });

  it('registers a channel of a listed team, and a later attempt from another team does not take it over', async () => {
    expect(await register(KL_CHANNEL, KL_TEAM)).toContain('nu konsulentindbakke');
    expect(await runtime.store.getSetting(TEAMS_INBOX_SETTING)).toMatchObject({ channel: KL_CHANNEL });
    await register(OTHER_CHANNEL, OTHER_TEAM);
    expect(await runtime.store.getSetting(TEAMS_INBOX_SETTING)).toMatchObject({ channel: KL_CHANNEL });
  });
});

describe('inboxRefusal', () => {
  it('allows only listed teams when the list is set, in any mode', () => {
    expect(inboxRefusal(KL_TEAM, { teamIds: [KL_TEAM], localDevelopment: false })).toBeUndefined();
    expect(inboxRefusal(OTHER_TEAM, { teamIds: [KL_TEAM], localDevelopment: true })).toBe('not-listed');
    expect(inboxRefusal(undefined, { teamIds: [KL_TEAM], localDevelopment: true })).toBe('not-listed');
  });

  it('without the list refuses every team when Teams is connected, and allows any in anonymous local development', () => {
    expect(inboxRefusal(KL_TEAM, { localDevelopment: false })).toBe('unconfigured');
    expect(inboxRefusal(KL_TEAM, { localDevelopment: true })).toBeUndefined();
  });
});
