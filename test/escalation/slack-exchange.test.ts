import { createHmac } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORM_CALLBACK_ID } from '../../src/adapters/slack/form-modal.ts';
import { INBOX_ACTIONS } from '../../src/adapters/slack/inbox-card.ts';
import { slackFromConfig } from '../../src/adapters/slack/slack-from-config.ts';
import { loadConfig, type Config } from '../../src/config/config.ts';
import { loadFlowEngine } from '../../src/dialogs/load-flow-engine.ts';
import { silentLogger } from '../../src/logging/logger.ts';
import { createRuntime, type Runtime } from '../../src/main.ts';
import { createHttpApp, listen } from '../../src/server/http-server.ts';
import { eventEnvelope } from '../adapters/slack/slack-harness.ts';
import { FakeSlackApi, type FakeSlackCall } from '../support/fake-slack-api.ts';

const SECRET = 'exchange-test-secret';
const INBOX = 'CINBOX';
const DM = 'D7';
let fake: FakeSlackApi;
let config: Config;
let app: { runtime: Runtime; server: Server; url: string } | undefined;

async function start(): Promise<{ runtime: Runtime; server: Server; url: string }> {
  const logger = process.env.DEBUG_TEST ? (await import('pino')).default({ level: 'debug' }) : silentLogger();
  const runtime = await createRuntime(config, logger, loadFlowEngine);
  const slack = await slackFromConfig(config, runtime, logger);
  const server = await listen(createHttpApp({ logger, readiness: {}, mounts: slack.mounts }), 0, '127.0.0.1');
  return { runtime, server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events` };
}

async function stop(): Promise<void> {
  if (!app) return;
  app.server.closeAllConnections();
  await new Promise<void>((resolve) => app?.server.close(() => resolve()));
  await app.runtime.close();
  app = undefined;
}

beforeAll(async () => {
  fake = new FakeSlackApi();
  await fake.start();
  config = loadConfig({
    SQLITE_PATH: join(await mkdtemp(join(tmpdir(), 'some-slack-exchange-')), 'state.db'),
    KNOWLEDGE_DIR: join(import.meta.dirname, 'fixtures', 'knowledge'),
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
    CONSULTANT_SLACK_CHANNEL: INBOX,
    OUTBOX_POLL_MS: '50',
    OUTBOX_RETRY_BASE_MS: '50',
    LOG_LEVEL: 'silent',
  });
  app = await start();
});

afterAll(async () => {
  await stop();
  await fake.stop();
});

function signed(raw: string, contentType: string): Promise<Response> {
  const ts = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${raw}`).digest('hex')}`;
  return fetch(app?.url ?? '', { method: 'POST', headers: { 'content-type': contentType, 'x-slack-request-timestamp': String(ts), 'x-slack-signature': signature }, body: raw });
}

const postEvent = (envelope: Record<string, unknown>) => signed(JSON.stringify(envelope), 'application/json');
const postPayload = (payload: object) => signed(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded');
const json = (call: FakeSlackCall | undefined) => JSON.stringify(call?.args ?? {});
const posts = (channel: string) => fake.delivered('chat.postMessage').filter((c) => c.args.channel === channel);
const ephemerals = (user: string) => fake.delivered('chat.postEphemeral').filter((c) => c.args.user === user);

/** A message in a thread, as Slack sends it for message.channels / message.im. */
function threadMessage(channel: string, user: string, text: string, threadTs: string, channelType: string): Record<string, unknown> {
  return { type: 'message', channel, channel_type: channelType, user, text, ts: `${Date.now() / 1000}`, thread_ts: threadTs };
}

function submitForm(): Promise<Response> {
  return postPayload({
    type: 'view_submission',
    team: { id: 'T1', domain: 't' },
    user: { id: 'U1', username: 'u1', team_id: 'T1' },
    api_app_id: 'A1',
    token: 'unused',
    trigger_id: 'trig',
    view: {
      id: 'V1',
      type: 'modal',
      callback_id: FORM_CALLBACK_ID,
      private_metadata: JSON.stringify({ conversationId: `slack:T1:${DM}`, target: { kind: 'channel', channel: DM }, formId: 'escalation' }),
      state: {
        values: {
          'field:topic': { value: { type: 'plain_text_input', value: 'Falsk rygte om lukning' } },
          'field:description': { value: { type: 'plain_text_input', value: 'Et rygte spreder sig i lokale grupper.' } },
          'field:urgency': { value: { type: 'static_select', selected_option: { value: 'days' } } },
          'field:municipality': { value: { type: 'plain_text_input', value: 'Vejle Kommune' } },
          'field:name': { value: { type: 'plain_text_input', value: 'Sara' } },
          'field:contact': { value: { type: 'plain_text_input', value: 'sara@vejle.dk' } },
          'field:consent': { value: { type: 'checkboxes', selected_options: [] } },
        },
      },
    },
  });
}

function clickResolve(card: FakeSlackCall | undefined, user: string): Promise<Response> {
  const blocks = (card?.args.blocks ?? []) as { type: string; block_id?: string; elements?: { action_id: string; value: string; text: object }[] }[];
  const actions = blocks.find((b) => b.type === 'actions');
  const button = actions?.elements?.find((e) => e.action_id === INBOX_ACTIONS.resolve);
  if (!button) throw new Error(`no Afslut button: ${json(card)}`);
  const ts = String(card?.response?.ts ?? '');
  return postPayload({
    type: 'block_actions',
    team: { id: 'T1', domain: 't' },
    user: { id: user, username: user, team_id: 'T1' },
    api_app_id: 'A1',
    token: 'unused',
    trigger_id: 'trig',
    response_url: fake.responseUrl('inbox'),
    container: { type: 'message', message_ts: ts, channel_id: INBOX, is_ephemeral: false },
    channel: { id: INBOX, name: 'konsulenter' },
    message: { type: 'message', ts, text: String(card?.args.text ?? ''), blocks },
    actions: [{ type: 'button', action_id: button.action_id, block_id: actions?.block_id, value: button.value, text: button.text, action_ts: ts }],
  });
}

describe('the consultant answers back in Slack (real server, fake Web API)', () => {
  it('a reply in the card thread reaches the requester across a restart, once; the requester answers in the DM thread; resolving ends it', async () => {
    expect((await submitForm()).status).toBe(200);
    await fake.waitFor(() => posts(INBOX).length === 1, 10_000);
    const card = posts(INBOX)[0];
    const number = /KL-\d{4}-\d{4}/.exec(json(card))?.[0] ?? '';
    const cardTs = String(card?.response?.ts);
    expect(json(card)).toContain('Svar brugeren ved at skrive i tråden under dette kort');

    // The reply is taken by this process, which stops before delivering it; the next process delivers it.
    await app?.runtime.escalation.worker.stop();
    const reply = eventEnvelope(threadMessage(INBOX, 'U9', 'Hej Sara. Ring mig på 22 33 44 55, så tager vi den derfra.', cardTs, 'group'));
    expect((await postEvent(reply)).status).toBe(200);
    await fake.waitFor(() => ephemerals('U9').length === 1);
    expect(json(ephemerals('U9')[0])).toContain(`Sendt til brugeren (sag ${number})`);
    expect(ephemerals('U9')[0]?.args.thread_ts).toBe(cardTs);
    await stop();
    expect(posts(DM).filter((c) => json(c).includes('Konsulenten skriver'))).toHaveLength(0);
    app = await start();
    expect((await postEvent(reply)).status).toBe(200);
    await fake.waitFor(() => posts(DM).some((c) => json(c).includes('Konsulenten skriver')), 10_000);
    await new Promise((r) => setTimeout(r, 400));
    const relayed = posts(DM).filter((c) => json(c).includes('Konsulenten skriver'));
    expect(relayed).toHaveLength(1);
    expect(json(relayed[0])).toContain('Ring mig på [telefonnummer fjernet]');
    expect(json(relayed[0])).not.toContain('22 33 44 55');
    expect(json(relayed[0])).toContain('Svar konsulenten');
    expect(relayed[0]?.args.metadata).toMatchObject({ event_type: 'some_advisor_case' });
    // Replying claims the case, so the card shows who took it and the requester hears of it.
    await fake.waitFor(() => posts(DM).some((c) => json(c).includes('har overtaget')));
    expect((await app?.runtime.escalation.cases.get(number))?.case.status).toBe('claimed');

    const answer = eventEnvelope(threadMessage(DM, 'U1', 'Tak! Jeg er ved telefonen efter kl. 13.', String(relayed[0]?.response?.ts), 'im'));
    expect((await postEvent(answer)).status).toBe(200);
    await fake.waitFor(() => posts(INBOX).some((c) => json(c).includes('Brugeren svarer')), 10_000);
    const inThread = posts(INBOX).filter((c) => json(c).includes('Brugeren svarer'));
    expect(inThread).toHaveLength(1);
    expect(inThread[0]?.args.thread_ts).toBe(cardTs);
    expect(json(inThread[0])).toContain('Jeg er ved telefonen efter kl. 13.');
    expect(posts(DM).some((c) => c.args.thread_ts === relayed[0]?.response?.ts && json(c).includes(`Sendt til konsulenten i sag ${number}`))).toBe(true);
    // Neither message was answered as a question.
    expect(posts(DM).filter((c) => json(c).includes('ikke et godt svar'))).toHaveLength(0);

    const view = await app?.runtime.escalation.cases.get(number);
    expect(view?.messages.map((m) => [m.from, m.by, m.source])).toEqual([
      ['consultant', 'U9', 'slack-inbox'],
      ['requester', undefined, 'requester'],
    ]);

    await clickResolve(posts(INBOX)[0], 'U9');
    await fake.waitFor(() => posts(DM).some((c) => json(c).includes('er afsluttet')), 10_000);
    const late = eventEnvelope(threadMessage(INBOX, 'U9', 'En sidste ting', cardTs, 'group'));
    expect((await postEvent(late)).status).toBe(200);
    await fake.waitFor(() => ephemerals('U9').length === 2);
    expect(json(ephemerals('U9')[1])).toContain('Sagen er afsluttet');
    await new Promise((r) => setTimeout(r, 400));
    expect(posts(DM).filter((c) => json(c).includes('En sidste ting'))).toHaveLength(0);
  }, 60_000);

  it('ignores threads in other channels and other threads in the consultant channel, storing nothing', async () => {
    const before = fake.calls.length;
    const elsewhere = eventEnvelope(threadMessage('CGENERAL', 'U5', 'frokost?', '1700000000.000100', 'channel'));
    expect((await postEvent(elsewhere)).status).toBe(200);
    const chatter = eventEnvelope(threadMessage(INBOX, 'U9', 'kaffe?', '1600000000.000100', 'group'));
    expect((await postEvent(chatter)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 500));
    expect(fake.calls.slice(before).filter((c) => c.method.startsWith('chat.'))).toEqual([]);
    // The other channel's event id was not even recorded.
    expect(await app?.runtime.store.markEventSeen(String(elsewhere.event_id), 60_000)).toBe(true);
  });
});
