import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INBOX_ACTIONS } from '../../src/adapters/slack/inbox-card.ts';
import { slackFromConfig } from '../../src/adapters/slack/slack-from-config.ts';
import { submitActivity, textActivity } from '../adapters/teams/activities.ts';
import { FakeBotConnector } from '../support/fake-bot-connector.ts';
import { FakeSlackApi, type FakeSlackCall } from '../support/fake-slack-api.ts';
import { escalationTestConfig, postActivity, testTeamsEndpoint } from './support/escalation-setup.ts';
import { startRuntimeServer, type RuntimeServer } from './support/runtime-server.ts';
import { inboxClick, slackRequests } from './support/slack-requests.ts';
import { until } from './support/until.ts';

const SECRET = 'teams-requester-secret';
const INBOX = 'CINBOX';
const CONVERSATION = 'a:teams-requester-1';
let slack: FakeSlackApi;
let connector: FakeBotConnector;
let app: RuntimeServer;

beforeAll(async () => {
  slack = new FakeSlackApi();
  await slack.start();
  connector = new FakeBotConnector();
  await connector.start();
  const config = await escalationTestConfig('teams-req', { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: slack.apiUrl, CONSULTANT_SLACK_CHANNEL: INBOX });
  app = await startRuntimeServer(config, async (runtime, logger) => [...(await slackFromConfig(config, runtime, logger)).mounts, testTeamsEndpoint(runtime, logger)]);
});

afterAll(async () => {
  await app.stop();
  await slack.stop();
  await connector.stop();
});

const where = () => ({ serviceUrl: connector.url, conversationId: CONVERSATION });
const postTeams = (activity: Record<string, unknown>) => postActivity(app.base, activity);
const teamsText = () => connector.messages(CONVERSATION).map((c) => JSON.stringify(c.body));

const clickSlack = (card: FakeSlackCall | undefined, actionId: string, user: string) =>
  slackRequests(() => `${app.base}/slack/events`, SECRET).interaction(inboxClick(card, actionId, user, INBOX, slack.responseUrl('x')));

describe('a requester on Teams served by a consultant on Slack', () => {
  it('Teams form → Slack inbox card → Overtag and Afslut reach the requester in their Teams conversation', async () => {
    expect(await postTeams(textActivity(where(), 'tal med en konsulent'))).toHaveProperty('status', 200);
    await until('the form card', () => teamsText().some((t) => t.includes('escalation')));
    const formCard = connector.messages(CONVERSATION).at(-1);
    expect(JSON.stringify(formCard?.body)).toContain('Mette Kommunikation');
    await postTeams(
      submitActivity(where(), formCard?.id ?? '', {
        form: 'escalation',
        checkboxes: ['consent'],
        topic: 'Hadefulde kommentarer',
        description: 'Mange kommentarer på et opslag',
        urgency: 'days',
        municipality: 'Vejle Kommune',
        name: 'Mette Kommunikation',
        contact: 'mette@vejle.dk',
        consent: 'true',
      }),
    );
    await until('the confirmation', () => teamsText().some((t) => /KL-\d{4}-\d{4}/.test(t)));
    const number = /KL-\d{4}-\d{4}/.exec(teamsText().find((t) => /KL-\d{4}-\d{4}/.test(t)) ?? '')?.[0] ?? '';
    const stored = await app.runtime.escalation.cases.get(number);
    expect(stored?.payload.requester.platform).toBe('teams');
    expect(stored?.payload.requester.reference.platform).toMatchObject({ serviceUrl: connector.url, conversation: { id: CONVERSATION } });

    await until('the Slack inbox card', () => slack.delivered('chat.postMessage').some((c) => c.args.channel === INBOX && JSON.stringify(c.args).includes(number)));
    const card = slack.delivered('chat.postMessage').find((c) => c.args.channel === INBOX);
    await clickSlack(card, INBOX_ACTIONS.claim, 'U7');
    await until('the claim on Teams', () => teamsText().some((t) => t.includes(`U7 fra KL Kommunikation har overtaget din henvendelse ${number}`)));
    await clickSlack(card, INBOX_ACTIONS.resolve, 'U7');
    await until('the resolution on Teams', () => teamsText().some((t) => t.includes(`Din henvendelse ${number} er afsluttet`)));
    await until('both card updates', () => slack.delivered('chat.update').filter((c) => c.args.channel === INBOX).length === 2);
    expect(JSON.stringify(slack.delivered('chat.update').at(-1)?.args)).toContain('Afsluttet af U7');
  }, 30_000);
});
