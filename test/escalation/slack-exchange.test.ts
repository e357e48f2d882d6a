import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INBOX_ACTIONS } from '../../src/adapters/slack/inbox-card.ts';
import { slackFromConfig } from '../../src/adapters/slack/slack-from-config.ts';
import type { Config } from '../../src/config/config.ts';
import { buttons } from '../adapters/slack/slack-clicks.ts';
import { dmEvent, eventEnvelope } from '../adapters/slack/slack-harness.ts';
import { FakeSlackApi, type FakeSlackCall } from '../support/fake-slack-api.ts';
import { directMessageClickPayload } from '../support/slack-payloads.ts';
import { escalationTestConfig } from './support/escalation-setup.ts';
import { startRuntimeServer, type RuntimeServer } from './support/runtime-server.ts';
import { escalationSubmission, inboxClick, slackRequests } from './support/slack-requests.ts';

const SECRET = 'exchange-test-secret';
const INBOX = 'CINBOX';
const DM = 'D7';
let fake: FakeSlackApi;
let config: Config;
let app: RuntimeServer | undefined;
const slack = slackRequests(() => `${app?.base ?? ''}/slack/events`, SECRET);

const start = () => startRuntimeServer(config, async (runtime, logger) => (await slackFromConfig(config, runtime, logger)).mounts);

async function stop(): Promise<void> {
  await app?.stop();
  app = undefined;
}

beforeAll(async () => {
  fake = new FakeSlackApi();
  await fake.start();
  config = await escalationTestConfig('slack-exchange', { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl, CONSULTANT_SLACK_CHANNEL: INBOX });
  app = await start();
});

afterAll(async () => {
  await stop();
  await fake.stop();
});

const json = (call: FakeSlackCall | undefined) => JSON.stringify(call?.args ?? {});
const posts = (channel: string) => fake.delivered('chat.postMessage').filter((c) => c.args.channel === channel);
const ephemerals = (user: string) => fake.delivered('chat.postEphemeral').filter((c) => c.args.user === user);

/** A message in a thread, as Slack sends it for message.channels / message.groups / message.im. */
function threadMessage(channel: string, user: string, text: string, threadTs: string, channelType: string): Record<string, unknown> {
  return { type: 'message', channel, channel_type: channelType, user, text, ts: `${Date.now() / 1000}`, thread_ts: threadTs };
}

const request = { topic: 'Falsk rygte om lukning', description: 'Et rygte spreder sig i lokale grupper.', urgency: 'days', municipality: 'Vejle Kommune', name: 'Sara', contact: 'sara@vejle.dk' };

