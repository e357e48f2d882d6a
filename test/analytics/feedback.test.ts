import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { choicesOf, loaded, person, scriptedBot, testClock } from './support/scripted-bot.ts';

const texts = (reply: { messages: { fallback: string }[] }) => reply.messages.map((m) => m.fallback).join('\n');

describe('feedback buttons', () => {
  let store: SqliteStore;
  beforeEach(async () => {
    store = new SqliteStore(':memory:');
    await store.migrate();
  });
  afterEach(() => store.close());

  it('puts 👍/👎 on every FAQ answer and flow outcome', async () => {
    const { bot } = scriptedBot(store, testClock('2026-03-02T09:00:00Z'));
    const anna = person(bot, 'anna');
    const answer = await anna.say('må vi slette kommentarer på vores facebookside');
    const [up, down] = choicesOf(answer.messages).filter((c) => c.id.startsWith('fb:')).map((c) => c.id);
    const id = up?.replace('fb:up:faq:', '') ?? '';
    expect(loaded.knowledge.faq.has(id)).toBe(true);
    expect(down).toBe(`fb:down:faq:${id}`);
    const question = await anna.press('flow:platform-choice');
    expect(choicesOf(question.messages).some((c) => c.id.startsWith('fb:'))).toBe(false);
  });

  it('acknowledges feedback mid-flow without moving the flow or dropping the buttons', async () => {
    const { bot } = scriptedBot(store, testClock('2026-03-02T09:00:00Z'));
    const anna = person(bot, 'anna');
    await anna.press('flow:platform-choice');
    const interrupted = await anna.say('må vi slette kommentarer på vores facebookside');
    const before = await store.loadConversation('console:anna');
    const up = await anna.press('fb:up:faq:slette-kommentarer');
    expect(texts(up)).toBe('Tak for din feedback.');
    expect(up.flow).toEqual(interrupted.flow);
    const after = await store.loadConversation('console:anna');
    expect(after?.value.flow).toEqual(before?.value.flow);
    expect(after?.value.activeChoices).toEqual(before?.value.activeChoices);
    // The previous buttons still work: continue the guide.
    const resumed = await anna.press('cmd:continue:platform-choice');
    expect(resumed.flow?.node).toBe('platform');
  });

  it('takes the message after 👎 as the comment, and still answers a confident question', async () => {
    const { bot, recorder } = scriptedBot(store, testClock('2026-03-02T09:00:00Z'));
    const anna = person(bot, 'anna');
    await anna.say('må vi slette kommentarer på vores facebookside');
    const down = await anna.press('fb:down:faq:slette-kommentarer');
    expect(texts(down)).toContain('Hvad manglede?');
    const comment = await anna.say('noget om kageopskrifter til personalefesten');
    expect(texts(comment)).toBe('Tak, jeg har noteret din kommentar.');
    // Only the very next message is a comment.
    const next = await anna.say('noget om kageopskrifter til personalefesten');
    expect(texts(next)).not.toContain('noteret din kommentar');
    await anna.press('fb:down:faq:slette-kommentarer');
    const question = await anna.say('hvordan laver vi en debatpolitik');
    expect(texts(question)).toContain('Tak, jeg har noteret din kommentar.');
    expect(texts(question)).toContain('Debatpolitik og husregler');
    // a comment whose answer is the one just rated down is not answered with it again
    await anna.say('må vi slette kommentarer på vores facebookside');
    await anna.press('fb:down:faq:slette-kommentarer');
    const same = await anna.say('må vi slette kommentarer på vores facebookside');
    expect(texts(same)).toBe('Tak, jeg har noteret din kommentar.');
    // a remark is only noted, even when the search would answer it with confidence
    await anna.say('må vi slette kommentarer på vores facebookside');
    await anna.press('fb:down:faq:slette-kommentarer');
    const remark = await anna.say('det manglede noget om hvordan man skriver en debatpolitik');
    expect(texts(remark)).toBe('Tak, jeg har noteret din kommentar.');
    await recorder.flush();
    const comments = await store.listAnalyticsEvents({ type: 'feedback_comment' });
    expect(comments.map((e) => e.payload.text)).toEqual([
      'noget om kageopskrifter til personalefesten',
      'hvordan laver vi en debatpolitik',
      'må vi slette kommentarer på vores facebookside',
      'det manglede noget om hvordan man skriver en debatpolitik',
    ]);
    expect((await store.listAnalyticsEvents({ type: 'feedback' })).map((e) => e.payload.vote)).toEqual(['down', 'down', 'down', 'down']);
  });

  it('does not take a command after 👎 as a comment', async () => {
    const { bot, recorder } = scriptedBot(store, testClock('2026-03-02T09:00:00Z'));
    const anna = person(bot, 'anna');
    await anna.say('må vi slette kommentarer på vores facebookside');
    await anna.press('fb:down:faq:slette-kommentarer');
    const menu = await anna.say('menu');
    expect(texts(menu)).not.toContain('noteret');
    await recorder.flush();
    expect(await store.listAnalyticsEvents({ type: 'feedback_comment' })).toEqual([]);
  });
});
