import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Bot } from '../../src/core/bot.ts';
import { contactEntryEscalation } from '../support/contact-entry-escalation.ts';
import { RateLimiter } from '../../src/core/rate-limiter.ts';
import type { Channel, Turn } from '../../src/core/turn.ts';
import type { Locale } from '../../src/shared/locale.ts';
import { loadFlowEngine } from '../../src/dialogs/load-flow-engine.ts';
import { stringsFor } from '../../src/i18n/strings.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';
import { silentLogger } from '../../src/logging/logger.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';

const loaded = await loadKnowledge('knowledge', loadFlowEngine);

describe('RateLimiter', () => {
  it('allows `perMinute` turns in any sliding minute per key, and counts only allowed turns', () => {
    let now = 0;
    const limiter = new RateLimiter(3, () => now);
    expect([1, 2, 3, 4].map(() => limiter.allow('a'))).toEqual([true, true, true, false]);
    expect(limiter.allow('b')).toBe(true);
    now = 59_999;
    expect(limiter.allow('a')).toBe(false);
    now = 60_000;
    expect([limiter.allow('a'), limiter.allow('a'), limiter.allow('a'), limiter.allow('a')]).toEqual([true, true, true, false]);
  });

  it('forgets idle users, so memory follows the active ones', () => {
    let now = 0;
    const limiter = new RateLimiter(1, () => now);
    for (let i = 0; i < 5000; i++) limiter.allow(`user-${i}`);
    now = 120_000;
    for (let i = 0; i < 1000; i++) limiter.allow('active');
    expect((limiter as unknown as { recent: Map<string, number[]> }).recent.size).toBeLessThan(10);
  });
});

describe('the bot with a rate limit', () => {
  let store: SqliteStore;
  let bot: Bot;
  beforeEach(async () => {
    store = new SqliteStore(':memory:');
    await store.migrate();
    const knowledge = () => loaded.knowledge;
    bot = new Bot({ knowledge, flows: () => loaded.flows, store, escalation: contactEntryEscalation(knowledge), logger: silentLogger(), limiter: new RateLimiter(30) });
  });
  afterEach(() => store.close());

  const say = (channel: Channel, user: string, locale: Locale, text: string): Turn => ({ channel, conversationId: `${channel}:${user}`, user: { id: user, locale }, input: { kind: 'text', text } });

  it('answers the 31st turn in a minute politely in the user’s language, stores nothing for it, and keeps other users going', async () => {
    for (const [channel, user, locale] of [['slack', 'U1', 'da'], ['teams', 'T1', 'en']] as const) {
      for (let i = 0; i < 30; i++) expect((await bot.handle(say(channel, user, locale, 'må vi slette kommentarer')))[0]?.fallback).not.toBe(stringsFor(locale).rateLimited);
      const before = await store.loadConversation(`${channel}:${user}`);
      const limited = await bot.respond(say(channel, user, locale, 'må vi slette kommentarer'));
      expect(limited.messages.map((m) => m.fallback)).toEqual([stringsFor(locale).rateLimited]);
      expect((await store.loadConversation(`${channel}:${user}`))?.version).toBe(before?.version);
    }
    expect(stringsFor('en').rateLimited).toMatch(/wait a moment/);
    expect(stringsFor('da').rateLimited).toMatch(/Vent et øjeblik/);
    // The same user id on another platform, and another user, are counted apart.
    expect((await bot.handle(say('web', 'U1', 'da', 'hej')))[0]?.fallback).not.toBe(stringsFor('da').rateLimited);
    expect((await bot.handle(say('slack', 'U2', 'da', 'hej')))[0]?.fallback).not.toBe(stringsFor('da').rateLimited);
  });

  it('does not limit the terminal (the chat --json scripting protocol)', async () => {
    for (let i = 0; i < 40; i++) expect((await bot.handle(say('console', 'me', 'da', 'menu')))[0]?.fallback).not.toBe(stringsFor('da').rateLimited);
  });
});
