import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackFromConfig } from '../../src/adapters/slack/slack-from-config.ts';
import type { Config } from '../../src/config/config.ts';
import { TEAMS_INBOX_SETTING } from '../../src/escalation/escalation-module.ts';
import { mentionActivity, submitActivity, textActivity } from '../adapters/teams/activities.ts';
import { cardErrors } from '../adapters/teams/card-schema.ts';
import { FakeBotConnector, type ConnectorCall } from '../support/fake-bot-connector.ts';
import { FakeSlackApi } from '../support/fake-slack-api.ts';
import { escalationTestConfig, postActivity, testTeamsEndpoint } from './support/escalation-setup.ts';
import { startRuntimeServer, type RuntimeServer } from './support/runtime-server.ts';
import { escalationSubmission, slackRequests } from './support/slack-requests.ts';
import { until } from './support/until.ts';

const SECRET = 'teams-inbox-secret';
const CHANNEL = '19:konsulenter@thread.tacv2';
const THREAD = `${CHANNEL};messageid=1700000000001`;
const CONSULTANT = { id: '29:consultant', name: 'Karin Konsulent', aadObjectId: 'aad-karin' };
let slack: FakeSlackApi;
let connector: FakeBotConnector;
let config: Config;
let app: RuntimeServer | undefined;

const start = () =>
  startRuntimeServer(config, async (runtime, logger) => [
    ...(await slackFromConfig(config, runtime, logger)).mounts,
    testTeamsEndpoint(runtime, logger),
  ]);

async function stop(): Promise<void> {
  await app?.stop();
  app = undefined;
}

beforeAll(async () => {
  slack = new FakeSlackApi();
  await slack.start();
  connector = new FakeBotConnector();
  await connector.start();
  config = await escalationTestConfig('teams-inbox', { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: slack.apiUrl });
  app = await start();
});

afterAll(async () => {
  await stop();
  await slack.stop();
  await connector.stop();
});

const postTeams = (activity: Record<string, unknown>) => postActivity(app?.base ?? '', activity);
const json = (value: unknown) => JSON.stringify(value);
const cardOf = (call: ConnectorCall | undefined) => (call?.body.attachments as { content: Record<string, unknown> }[] | undefined)?.[0]?.content;
const inboxCards = (number: string) => connector.messages(CHANNEL).filter((c) => json(c.body).includes(number));
const cardUpdates = (id: string) => connector.updates().filter((c) => c.id === id);
const slackPosts = (channel: string) => slack.delivered('chat.postMessage').filter((c) => c.args.channel === channel);

/** A Slack user's escalation form submitted from their DM (the requester is on Slack, the consultant on Teams), after the bot showed it there. */
async function submitSlackForm(dm: string): Promise<Response> {
  await app?.runtime.bot.respond({ channel: 'slack', conversationId: `slack:T1:${dm}`, user: { id: 'U1', locale: 'da' }, input: { kind: 'text', text: 'tal med en konsulent' } });
  return slackRequests(() => `${app?.base ?? ''}/slack/events`, SECRET).interaction(
    escalationSubmission(dm, { topic: 'Trusler i kommentarfeltet', description: 'En borger truer en medarbejder, ring 12345678', urgency: 'urgent', municipality: 'Odense Kommune', name: 'Sara', contact: 'sara@odense.dk' }),
  );
}

/** Clicks a button of an inbox card in the channel (Teams sends it as a message in the card's thread, from the consultant). */
function click(card: ConnectorCall | undefined, title: string, conversationId = `${CHANNEL};messageid=${card?.id ?? ''}`): Promise<Response> {
  const actions = ((cardOf(card)?.body ?? []) as { type: string; actions?: { title: string; data: Record<string, unknown> }[] }[]).flatMap((e) => e.actions ?? []);
  const button = actions.find((a) => a.title === title);
  if (!button) throw new Error(`no "${title}" button on the card: ${json(cardOf(card))}`);
  const where = { serviceUrl: connector.url, conversationId, conversationType: conversationId.startsWith('19:') ? ('channel' as const) : ('personal' as const) };
  return postTeams({ ...submitActivity(where, card?.id ?? '', button.data), from: CONSULTANT });
}

async function requestFromSlack(dm: string): Promise<string> {
  expect((await submitSlackForm(dm)).status).toBe(200);
  await slack.waitFor(() => slackPosts(dm).some((c) => /KL-\d{4}-\d{4}/.test(json(c.args))), 10_000);
  return /KL-\d{4}-\d{4}/.exec(json(slackPosts(dm).find((c) => /KL-\d{4}-\d{4}/.test(json(c.args)))?.args))?.[0] ?? '';
}

