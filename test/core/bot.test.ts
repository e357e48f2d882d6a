import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Bot } from '../../src/core/bot.ts';
import { contactEntryEscalation } from '../support/contact-entry-escalation.ts';
import type { Message } from '../../src/core/message.ts';
import type { Turn, TurnInput } from '../../src/core/turn.ts';
import type { Locale } from '../../src/shared/locale.ts';
import { loadFlowEngine } from '../../src/dialogs/load-flow-engine.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';
import { silentLogger } from '../../src/logging/logger.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { StoreUnavailableError, type Store } from '../../src/store/store.ts';

const loaded = await loadKnowledge('knowledge', loadFlowEngine);

function buildBot(store: Store): Bot {
  const knowledge = () => loaded.knowledge;
  return new Bot({ knowledge, flows: () => loaded.flows, store, escalation: contactEntryEscalation(knowledge), logger: silentLogger() });
}

const turn = (input: TurnInput, locale: Locale = 'da', conversationId = 'c1'): Turn => ({
  channel: 'console',
  conversationId,
  user: { id: 'u1', locale },
  input,
});
const text = (t: string, locale: Locale = 'da') => turn({ kind: 'text', text: t }, locale);
const choicesOf = (messages: Message[]) => messages.flatMap((m) => m.blocks.flatMap((b) => (b.type === 'choices' ? b.choices : [])));
const headingsOf = (messages: Message[]) => messages.flatMap((m) => m.blocks.flatMap((b) => (b.type === 'heading' ? [b.text] : [])));
const textOf = (messages: Message[]) => messages.map((m) => m.fallback).join('\n');