describe('the consultant answers back in Slack (real server, fake Web API)', () => {
  it('a reply in the card thread reaches the requester across a restart, once; the requester answers in the DM thread; resolving ends it', async () => {
    await app?.runtime.bot.respond({ channel: 'slack', conversationId: `slack:T1:${DM}`, user: { id: 'U1', locale: 'da' }, input: { kind: 'text', text: 'tal med en konsulent' } });
    expect((await slack.interaction(escalationSubmission(DM, request))).status).toBe(200);
    await fake.waitFor(() => posts(INBOX).length === 1, 10_000);
    const card = posts(INBOX)[0];
    const number = /KL-\d{4}-\d{4}/.exec(json(card))?.[0] ?? '';
    const cardTs = String(card?.response?.ts);
    expect(json(card)).toContain('Svar brugeren ved at skrive i tråden under dette kort');

    // The reply is taken by this process, which stops before delivering it; the next process delivers it.
    await app?.runtime.escalation.worker.stop();
    const reply = eventEnvelope(threadMessage(INBOX, 'U9', 'Hej Sara. Ring mig på 22 33 44 55, så tager vi den derfra.', cardTs, 'group'));
    expect((await slack.event(reply)).status).toBe(200);
    await fake.waitFor(() => ephemerals('U9').length === 1);
    expect(json(ephemerals('U9')[0])).toContain(`Sendt til Sara, Vejle Kommune (sag ${number}).`);
    expect(json(ephemerals('U9')[0])).toContain('Telefonnummeret i svaret er fjernet, før det blev sendt.');
    expect(ephemerals('U9')[0]?.args.thread_ts).toBe(cardTs);
    await stop();
    expect(posts(DM).filter((c) => json(c).includes('Konsulenten skriver'))).toHaveLength(0);
    app = await start();
    expect((await slack.event(reply)).status).toBe(200);
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
    expect((await slack.event(answer)).status).toBe(200);
    await fake.waitFor(() => posts(INBOX).some((c) => json(c).includes('Brugeren svarer')), 10_000);
    const inThread = posts(INBOX).filter((c) => json(c).includes('Brugeren svarer'));
    expect(inThread).toHaveLength(1);
    expect(inThread[0]?.args.thread_ts).toBe(cardTs);
    expect(json(inThread[0])).toContain('Jeg er ved telefonen efter kl. 13.');
    expect(posts(DM).some((c) => c.args.thread_ts === relayed[0]?.response?.ts && json(c).includes(`Sendt til konsulenten i sag ${number}`))).toBe(true);
    // Neither message was answered as a question.
    expect(posts(DM).filter((c) => json(c).includes('ikke et godt svar'))).toHaveLength(0);
    // answered in the thread: the next message in the DM is the bot's again, not offered to the consultant
    const before = posts(DM).length;
    expect((await slack.event(eventEnvelope(dmEvent('hvor lang tid går der før konsulenten svarer', 'U1', DM)))).status).toBe(200);
    await fake.waitFor(() => posts(DM).length > before, 10_000);
    expect(posts(DM).slice(before).map(json).join('\n')).not.toContain('Er det et svar til konsulenten');

    // A reply written in the terminal reaches the requester and is shown in the card's thread too.
    expect((await app?.runtime.escalation.cases.reply(number, 'Jeg har sendt dig et udkast.', 'Lars Konsulent', 'cli'))?.ok).toBe(true);
    await fake.waitFor(() => posts(INBOX).some((c) => json(c).includes('Lars Konsulent svarede brugeren')), 10_000);
    expect(posts(INBOX).find((c) => json(c).includes('Lars Konsulent svarede brugeren'))?.args.thread_ts).toBe(cardTs);
    await fake.waitFor(() => posts(DM).some((c) => json(c).includes('Jeg har sendt dig et udkast.')), 10_000);

    // a message typed in the DM itself (not the thread) after it is offered to the consultant, and sent when chosen
    expect((await slack.event(eventEnvelope(dmEvent('Tak, jeg læser det i aften.', 'U1', DM)))).status).toBe(200);
    await fake.waitFor(() => posts(DM).some((c) => json(c).includes('Er det et svar til konsulenten')), 10_000);
    const offer = posts(DM).find((c) => json(c).includes('Er det et svar til konsulenten'));
    const send = buttons(offer).find(({ button }) => button.text.text === 'Send til konsulenten');
    const click = directMessageClickPayload({
      user: 'U1',
      channel: DM,
      responseUrl: (ts) => fake.responseUrl(`offer-${ts}`),
      messageText: String(offer?.args.text ?? ''),
      blocks: (offer?.args.blocks ?? []) as object[],
      button: { action_id: send?.button.action_id ?? '', block_id: send?.block.block_id, value: send?.button.value ?? '', text: send?.button.text ?? {} },
    });
    expect((await slack.interaction(click)).status).toBe(200);
    await fake.waitFor(() => posts(INBOX).some((c) => json(c).includes('Tak, jeg læser det i aften.')), 10_000);

    const view = await app?.runtime.escalation.cases.get(number);
    expect(view?.messages.map((m) => [m.from, m.by, m.source])).toEqual([
      ['consultant', 'U9', 'slack-inbox'],
      ['requester', undefined, 'requester'],
      ['consultant', 'Lars Konsulent', 'cli'],
      ['requester', undefined, 'requester'],
    ]);
    // The consultant's own thread reply was not posted back into the thread.
    expect(posts(INBOX).filter((c) => json(c).includes('U9 svarede brugeren'))).toHaveLength(0);

    await slack.interaction(inboxClick(posts(INBOX)[0], INBOX_ACTIONS.resolve, 'U9', INBOX, fake.responseUrl('inbox')));
    await fake.waitFor(() => posts(DM).some((c) => json(c).includes('er afsluttet')), 10_000);
    const late = eventEnvelope(threadMessage(INBOX, 'U9', 'En sidste ting', cardTs, 'group'));
    expect((await slack.event(late)).status).toBe(200);
    await fake.waitFor(() => ephemerals('U9').length === 2);
    expect(json(ephemerals('U9')[1])).toContain('Sagen er afsluttet');
    await new Promise((r) => setTimeout(r, 400));
    expect(posts(DM).filter((c) => json(c).includes('En sidste ting'))).toHaveLength(0);
  }, 60_000);

  it('ignores threads in other channels and other threads in the consultant channel, storing nothing', async () => {
    const before = fake.calls.length;
    const elsewhere = eventEnvelope(threadMessage('CGENERAL', 'U5', 'frokost?', '1700000000.000100', 'channel'));
    expect((await slack.event(elsewhere)).status).toBe(200);
    const chatter = eventEnvelope(threadMessage(INBOX, 'U9', 'kaffe?', '1600000000.000100', 'group'));
    expect((await slack.event(chatter)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 500));
    expect(fake.calls.slice(before).filter((c) => c.method.startsWith('chat.'))).toEqual([]);
    // The other channel's event id was not even recorded.
    expect(await app?.runtime.store.markEventSeen(String(elsewhere.event_id), 60_000)).toBe(true);
  });
});
