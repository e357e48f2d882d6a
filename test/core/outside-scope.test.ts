import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyState } from '../../src/shared/conversation-state.ts';
import type { FlowRunner } from '../../src/core/flow-runner.ts';
import type { Message } from '../../src/core/message.ts';
import type { RouterDeps } from '../../src/core/router-deps.ts';
import { routeTurn } from '../../src/core/router.ts';
import type { Turn } from '../../src/core/turn.ts';
import type { Locale } from '../../src/shared/locale.ts';
import { stringsFor } from '../../src/i18n/strings.ts';
import type { FaqEntry } from '../../src/knowledge/faq-schema.ts';
import { createKnowledgeBase, type KnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import type { OutsideArea } from '../../src/knowledge/outside-schema.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { contactEntryEscalation } from '../support/contact-entry-escalation.ts';
import { loaded, person, scriptedBot, testClock } from '../analytics/support/scripted-bot.ts';

const entry = (id: string, title: string, questions: string[], keywords: string[], answer: string): FaqEntry => ({
  id,
  title,
  questions,
  situations: [],
  keywords,
  answer,
  sources: [],
  related: [],
  escalate: false,
});

const entries: FaqEntry[] = [
  entry('slette-kommentarer', 'Må vi slette kommentarer?', ['må vi slette kommentarer på vores facebookside', 'fjerne kommentarer fra siden'], ['slette', 'kommentar'], 'I må skjule kommentarer, der bryder debatpolitikken.'),
  entry('opslag-virker-ikke', 'Når et opslag ikke virker', ['vores opslag virker ikke', 'facebook virker ikke', 'linket i opslaget virker ikke'], ['fejl'], 'Tjek platformens statusside.'),
  entry('aabningstider-siden', 'Åbningstider på siden', ['skal vi skrive åbningstider på facebooksiden'], ['åbningstider'], 'Skriv åbningstider i sidens om-felt.'),
];

const outside: OutsideArea[] = [
  {
    id: 'it-support',
    title: 'IT-support',
    hint: 'Det er et spørgsmål til jeres IT-support.',
    hint_en: 'That is a question for your IT support.',
    questions: ['printeren virker ikke', 'min computer er gået ned', 'jeg kan ikke komme på wifi'],
    keywords: ['printer', 'computer', 'wifi'],
  },
  {
    id: 'teknik-og-fritid',
    title: 'Affald og faciliteter',
    hint: 'Se kommunens hjemmeside om affald og faciliteter.',
    hint_en: "See the municipality's website on waste and facilities.",
    questions: ['hvornår har genbrugspladsen åbent', 'genbrugspladsen åbningstider', 'hvornår bliver mit affald hentet'],
    keywords: ['genbrugsplads', 'affald'],
  },
];

/** A flow runner with no flows (the small knowledge base has none). */
const noFlows: FlowRunner = {
  list: () => [],
  start: () => undefined,
  step: () => null,
  current: () => {
    throw new Error('no flows');
  },
  restart: () => {
    throw new Error('no flows');
  },
  isCurrent: () => false,
  awaitsText: () => false,
};

const turn = (text: string, locale: Locale = 'da'): Turn => ({ channel: 'console', conversationId: 'c1', user: { id: 'u1', locale }, input: { kind: 'text', text } });
const textOf = (messages: Message[]) => messages.map((m) => m.fallback).join('\n');
const headingsOf = (messages: Message[]) => messages.flatMap((m) => m.blocks.flatMap((b) => (b.type === 'heading' ? [b.text] : [])));
const choiceIdsOf = (messages: Message[]) => messages.flatMap((m) => m.blocks.flatMap((b) => (b.type === 'choices' ? b.choices.map((c) => c.id) : [])));

function depsFor(knowledge: KnowledgeBase, flows: FlowRunner = noFlows): RouterDeps {
  return { knowledge, flows, escalation: contactEntryEscalation(() => knowledge) };
}

describe('out-of-scope areas in a small knowledge base', () => {
  const withAreas = createKnowledgeBase(entries, [], { outside });
  const withoutAreas = createKnowledgeBase(entries, []);

  it('keeps the areas by id', () => {
    expect([...withAreas.outside.keys()]).toEqual(['it-support', 'teknik-og-fritid']);
    expect(withoutAreas.outside.size).toBe(0);
  });

  it('turns a question an entry would otherwise answer into a redirect', () => {
    // without the area, "virker ikke" is enough for the entry about posts that do not work
    const unguarded = withoutAreas.search('printeren virker ikke');
    expect(unguarded.decision).toBe('answer');
    expect(unguarded.results[0]?.id).toBe('opslag-virker-ikke');
    const outcome = withAreas.search('printeren virker ikke');
    expect(outcome).toMatchObject({ decision: 'none', confident: false, outside: 'it-support' });
    expect(outcome.results.every((h) => h.kind === 'faq' || h.kind === 'flow')).toBe(true);
  });

  it.each([
    ['printeren virker ikke', 'it-support'],
    ['min printer virker ikke', 'it-support'],
    ['hvornår har genbrugspladsen åbent', 'teknik-og-fritid'],
    ['genbrugspladsens åbningstider', 'teknik-og-fritid'],
  ])('redirects "%s" to %s', (question, id) => {
    const area = withAreas.outside.get(id);
    const routed = routeTurn(turn(question), emptyState(), depsFor(withAreas));
    expect(headingsOf(routed.messages)).toEqual([]);
    expect(textOf(routed.messages)).toBe(`${area?.hint}\n\n${stringsFor('da').outsideScope}`);
    expect(textOf(routed.messages)).not.toContain(stringsFor('da').noAnswer);
    expect(choiceIdsOf(routed.messages)).toEqual(['cmd:escalate']);
    expect(routed.events?.find((e) => e.type === 'no_answer')).toEqual({ type: 'no_answer', text: question, outside: id });
    expect(routed.events?.find((e) => e.type === 'question_asked')).toMatchObject({ decision: 'none', confident: false });
    expect(routed.state.lastTopic).toBeUndefined();
  });

  it('gives the English hint and sentence to an English-locale user', () => {
    const routed = routeTurn(turn('printeren virker ikke', 'en'), emptyState(), depsFor(withAreas));
    expect(textOf(routed.messages)).toBe(`That is a question for your IT support.\n\n${stringsFor('en').outsideScope}`);
    expect(textOf(routed.messages)).not.toContain('IT-support.');
    expect(routed.events).toContainEqual({ type: 'no_answer', text: 'printeren virker ikke', outside: 'it-support' });
  });

  it('still answers an in-domain question with its entry', () => {
    const routed = routeTurn(turn('må vi slette kommentarer på vores facebookside'), emptyState(), depsFor(withAreas));
    expect(headingsOf(routed.messages)).toEqual(['Må vi slette kommentarer?']);
    expect(routed.events?.some((e) => e.type === 'no_answer')).toBe(false);
    expect(routeTurn(turn('vores opslag virker ikke'), emptyState(), depsFor(withAreas)).messages[0]?.blocks[0]).toEqual({
      type: 'heading',
      text: 'Når et opslag ikke virker',
    });
  });

  it('keeps the plain fallback, and no area in the event, when no area wins', () => {
    const routed = routeTurn(turn('kvantefysik og sorte huller'), emptyState(), depsFor(withoutAreas));
    expect(textOf(routed.messages)).toBe(stringsFor('da').noAnswer);
    expect(routed.events?.find((e) => e.type === 'no_answer')).toEqual({ type: 'no_answer', text: 'kvantefysik og sorte huller' });
  });
});

describe('out-of-scope areas in the shipped knowledge', () => {
  const deps = depsFor(loaded.knowledge, loaded.flows);

  it('loads knowledge/outside.yaml without errors', () => {
    expect(loaded.errors).toEqual([]);
    expect(loaded.knowledge.outside.has('it-support')).toBe(true);
    expect(loaded.knowledge.outside.has('teknik-og-fritid')).toBe(true);
  });

  it.each([
    ['hvornår har genbrugspladsen åbent', 'teknik-og-fritid'],
    ['printeren virker ikke', 'it-support'],
  ])('redirects "%s" to %s in Danish and English', (question, id) => {
    const area = loaded.knowledge.outside.get(id);
    const da = routeTurn(turn(question), emptyState(), deps);
    expect(headingsOf(da.messages)).toEqual([]);
    expect(textOf(da.messages)).toContain(area?.hint);
    expect(textOf(da.messages)).toContain(stringsFor('da').outsideScope);
    expect(choiceIdsOf(da.messages)).toContain('cmd:escalate');
    expect(choiceIdsOf(da.messages).some((c) => c.startsWith('faq:'))).toBe(false);
    expect(da.events).toContainEqual({ type: 'no_answer', text: question, outside: id });
    const en = routeTurn(turn(question, 'en'), emptyState(), deps);
    expect(textOf(en.messages)).toContain(area?.hint_en);
    expect(textOf(en.messages)).toContain(stringsFor('en').outsideScope);
    expect(textOf(en.messages)).not.toContain(area?.hint);
  });

  it('offers the entries, saying what is outside the field, when a clear top entry is held back by out-of-field doubt', () => {
    const question = 'hvornår blev instagram lanceret';
    expect(loaded.knowledge.search(question)).toMatchObject({ decision: 'suggest', confident: false, outsideDoubt: true });
    const da = routeTurn(turn(question), emptyState(), deps);
    expect(headingsOf(da.messages)).toEqual([]);
    expect(textOf(da.messages)).toContain(stringsFor('da').didYouMean);
    expect(da.messages[0]?.blocks[0]).toEqual({ type: 'text', markdown: `${stringsFor('da').didYouMeanIntro(question)}\n\n${stringsFor('da').maybeOutside}` });
    expect(choiceIdsOf(da.messages).filter((c) => c.startsWith('faq:')).length).toBeGreaterThan(0);
    expect(da.events?.find((e) => e.type === 'question_asked')).toMatchObject({ decision: 'suggest', confident: false });
    const en = routeTurn(turn(question, 'en'), emptyState(), deps);
    expect(en.messages[0]?.blocks[0]).toMatchObject({ type: 'text', markdown: expect.stringContaining(stringsFor('en').maybeOutside) });
    // a "Mente du …?" without doubt says nothing about the field
    const plain = routeTurn(turn('hvad koster en konsulent'), emptyState(), deps);
    expect(textOf(plain.messages)).toContain(stringsFor('da').didYouMean);
    expect(plain.messages[0]?.blocks[0]).toEqual({ type: 'text', markdown: stringsFor('da').didYouMeanIntro('hvad koster en konsulent') });
  });

  it('answers "må vi slette kommentarer på vores facebookside" with its entry', () => {
    const routed = routeTurn(turn('må vi slette kommentarer på vores facebookside'), emptyState(), deps);
    expect(headingsOf(routed.messages)).toEqual([loaded.knowledge.faq.get('slette-kommentarer')?.title]);
    expect(routed.events?.some((e) => e.type === 'no_answer')).toBe(false);
  });

  describe('through the bot and the analytics recorder', () => {
    let store: SqliteStore;
    beforeEach(async () => {
      store = new SqliteStore(':memory:');
      await store.migrate();
    });
    afterEach(() => store.close());

    it('stores the no_answer event with the area', async () => {
      const { bot, recorder } = scriptedBot(store, testClock('2026-03-02T09:00:00Z'));
      const reply = await person(bot, 'anna').say('printeren virker ikke');
      expect(textOf(reply.messages)).toContain(loaded.knowledge.outside.get('it-support')?.hint);
      await recorder.flush();
      const events = await store.listAnalyticsEvents({ type: 'no_answer' });
      expect(events.map((e) => e.payload)).toEqual([expect.objectContaining({ text: 'printeren virker ikke', outside: 'it-support' })]);
    });
  });
});