describe('Teams consultant inbox (real server, fake Bot Framework connector)', () => {
  it('is not registered from a personal chat: the user is told to use a channel', async () => {
    const where = { serviceUrl: connector.url, conversationId: 'a:personal-1' };
    expect((await postTeams(textActivity(where, 'konsulentindbakke'))).status).toBe(200);
    await until('the hint', () => connector.messages('a:personal-1').length === 1);
    expect(json(connector.messages('a:personal-1')[0]?.body)).toContain('registreres i en kanal');
    expect(await app?.runtime.store.getSetting(TEAMS_INBOX_SETTING)).toBeNull();
  });

  it('register in a channel → Slack request → card in the channel → Overtag and Afslut update the card and tell the requester', async () => {
    expect((await postTeams(mentionActivity({ serviceUrl: connector.url, conversationId: THREAD, conversationType: 'channel' }, 'konsulentindbakke'))).status).toBe(200);
    await until('the confirmation', () => connector.messages(THREAD).some((c) => json(c.body).includes('konsulentindbakke')));
    expect(await app?.runtime.store.getSetting(TEAMS_INBOX_SETTING)).toMatchObject({ channel: CHANNEL, reference: { conversation: { id: CHANNEL } } });

    const number = await requestFromSlack('D1');
    await until('the inbox card', () => inboxCards(number).length === 1);
    const card = inboxCards(number)[0];
    expect(cardErrors(cardOf(card))).toEqual([]);
    const text = json(cardOf(card));
    for (const expected of [number, 'Akut', 'Odense Kommune', 'Trusler i kommentarfeltet', 'En borger truer en medarbejder', 'sara@odense.dk', 'samtykke', 'Overtag', 'Afslut']) expect(text).toContain(expected);
    expect(text).not.toContain('12345678');
    expect(card?.activityId).toBeUndefined();

    expect((await click(card, 'Overtag')).status).toBe(200);
    await until('the claimed card and the requester told', () => cardUpdates(card?.id ?? '').length === 1 && slackPosts('D1').some((c) => json(c.args).includes('har overtaget')));
    const claimed = cardOf(cardUpdates(card?.id ?? '')[0]);
    expect(cardErrors(claimed)).toEqual([]);
    expect(json(claimed)).toContain('Overtaget af Karin Konsulent');
    expect(json(claimed)).not.toContain('"Overtag"');
    expect(json(slackPosts('D1').find((c) => json(c.args).includes('har overtaget'))?.args)).toContain(`Karin Konsulent fra KL Kommunikation har overtaget din henvendelse ${number}`);
    expect((await app?.runtime.escalation.cases.get(number))?.case.status).toBe('claimed');

    expect((await click(card, 'Afslut')).status).toBe(200);
    await until('the resolved card and the requester told', () => cardUpdates(card?.id ?? '').length === 2 && slackPosts('D1').some((c) => json(c.args).includes('er afsluttet')));
    const resolved = cardOf(cardUpdates(card?.id ?? '')[1]);
    expect(cardErrors(resolved)).toEqual([]);
    expect(json(resolved)).toContain('Afsluttet af Karin Konsulent');
    expect(json(resolved)).not.toContain('Action.Submit');
    expect(inboxCards(number)).toHaveLength(1);
    // a delivery is recorded once the connector has answered, a moment after the fake connector saw the update
    const view = await until('the five deliveries recorded', async () => {
      const current = await app?.runtime.escalation.cases.get(number);
      return current?.deliveries.filter((d) => d.status !== 'retrying').length === 5 && current;
    });
    expect(view.case.status).toBe('resolved');
    expect(view.deliveries.map((d) => `${d.notification}:${d.status}`).sort()).toEqual(
      ['requester:slack:claimed:sent', 'requester:slack:resolved:sent', 'teams-inbox:claimed:sent', 'teams-inbox:new:sent', 'teams-inbox:resolved:sent'],
    );
  }, 30_000);

  it('ignores inbox buttons clicked outside the inbox channel', async () => {
    const number = await requestFromSlack('D3');
    await until('the inbox card', () => inboxCards(number).length === 1);
    const card = inboxCards(number)[0];
    expect((await click(card, 'Overtag', 'a:personal-2')).status).toBe(200);
    await until('the refusal', () => connector.messages('a:personal-2').length === 1);
    expect(json(connector.messages('a:personal-2')[0]?.body)).toContain('virker kun i den kanal');
    expect((await app?.runtime.escalation.cases.get(number))?.case.status).toBe('new');
  }, 30_000);

  it('keeps the registration across a restart: the next request reaches the channel without registering again', async () => {
    await stop();
    app = await start();
    const number = await requestFromSlack('D2');
    await until('the inbox card after the restart', () => inboxCards(number).length === 1);
    expect(cardErrors(cardOf(inboxCards(number)[0]))).toEqual([]);
    expect(json(cardOf(inboxCards(number)[0]))).toContain('Overtag');
  }, 30_000);
});
