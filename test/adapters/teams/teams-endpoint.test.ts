import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { stringsFor } from '../../../src/i18n/strings.ts';
import { StoreUnavailableError } from '../../../src/store/store.ts';
import { BOT, installation, membersAdded, mentionActivity, submitActivity, textActivity } from './activities.ts';
import { checkAndReportCards } from './card-schema.ts';
import { startTeamsHarness, type TeamsHarness } from './teams-harness.ts';

let h: TeamsHarness;
const allCalls: TeamsHarness['connector']['calls'] = [];

beforeAll(async () => {
  h = await startTeamsHarness();
});
afterAll(async () => {
  allCalls.push(...h.connector.calls);
  expect(checkAndReportCards('teams-endpoint', allCalls)).toEqual([]);
  await h.close();
});

const personal = (conversationId: string) => ({ serviceUrl: h.connector.url, conversationId });
const cardText = (body: Record<string, unknown>) => JSON.stringify(body.attachments);

describe('the Teams endpoint (anonymous local mode, real protocol over loopback)', () => {
  it('answers a personal message with the right FAQ answer as an Adaptive Card', async () => {
    const where = personal('a:personal-1');
    expect(await h.post(textActivity(where, 'må vi slette kommentarer på vores facebookside'))).toBe(200);
    const [reply] = h.connector.messages('a:personal-1');
    expect(reply).toBeDefined();
    expect(cardText(reply!.body)).toContain('Må vi slette eller skjule kommentarer?');
    expect(reply!.body.attachments).toEqual([expect.objectContaining({ contentType: 'application/vnd.microsoft.card.adaptive' })]);
  });

  it('answers an @mention in a channel in that conversation, with the mention stripped', async () => {
    const where = { serviceUrl: h.connector.url, conversationId: '19:channel@thread.tacv2;messageid=1700', conversationType: 'channel' as const };
    expect(await h.post(mentionActivity(where, 'må vi slette kommentarer'))).toBe(200);
    const replies = h.connector.messages('19:channel@thread.tacv2;messageid=1700');
    expect(replies).toHaveLength(1);
    expect(cardText(replies[0]!.body)).toContain('Må vi slette eller skjule kommentarer?');
  });

  it('answers in English when the activity locale is English', async () => {
    await h.post(textActivity({ ...personal('a:english'), locale: 'en-US' }, 'help'));
    expect(cardText(h.connector.messages('a:english')[0]!.body)).toContain('How can I help?');
  });

  it('walks card submits, updating each submitted card so it cannot be used twice', async () => {
    const where = personal('a:walk');
    await h.post(textActivity(where, 'må vi slette kommentarer'));
    let card = h.connector.messages('a:walk').at(-1)!;
    for (let step = 0; step < 2; step++) {
      const choice = JSON.stringify(card.body).match(/"choice":"(faq:[^"]+)"/)?.[1];
      expect(choice).toBeDefined();
      await h.post(submitActivity(where, card.id, { choice }));
      const update = h.connector.updates().at(-1)!;
      expect(update.id).toBe(card.id);
      expect(cardText(update.body)).not.toContain('Action.Submit');
      expect(cardText(update.body)).toContain('Du valgte:');
      const next = h.connector.messages('a:walk').at(-1)!;
      expect(next.id).not.toBe(card.id);
      card = next;
    }
    expect(h.connector.updates().filter((u) => u.conversationId === 'a:walk')).toHaveLength(2);
  });

  it('answers a stale step choice politely and still closes the old card', async () => {
    const where = personal('a:stale');
    await h.post(textActivity(where, 'hjælp'));
    const menu = h.connector.messages('a:stale').at(-1)!;
    await h.post(submitActivity(where, menu.id, { choice: 'step:gone' }));
    expect(cardText(h.connector.messages('a:stale').at(-1)!.body)).toContain('ikke længere aktivt');
    expect(h.connector.updates().some((u) => u.id === menu.id)).toBe(true);
  });

  it('sends the install welcome once, not on every member join', async () => {
    const where = { serviceUrl: h.connector.url, conversationId: '19:team@thread.tacv2', conversationType: 'channel' as const };
    await h.post(membersAdded(where));
    await h.post(installation(where));
    await h.post(membersAdded(where, '29:new-colleague'));
    const welcomes = h.connector.messages('19:team@thread.tacv2');
    expect(welcomes).toHaveLength(1);
    expect(cardText(welcomes[0]!.body)).toContain('Hej, jeg er SoMe-rådgiveren');
  });

  it('replies once to a redelivered activity', async () => {
    const where = personal('a:redelivery');
    const activity = textActivity(where, 'hjælp', 'same-activity-id');
    expect(await h.post(activity)).toBe(200);
    expect(await h.post(activity)).toBe(200);
    expect(h.connector.messages('a:redelivery')).toHaveLength(1);
  });

  it('answers with the polite "try again" when the store is down, even though the activity id cannot be recorded', async () => {
    const down = () => Promise.reject(new StoreUnavailableError(new Error('connect ECONNREFUSED')));
    const seen = vi.spyOn(h.store, 'markEventSeen').mockImplementation(down);
    const load = vi.spyOn(h.store, 'loadConversation').mockImplementation(down);
    try {
      expect(await h.post(textActivity(personal('a:store-down'), 'hjælp'))).toBe(200);
      expect(await h.post(textActivity({ ...personal('a:store-down-en'), locale: 'en-US' }, 'help'))).toBe(200);
    } finally {
      seen.mockRestore();
      load.mockRestore();
    }
    expect(h.connector.messages('a:store-down').map((m) => cardText(m.body))).toEqual([expect.stringContaining(stringsFor('da').storeUnavailable)]);
    expect(h.connector.messages('a:store-down-en').map((m) => cardText(m.body))).toEqual([expect.stringContaining(stringsFor('en').storeUnavailable)]);
    expect(h.logs.some((l) => l.level === 40 && l.msg === 'could not record a Teams activity id; handling it anyway')).toBe(true);
  });

  it('retries 429/412/502/504 from the connector and delivers the reply', async () => {
    h.connector.failNext.push(429, 502, 412);
    await h.post(textActivity(personal('a:retry'), 'hjælp'));
    expect(h.connector.messages('a:retry')).toHaveLength(1);
  });

  it('logs a reply that fails for good as an error with the conversation id', async () => {
    h.connector.failNext.push(504, 504, 504, 504);
    await h.post(textActivity(personal('a:down'), 'hjælp'));
    expect(h.connector.messages('a:down')).toHaveLength(0);
    expect(h.logs.some((l) => l.level === 50 && l.conversation === 'teams:a:down')).toBe(true);
  });

  it('never logs message text at info level', () => {
    const infoLines = h.logs.filter((l) => typeof l.level === 'number' && l.level >= 30).map((l) => JSON.stringify(l));
    expect(infoLines.filter((l) => l.includes('slette kommentarer'))).toEqual([]);
    expect(BOT.id).toBeTruthy();
  });
});
