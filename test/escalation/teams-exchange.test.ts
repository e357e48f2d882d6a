import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/config.ts';
import { mentionActivity, submitActivity, textActivity } from '../adapters/teams/activities.ts';
import { cardErrors } from '../adapters/teams/card-schema.ts';
import { FakeBotConnector, type ConnectorCall } from '../support/fake-bot-connector.ts';
import { escalationTestConfig, postActivity, testTeamsEndpoint } from './support/escalation-setup.ts';
import { startRuntimeServer, type RuntimeServer } from './support/runtime-server.ts';
import { until } from './support/until.ts';

const CHANNEL = '19:konsulenter@thread.tacv2';
const REQUESTER = 'a:teams-exchange-1';
const CONSULTANT = { id: '29:consultant', name: 'Karin Konsulent', aadObjectId: 'aad-karin' };
let connector: FakeBotConnector;
let config: Config;
let app: RuntimeServer | undefined;

const start = () => startRuntimeServer(config, async (runtime, logger) => [testTeamsEndpoint(runtime, logger)]);

async function stop(): Promise<void> {
  await app?.stop();
  app = undefined;
}

beforeAll(async () => {
  connector = new FakeBotConnector();
  await connector.start();
  config = await escalationTestConfig('teams-exchange');
  app = await start();
});

afterAll(async () => {
  await stop();
  await connector.stop();
});

const post = (activity: Record<string, unknown>) => postActivity(app?.base ?? '', activity);
const json = (value: unknown) => JSON.stringify(value);
const requester = () => ({ serviceUrl: connector.url, conversationId: REQUESTER });
const inThread = (cardId: string) => ({ serviceUrl: connector.url, conversationId: `${CHANNEL};messageid=${cardId}`, conversationType: 'channel' as const });
const said = (conversationId: string, text: string) => connector.messages(conversationId).filter((c) => json(c.body).includes(text));
const cardOf = (call: ConnectorCall | undefined) => (call?.body.attachments as { content: Record<string, unknown> }[] | undefined)?.[0]?.content;


/** The data of a card's button by its title (Action.Submit). */
function buttonData(call: ConnectorCall | undefined, title: string): Record<string, unknown> {
  const body = (cardOf(call)?.body ?? []) as { type: string; actions?: { title: string; data: Record<string, unknown> }[] }[];
  const actions = [...body.flatMap((e) => e.actions ?? []), ...((cardOf(call)?.actions ?? []) as { title: string; data: Record<string, unknown> }[])];
  const found = actions.find((a) => a.title === title);
  if (!found) throw new Error(`no "${title}" on the card: ${json(cardOf(call))}`);
  return found.data;
}