describe('the bot pipeline', () => {
  let store: SqliteStore;
  let bot: Bot;
  beforeEach(async () => {
    store = new SqliteStore(':memory:');
    await store.migrate();
    bot = buildBot(store);
  });
  afterEach(() => store.close());

  it('answers a clear question with the entry, its sources and related buttons', async () => {
    const messages = await bot.handle(text('må vi slette kommentarer på vores facebookside'));
    const entry = loaded.knowledge.faq.get('slette-kommentarer');
    expect(headingsOf(messages)).toEqual([entry?.title]);
    const links = messages[0]?.blocks.find((b) => b.type === 'links');
    expect(links && links.type === 'links' ? links.links.length : 0).toBe(entry?.sources.length);
    expect(choicesOf(messages).map((c) => c.id)).toEqual(expect.arrayContaining(entry?.related.slice(0, 3).map((id) => `faq:${id}`) ?? []));
  });

  it('says above an answer to an English-speaking user that the advice is written in Danish, and nothing to a Danish one', async () => {
    const contexts = (messages: Message[]) => messages.flatMap((m) => m.blocks.flatMap((b) => (b.type === 'context' ? [b.text] : [])));
    const english = await bot.handle(text('how fast should we reply to messages on facebook', 'en'));
    expect(headingsOf(english)).toEqual([loaded.knowledge.faq.get('svartider')?.title]);
    expect(english[0]?.blocks[1]).toEqual({ type: 'context', text: 'The advice is written in Danish, for Danish municipalities.' });
    const danish = await bot.handle(text('må vi slette kommentarer på vores facebookside'));
    expect(contexts(danish)).toEqual([]);
  });

  it('falls back to the guides and a consultant when nothing matches', async () => {
    const messages = await bot.handle(text('xqzv plofnik brummelur'));
    expect(textOf(messages)).toContain('Det har jeg desværre ikke et godt svar på');
    expect(choicesOf(messages).map((c) => c.id)).toContain('cmd:escalate');
  });

  it('says where to go instead when a question belongs to an area it does not cover', async () => {
    const messages = await bot.handle(text('opskrift på æblekage med kanel'));
    expect(textOf(messages)).toContain('Det kan jeg desværre ikke hjælpe med');
    expect(textOf(messages)).toContain('Jeg rådgiver om kommunens brug af sociale medier');
    expect(choicesOf(messages).map((c) => c.id)).toContain('cmd:escalate');
  });

  it('shows the menu on "hjælp" and in English for English users', async () => {
    expect(headingsOf(await bot.handle(text('hjælp')))).toEqual(['Hvad kan jeg hjælpe med?']);
    expect(headingsOf(await bot.handle(text('help', 'en')))).toEqual(['How can I help?']);
  });

  it('lets a typed number press a button of the last reply', async () => {
    const first = await bot.handle(text('må vi slette kommentarer på vores facebookside'));
    const choices = choicesOf(first);
    const index = choices.findIndex((c) => c.id.startsWith('faq:'));
    const picked = choices[index];
    const second = await bot.handle(text(String(index + 1)));
    expect(headingsOf(second)).toEqual([loaded.knowledge.faq.get(picked?.id.slice(4) ?? '')?.title]);
  });

  it('answers a stale or forged button politely with the menu', async () => {
    const messages = await bot.handle(turn({ kind: 'action', actionId: 'faq:does-not-exist' }));
    expect(textOf(messages)).toContain('Det valg er ikke længere aktivt');
    const forged = await bot.handle(turn({ kind: 'action', actionId: 'step:nope:nope:nope' }));
    expect(textOf(forged)).toContain('Det valg er ikke længere aktivt');
  });

  it('warns about personal data and never stores it', async () => {
    const messages = await bot.handle(text('borgeren 010190-1234 skriver jens@kommune.dk, må vi slette kommentaren'));
    expect(textOf(messages)).toContain('personoplysninger');
    const stored = JSON.stringify((await store.loadConversation('c1'))?.value);
    expect(stored).not.toContain('010190-1234');
    expect(stored).not.toContain('jens@kommune.dk');
    expect(stored).toContain('[CPR-nummer fjernet]');
  });

  it('handles empty, huge and control-character input politely', async () => {
    expect(textOf(await bot.handle(text('   ')))).toContain('Jeg fik ikke noget spørgsmål');
    const huge = await bot.handle(text(`slette kommentarer ${'x'.repeat(40_000)}`));
    expect(textOf(huge)).toContain('meget lang');
    expect((await bot.handle(text('\u0000\u0007\u001b[31m'))).length).toBeGreaterThan(0);
  });

  it('keeps both of two concurrent turns on one conversation', async () => {
    await Promise.all([bot.handle(text('hvad er en debatpolitik')), bot.handle(text('må vi slette kommentarer'))]);
    const transcript = (await store.loadConversation('c1'))?.value.transcript ?? [];
    expect(transcript.filter((t) => t.from === 'user').map((t) => t.text).sort()).toEqual(['hvad er en debatpolitik', 'må vi slette kommentarer']);
  });

  it('keeps the menu (also the greeting a chat opens with) out of the transcript a consultant reads', async () => {
    await bot.handle(text('menu'));
    await bot.handle(text('må vi slette kommentarer'));
    await bot.handle(turn({ kind: 'action', actionId: 'cmd:menu' }));
    const transcript = (await store.loadConversation('c1'))?.value.transcript ?? [];
    expect(transcript.map((t) => t.from)).toEqual(['user', 'bot']);
    expect(transcript[0]?.text).toBe('må vi slette kommentarer');
  });

  it('keeps the user text whole and the start of each bot reply in the transcript', async () => {
    const question = 'må vi slette kommentarer på vores facebookside';
    const messages = await bot.handle(text(question));
    const transcript = (await store.loadConversation('c1'))?.value.transcript ?? [];
    expect(transcript[0]).toMatchObject({ from: 'user', text: question });
    const reply = messages[0]?.fallback ?? '';
    expect(reply.length).toBeGreaterThan(300);
    expect(transcript[1]?.text).toBe(`${reply.slice(0, 299)}…`);
  });

  it('tells whether a conversation waits at a guide\'s question, running or paused, so a chat can open there', async () => {
    expect(await bot.guideInProgress('c1')).toBe(false);
    await bot.handle(turn({ kind: 'action', actionId: 'flow:crisis' }));
    expect(await bot.guideInProgress('c1')).toBe(true);
    await bot.handle(text('må vi slette kommentarer'));
    expect(await bot.guideInProgress('c1')).toBe(true);
    await bot.handle(text('stop'));
    expect(await bot.guideInProgress('c1')).toBe(false);
    const down: Store = Object.create(store, { loadConversation: { value: () => Promise.reject(new StoreUnavailableError(new Error('connection refused'))) } });
    expect(await buildBot(down).guideInProgress('c1')).toBe(false);
  });

  it('tells the user to try again when the store is down', async () => {
    const down: Store = Object.create(store, {
      loadConversation: { value: () => Promise.reject(new StoreUnavailableError(new Error('connection refused'))) },
    });
    const messages = await buildBot(down).handle(text('hjælp', 'en'));
    expect(textOf(messages)).toBe("Sorry, I can't remember our conversation right now. Please try again in a moment.");
  });
});
