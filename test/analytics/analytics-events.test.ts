import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pseudonymiser } from '../../src/analytics/pseudonym.ts';
import { purgeOldAnalytics } from '../../src/analytics/analytics-purge.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { choicesOf, loaded, person, scriptedBot, testClock, TEST_SECRET, walkFlow } from './support/scripted-bot.ts';

describe('analytics events', () => {
  let store: SqliteStore;
  beforeEach(async () => {
    store = new SqliteStore(':memory:');
    await store.migrate();
  });
  afterEach(() => store.close());

  it('never lets CPR numbers, e-mails or phone numbers reach the events table', async () => {
    const clock = testClock('2026-03-02T09:00:00Z');
    const { bot, recorder } = scriptedBot(store, clock);
    const anna = person(bot, 'anna');
    await anna.say('borgeren 010190-1234 skriver fra jens.hansen@kommune.dk om slette kommentarer');
    await anna.say('ring til 22 33 44 55 eller +45 8765 4321 om æblekage');
    await anna.say('2304851234 opskrift på kanelsnegle');
    const down = choicesOf((await anna.say('må vi slette kommentarer på vores facebookside')).messages).find((c) => c.id.startsWith('fb:down:'));
    await anna.press(down?.id ?? 'fb:down:faq:slette-kommentarer');
    await anna.say('der stod intet om 110285-4321 eller mette@example.org eller 40 50 60 70');
    await recorder.flush();
    const raw = store['db'].prepare('SELECT type, payload FROM analytics_events').all() as { type: string; payload: string }[];
    const dump = raw.map((r) => r.payload).join('\n');
    expect(raw.length).toBeGreaterThan(5);
    expect(raw.map((r) => r.type)).toContain('feedback_comment');
    for (const secret of ['010190', '1234', 'jens.hansen', 'kommune.dk', '22 33 44 55', '8765', '2304851234', '110285', 'mette@', '40 50 60 70', 'anna']) {
      expect(dump).not.toContain(secret);
    }
    expect(dump).toContain('[CPR-nummer fjernet]');
    expect(dump).toContain('[e-mail fjernet]');
    expect(dump).toContain('[telefonnummer fjernet]');
  });

  it('pseudonymises ids: stable for one user, different across users and secrets', async () => {
    const clock = testClock('2026-03-02T09:00:00Z');
    const { bot, recorder } = scriptedBot(store, clock);
    await person(bot, 'anna').say('må vi slette kommentarer');
    await person(bot, 'anna').say('hvordan håndterer vi en shitstorm');
    await person(bot, 'bo').say('må vi slette kommentarer');
    await recorder.flush();
    const users = (await store.listAnalyticsEvents({ type: 'question_asked' })).map((e) => e.payload.user);
    expect(users[0]).toBe(users[1]);
    expect(users[2]).not.toBe(users[0]);
    expect(users[0]).toMatch(/^[0-9a-f]{32}$/);
    const hash = pseudonymiser(TEST_SECRET);
    expect(users[0]).toBe(hash('user:console:anna'));
    expect(pseudonymiser('another-secret-0123456789')('user:console:anna')).not.toBe(users[0]);
  });

  it('records flow start, steps and completion, and "Mente du" shown and picked', async () => {
    const clock = testClock('2026-03-02T09:00:00Z');
    const { bot, recorder } = scriptedBot(store, clock);
    const anna = person(bot, 'anna');
    const end = await walkFlow(anna, 'platform-choice');
    expect(end.flow?.outcome).toBe(true);
    await recorder.flush();
    const types = (await store.listAnalyticsEvents()).map((e) => e.type);
    expect(types[0]).toBe('flow_started');
    expect(types.at(-1)).toBe('flow_completed');
    expect(types.filter((t) => t === 'flow_step').length).toBeGreaterThan(2);
  });

  it('records a "Mente du" pick only when the choice came from the suggestions', async () => {
    const clock = testClock('2026-03-02T09:00:00Z');
    const { bot, recorder } = scriptedBot(store, clock);
    const id = [...loaded.knowledge.faq.keys()][0] ?? '';
    await store.saveConversation('console:anna', { activeChoices: [`faq:${id}`, 'cmd:none'], transcript: [] }, null);
    await person(bot, 'anna').press(`faq:${id}`);
    await person(bot, 'bo').press(`faq:${id}`);
    await recorder.flush();
    const picked = await store.listAnalyticsEvents({ type: 'did_you_mean_picked' });
    expect(picked.map((e) => [e.payload.kind, e.payload.id, e.payload.user])).toEqual([['faq', id, pseudonymiser(TEST_SECRET)('user:console:anna')]]);
  });

  it('purges events older than the retention period', async () => {
    await store.appendAnalyticsEvent({ type: 'question_asked', payload: {}, at: new Date('2025-01-01T00:00:00Z') });
    await store.appendAnalyticsEvent({ type: 'question_asked', payload: {}, at: new Date('2026-02-01T00:00:00Z') });
    const removed = await purgeOldAnalytics(store, 365, new Date('2026-03-01T00:00:00Z'));
    expect(removed).toBe(1);
    expect((await store.listAnalyticsEvents()).map((e) => e.at.toISOString())).toEqual(['2026-02-01T00:00:00.000Z']);
  });
});