describe('the consultant answers back in Teams (real server, fake connector)', () => {
  it('an @mention in the card thread reaches the requester across a restart; "Svar konsulenten" posts the answer in the thread', async () => {
    await post(mentionActivity({ serviceUrl: connector.url, conversationId: `${CHANNEL};messageid=1`, conversationType: 'channel' }, 'konsulentindbakke'));
    await until('the inbox registration', () => said(`${CHANNEL};messageid=1`, 'konsulentindbakke').length === 1);

    await post(textActivity(requester(), 'tal med en konsulent'));
    await until('the form card', () => said(REQUESTER, 'escalation').length === 1);
    const formCard = said(REQUESTER, 'escalation')[0];
    const values = { form: 'escalation', checkboxes: ['consent'], topic: 'Kritik af ny politik', description: 'Mange vrede opslag', urgency: 'days', municipality: 'Vejle Kommune', name: 'Mette', contact: 'mette@vejle.dk', consent: 'true' };
    await post(submitActivity(requester(), formCard?.id ?? '', values));
    await until('the inbox card', () => connector.messages(CHANNEL).some((c) => /KL-\d{4}-\d{4}/.test(json(c.body))));
    const card = connector.messages(CHANNEL).find((c) => /KL-\d{4}-\d{4}/.test(json(c.body)));
    const number = /KL-\d{4}-\d{4}/.exec(json(card?.body))?.[0] ?? '';
    const cardId = card?.id ?? '';
    expect(json(cardOf(card))).toContain('skrive @SoMe-rådgiveren og dit svar i tråden');

    // Taken by this process, which stops before delivering; the next one delivers it once.
    await app?.runtime.escalation.worker.stop();
    const reply = { ...mentionActivity(inThread(cardId), 'Hej Mette, skriv til mig på karin@kl.dk eller svar her.'), from: CONSULTANT };
    expect((await post(reply)).status).toBe(200);
    await until('the relay confirmation in the thread', () => said(`${CHANNEL};messageid=${cardId}`, `Sendt til Mette, Vejle Kommune (sag ${number})`).length === 1);
    expect(json(said(`${CHANNEL};messageid=${cardId}`, 'Sendt til Mette')[0]?.body)).toContain('E-mailadressen i svaret er fjernet, før det blev sendt.');
    await stop();
    app = await start();
    expect((await post(reply)).status).toBe(200);
    await until('the reply on Teams', () => said(REQUESTER, 'Konsulenten skriver').length === 1);
    await new Promise((r) => setTimeout(r, 400));
    const relayed = said(REQUESTER, 'Konsulenten skriver');
    expect(relayed).toHaveLength(1);
    expect(cardErrors(cardOf(relayed[0]))).toEqual([]);
    expect(json(cardOf(relayed[0]))).toContain('Karin Konsulent');
    expect(json(cardOf(relayed[0]))).toContain('[e-mail fjernet]');
    expect(json(cardOf(relayed[0]))).not.toContain('karin@kl.dk');

    await post(submitActivity(requester(), relayed[0]?.id ?? '', buttonData(relayed[0], 'Svar konsulenten')));
    await until('the answer form', () => said(REQUESTER, 'Dit svar').length === 1);
    const answerForm = said(REQUESTER, 'Dit svar')[0];
    const submit = buttonData(answerForm, 'Send svaret');
    await post(submitActivity(requester(), answerForm?.id ?? '', { ...submit, text: 'Tak, jeg ringer i morgen.' }));
    await until('the answer in the thread', () => said(`${CHANNEL};messageid=${cardId}`, 'Brugeren svarer').length === 1);
    const posted = said(`${CHANNEL};messageid=${cardId}`, 'Brugeren svarer')[0];
    expect(cardErrors(cardOf(posted))).toEqual([]);
    expect(json(posted?.body)).toContain('Tak, jeg ringer i morgen.');
    expect(said(REQUESTER, `Sendt til konsulenten i sag ${number}`)).toHaveLength(1);

    // a message typed after the consultant's next message is offered to the consultant
    await post({ ...mentionActivity(inThread(cardId), 'Hvornår kan jeg ringe?'), from: CONSULTANT });
    await until('the second reply on Teams', () => said(REQUESTER, 'Hvornår kan jeg ringe?').length === 1);
    await post(textActivity(requester(), 'Efter kl. 9 i morgen'));
    await until('the offer to send it', () => said(REQUESTER, 'Er det et svar til konsulenten').length === 1);
    const offer = said(REQUESTER, 'Er det et svar til konsulenten')[0];
    expect(cardErrors(cardOf(offer))).toEqual([]);
    await post(submitActivity(requester(), offer?.id ?? '', buttonData(offer, 'Send til konsulenten')));
    await until('the typed answer in the thread', () => said(`${CHANNEL};messageid=${cardId}`, 'Efter kl. 9 i morgen').length === 1);
    expect(said(REQUESTER, `Sendt til konsulenten i sag ${number}`)).toHaveLength(2);

    const view = await app?.runtime.escalation.cases.get(number);
    expect(view?.case.status).toBe('claimed');
    expect(view?.messages.map((m) => [m.from, m.by])).toEqual([
      ['consultant', 'Karin Konsulent'],
      ['requester', undefined],
      ['consultant', 'Karin Konsulent'],
      ['requester', undefined],
    ]);

    await app?.runtime.escalation.cases.move(number, 'resolve', 'Karin Konsulent');
    await until('the resolution on Teams', () => said(REQUESTER, 'er afsluttet').length === 1);
    await post({ ...mentionActivity(inThread(cardId), 'En sidste ting'), from: CONSULTANT });
    await until('the refusal in the thread', () => said(`${CHANNEL};messageid=${cardId}`, 'Sagen er afsluttet').length === 1);
    await post(submitActivity(requester(), answerForm?.id ?? '', { ...submit, text: 'Hallo?' }));
    await until('the refusal to the requester', () => said(REQUESTER, 'Sagen er afsluttet').length === 1);
    expect(said(`${CHANNEL};messageid=${cardId}`, 'Hallo?')).toHaveLength(0);
  }, 60_000);

  it('answers a mention in another thread of the inbox channel as a question, not as a reply', async () => {
    const elsewhere = { serviceUrl: connector.url, conversationId: `${CHANNEL};messageid=999`, conversationType: 'channel' as const };
    await post({ ...mentionActivity(elsewhere, 'menu'), from: CONSULTANT });
    await until('the menu', () => connector.messages(`${CHANNEL};messageid=999`).length === 1);
    expect(json(connector.messages(`${CHANNEL};messageid=999`)[0]?.body)).not.toContain('Sendt til');
  });
});
