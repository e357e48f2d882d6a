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
import { loadConfig } from '../../src/config/config.ts';
import { loadFlowEngine } from '../../src/dialogs/load-flow-engine.ts';
import { silentLogger } from '../../src/logging/logger.ts';
import { createRuntime, type Runtime } from '../../src/main.ts';
import { createHttpApp, listen } from '../../src/server/http-server.ts';
import { FakeSlackApi, type FakeSlackCall } from '../support/fake-slack-api.ts';

const SECRET = 'inbox-test-secret';
const INBOX = 'CINBOX';
let fake: FakeSlackApi;
let runtime: Runtime;
let server: Server;
let url: string;

beforeAll(async () => {
  fake = new FakeSlackApi();
  await fake.start();
  const config = loadConfig({
    SQLITE_PATH: join(await mkdtemp(join(tmpdir(), 'some-slack-inbox-')), 'state.db'),
    KNOWLEDGE_DIR: join(import.meta.dirname, 'fixtures', 'knowledge'),
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
    CONSULTANT_SLACK_CHANNEL: INBOX,
    OUTBOX_POLL_MS: '50',
    OUTBOX_RETRY_BASE_MS: '50',
    LOG_LEVEL: 'silent',
  });
  const logger = silentLogger();
  runtime = await createRuntime(config, logger, loadFlowEngine);
  const slack = await slackFromConfig(config, runtime, logger);
  server = await listen(createHttpApp({ logger, readiness: {}, mounts: slack.mounts }), 0, '127.0.0.1');
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await runtime.close();
  await fake.stop();
});

function postPayload(payload: object): Promise<Response> {
  const raw = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  const ts = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${raw}`).digest('hex')}`;
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': signature }, body: raw });
}

const posts = (channel: string) => fake.delivered('chat.postMessage').filter((c) => c.args.channel === channel);
const updates = (channel: string) => fake.delivered('chat.update').filter((c) => c.args.channel === channel);
const json = (call: FakeSlackCall | undefined) => JSON.stringify(call?.args ?? {});

function clickInbox(card: FakeSlackCall | undefined, actionId: string, user: string): Promise<Response> {
  const blocks = (card?.args.blocks ?? []) as { type: string; block_id?: string; elements?: { action_id: string; value: string; text: object }[] }[];
  const actions = blocks.find((b) => b.type === 'actions');
  const button = actions?.elements?.find((e) => e.action_id === actionId);
  if (!button) throw new Error(`no ${actionId} button on the card: ${json(card)}`);
  const ts = String(card?.args.ts ?? '1700000001.000100');
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

/** The escalation modal submitted from a DM, after the bot showed the form in that conversation. */
async function submitForm(dm: string, urgency: string): Promise<Response> {
  await runtime.bot.respond({ channel: 'slack', conversationId: `slack:T1:${dm}`, user: { id: 'U1', locale: 'da' }, input: { kind: 'text', text: 'tal med en konsulent' } });
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
        private_metadata: JSON.stringify({ conversationId: `slack:T1:${dm}`, target: { kind: 'channel', channel: dm }, formId: 'escalation' }),
        state: {
          values: {
            'field:topic': { value: { type: 'plain_text_input', value: 'Trusler i kommentarfeltet' } },
            'field:description': { value: { type: 'plain_text_input', value: 'En borger truer en medarbejder, ring 12345678' } },
            'field:urgency': { value: { type: 'static_select', selected_option: { value: urgency } } },
            'field:municipality': { value: { type: 'plain_text_input', value: 'Odense Kommune' } },
            'field:name': { value: { type: 'plain_text_input', value: 'Sara' } },
            'field:contact': { value: { type: 'plain_text_input', value: '+45 11 22 33 44' } },
            'field:consent': { value: { type: 'checkboxes', selected_options: [] } },
          },
        },
      },
    });
}

describe('Slack consultant inbox (real server, fake Web API)', () => {
  it('modal submission → card in the inbox → Overtag and Afslut update the card and tell the requester in their DM', async () => {
    const submission = await submitForm('D1', 'urgent');
    expect(submission.status).toBe(200);
    await fake.waitFor(() => posts('D1').some((c) => json(c).includes('KL-')));
    await fake.waitFor(() => posts(INBOX).length === 1);
    const card = posts(INBOX)[0];
    const number = /KL-\d{4}-\d{4}/.exec(json(card))?.[0];
    expect(number).toBeDefined();
    expect(json(card)).toContain('Odense Kommune');
    expect(json(card)).toContain('Akut');
    expect(json(card)).toContain('Overtag');
    expect(json(card)).not.toContain('12345678');

    await clickInbox(card, INBOX_ACTIONS.claim, 'U9');
    await fake.waitFor(() => updates(INBOX).length === 1 && posts('D1').some((c) => json(c).includes('har overtaget')));
    expect(json(updates(INBOX)[0])).toContain('Overtaget af U9');
    expect(json(updates(INBOX)[0])).not.toContain(INBOX_ACTIONS.claim);
    expect(json(posts('D1').find((c) => json(c).includes('har overtaget')))).toContain(`U9 fra KL Kommunikation har overtaget din henvendelse ${number}`);
    expect((await runtime.escalation.cases.get(number ?? ''))?.case.status).toBe('claimed');

    await clickInbox(updates(INBOX)[0], INBOX_ACTIONS.resolve, 'U9');
    await fake.waitFor(() => updates(INBOX).length === 2 && posts('D1').some((c) => json(c).includes('er afsluttet')));
    expect(json(updates(INBOX)[1])).toContain('Afsluttet af U9');
    expect(posts(INBOX)).toHaveLength(1);
    expect((await runtime.escalation.cases.get(number ?? ''))?.case.status).toBe('resolved');
  }, 30_000);

  it('an inbox answering 500 three times and then 200 gets the card exactly once', async () => {
    await runtime.escalation.worker.stop();
    const before = posts(INBOX).length;
    await submitForm('D2', 'days');
    await fake.waitFor(() => posts('D2').some((c) => json(c).includes('KL-')));
    for (let i = 0; i < 3; i++) fake.failNext('chat.postMessage', 500);
    runtime.escalation.worker.start();
    await fake.waitFor(() => posts(INBOX).length === before + 1, 10_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const attempts = fake.calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === INBOX).slice(-4);
    expect(attempts.map((c) => c.status)).toEqual([500, 500, 500, 200]);
    expect(posts(INBOX)).toHaveLength(before + 1);
    const number = /KL-\d{4}-\d{4}/.exec(json(posts(INBOX).at(-1)))?.[0] ?? '';
    const view = await runtime.escalation.cases.get(number);
    expect(view?.deliveries).toEqual([expect.objectContaining({ notification: 'slack-inbox:new', status: 'sent', attempts: 4 })]);
  }, 30_000);
});
