import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INBOX_ACTIONS } from '../../src/adapters/slack/inbox-card.ts';
import { slackFromConfig } from '../../src/adapters/slack/slack-from-config.ts';
import { FakeSlackApi, type FakeSlackCall } from '../support/fake-slack-api.ts';
import { escalationTestConfig } from './support/escalation-setup.ts';
import { startRuntimeServer, type RuntimeServer } from './support/runtime-server.ts';
import { escalationSubmission, inboxClick, slackRequests } from './support/slack-requests.ts';

const SECRET = 'inbox-test-secret';
const INBOX = 'CINBOX';
let fake: FakeSlackApi;
let app: RuntimeServer;

beforeAll(async () => {
  fake = new FakeSlackApi();
  await fake.start();
  const config = await escalationTestConfig('slack-inbox', { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl, CONSULTANT_SLACK_CHANNEL: INBOX });
  app = await startRuntimeServer(config, async (runtime, logger) => (await slackFromConfig(config, runtime, logger)).mounts);
});

afterAll(async () => {
  await app.stop();
  await fake.stop();
});

const slack = slackRequests(() => `${app.base}/slack/events`, SECRET);
const posts = (channel: string) => fake.delivered('chat.postMessage').filter((c) => c.args.channel === channel);
const updates = (channel: string) => fake.delivered('chat.update').filter((c) => c.args.channel === channel);
const json = (call: FakeSlackCall | undefined) => JSON.stringify(call?.args ?? {});
const clickInbox = (card: FakeSlackCall | undefined, actionId: string, user: string) => slack.interaction(inboxClick(card, actionId, user, INBOX, fake.responseUrl('inbox')));

/** The escalation modal submitted from a DM, after the bot showed the form in that conversation. */
async function submitForm(dm: string, urgency: string): Promise<Response> {
  await app.runtime.bot.respond({ channel: 'slack', conversationId: `slack:T1:${dm}`, user: { id: 'U1', locale: 'da' }, input: { kind: 'text', text: 'tal med en konsulent' } });
  return slack.interaction(escalationSubmission(dm, { topic: 'Trusler i kommentarfeltet', description: 'En borger truer en medarbejder, ring 12345678', urgency, municipality: 'Odense Kommune', name: 'Sara', contact: '+45 11 22 33 44' }));
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
    expect((await app.runtime.escalation.cases.get(number ?? ''))?.case.status).toBe('claimed');

    await clickInbox(updates(INBOX)[0], INBOX_ACTIONS.resolve, 'U9');
    await fake.waitFor(() => updates(INBOX).length === 2 && posts('D1').some((c) => json(c).includes('er afsluttet')));
    expect(json(updates(INBOX)[1])).toContain('Afsluttet af U9');
    expect(posts(INBOX)).toHaveLength(1);
    expect((await app.runtime.escalation.cases.get(number ?? ''))?.case.status).toBe('resolved');
  }, 30_000);

  it('an inbox answering 500 three times and then 200 gets the card exactly once', async () => {
    await app.runtime.escalation.worker.stop();
    const before = posts(INBOX).length;
    await submitForm('D2', 'days');
    await fake.waitFor(() => posts('D2').some((c) => json(c).includes('KL-')));
    for (let i = 0; i < 3; i++) fake.failNext('chat.postMessage', 500);
    app.runtime.escalation.worker.start();
    await fake.waitFor(() => posts(INBOX).length === before + 1, 10_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const attempts = fake.calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === INBOX).slice(-4);
    expect(attempts.map((c) => c.status)).toEqual([500, 500, 500, 200]);
    expect(posts(INBOX)).toHaveLength(before + 1);
    const number = /KL-\d{4}-\d{4}/.exec(json(posts(INBOX).at(-1)))?.[0] ?? '';
    const view = await app.runtime.escalation.cases.get(number);
    expect(view?.deliveries).toEqual([expect.objectContaining({ notification: 'slack-inbox:new', status: 'sent', attempts: 4 })]);
  }, 30_000);
});
