import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReport, reportKnowledge } from '../../src/report/build-report.ts';
import type { Report } from '../../src/report/report-types.ts';
import { stringsFor } from '../../src/i18n/strings.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../src/store/store.ts';
import { choicesOf, loaded, person, scriptedBot, testClock } from '../analytics/support/scripted-bot.ts';
import { createPgDatabase, TEST_DATABASE_URL } from '../store/support/pg-test-database.ts';

const said = (reply: { messages: { fallback: string }[] }) => reply.messages.map((m) => m.fallback).join('\n');
const NO_ANSWER = 'Det har jeg desværre ikke et godt svar på';
/** The reply to a question turned away as out of scope (knowledge/outside.yaml) ends with this. */
const OUTSIDE_SCOPE = stringsFor('da').outsideScope;

/** What the script did, for the expected figures. */
interface Script {
  answeredFaq: string;
  nodes: { bo: string; cara: string; dan: string };
  completedOutcome: string;
  report: Report;
}

/** Runs the scripted conversations through the real Bot against `store`, then builds the report. */
async function runScript(store: Store): Promise<Script> {
  const clock = testClock('2026-03-02T09:00:00Z');
  const { bot, recorder } = scriptedBot(store, clock);
  const anna = person(bot, 'anna', 'console');
  const bo = person(bot, 'bo', 'slack');
  const cara = person(bot, 'cara', 'teams');
  const dan = person(bot, 'dan', 'web');

  // Week 10: questions (one answered, three unanswered of which two alike and out of scope: small talk).
  const answer = await anna.say('må vi slette kommentarer på vores facebookside');
  const up = choicesOf(answer.messages).find((c) => c.id.startsWith('fb:up:faq:'));
  expect(up).toBeDefined();
  const answeredFaq = (up?.id ?? '').slice('fb:up:faq:'.length);
  expect(said(await anna.say('opskrift på æblekage med kanel'))).toContain(OUTSIDE_SCOPE);
  expect(said(await bo.say('opskrift på æblekager med kanel og sukker'))).toContain(OUTSIDE_SCOPE);
  expect(said(await cara.say('hvordan strikker man en hue med bobler'))).toContain(NO_ANSWER);
  // Feedback: two 👎 (one with a comment) and one 👍 on the answer.
  await anna.press(`fb:down:faq:${answeredFaq}`);
  await anna.say('noget om kageopskrifter til personalefesten');
  // bo and cara open the same answer from its button (no question counted), so its 👍/👎 are offered to them too.
  await bo.press(`faq:${answeredFaq}`);
  await bo.press(`fb:down:faq:${answeredFaq}`);
  await cara.press(`faq:${answeredFaq}`);
  await cara.press(`fb:down:faq:${answeredFaq}`);
  await cara.press(`fb:up:faq:${answeredFaq}`); // changes her vote: counted once, as 👍

  // Flows: anna completes, bo stops after one answer, cara goes quiet after two, dan has just started.
  let reply = await anna.press('flow:platform-choice');
  while (reply.flow && !reply.flow.outcome) {
    const next = choicesOf(reply.messages).find((c) => c.id.startsWith('step:'));
    if (!next) throw new Error('the walk found no answer button');
    reply = await anna.press(next.id);
  }
  const completedOutcome = reply.flow?.node ?? '';
  await anna.press(`fb:down:flow:platform-choice/${completedOutcome}`);
  const firstStep = async (who: typeof bo) => {
    const r = await who.press('flow:platform-choice');
    return who.press(choicesOf(r.messages).find((c) => c.id.startsWith('step:'))?.id ?? '');
  };
  const boAt = (await firstStep(bo)).flow?.node ?? '';
  await bo.say('stop');
  const caraFirst = await firstStep(cara);
  const caraAt = (await cara.press(choicesOf(caraFirst.messages).find((c) => c.id.startsWith('step:'))?.id ?? '')).flow?.node ?? '';
  clock.advance(31);

  // Week 11: one more question on the web, then dan starts the guide (still in progress at report time).
  clock.advance(7 * 24 * 60);
  await dan.say('opskrift på æblekage med kanel');
  const danAt = (await dan.press('flow:platform-choice')).flow?.node ?? '';
  await recorder.flush();

  // Escalations: two on one topic claimed after 30 and 90 minutes, one still new.
  const opened = new Date('2026-03-03T10:00:00Z');
  const open = (topic: string) => store.createCaseWithNotifications({ payload: { topic, history: [{ status: 'new', at: opened.toISOString() }] }, createdAt: opened }, () => []);
  const claim = async (id: string, minutes: number) => {
    const at = new Date(opened.getTime() + minutes * 60_000).toISOString();
    await store.transitionCase(id, 'new', 'claimed', { history: [{ status: 'new', at: opened.toISOString() }, { status: 'claimed', at }] });
  };
  await claim((await open('Shitstorm')).id, 30);
  await claim((await open('Shitstorm')).id, 90);
  await open('Trusler');

  const report = await loadReport(store, reportKnowledge(loaded.knowledge), new Date(clock.now.getTime() + 10 * 60_000));
  return { answeredFaq, nodes: { bo: boAt, cara: caraAt, dan: danAt }, completedOutcome, report };
}

function expectExactFigures({ report, answeredFaq, nodes, completedOutcome }: Script): void {
  const title = loaded.knowledge.faq.get(answeredFaq)?.title;
  expect(report.questions).toEqual({
    total: 5,
    answered: 1,
    suggested: 0,
    unanswered: 4,
    outside: 3,
    perWeek: [
      { label: '2026-W10', count: 4 },
      { label: '2026-W11', count: 1 },
    ],
    perPlatform: [
      { label: 'console', count: 2 },
      { label: 'slack', count: 1 },
      { label: 'teams', count: 1 },
      { label: 'web', count: 1 },
    ],
  });
  expect(report.topEntries).toEqual([{ kind: 'faq', id: answeredFaq, title, count: 1 }]);
  // the three recipes were turned away as small talk (knowledge/outside.yaml): counted only under outsideAreas
  expect(report.unansweredGroups.map((g) => [g.count, g.examples])).toEqual([[1, ['hvordan strikker man en hue med bobler']]]);
  expect(report.outsideAreas).toEqual([{ id: 'smalltalk', title: loaded.knowledge.outside.get('smalltalk')?.title, count: 3 }]);
  expect(report.worstFeedback.map((f) => [f.kind, f.id, f.down, f.up, f.comments])).toEqual([
    ['faq', answeredFaq, 2, 1, ['noget om kageopskrifter til personalefesten']],
    ['flow', `platform-choice/${completedOutcome}`, 1, 0, []],
  ]);
  const [funnel] = report.flows;
  expect(report.flows).toHaveLength(1);
  expect(funnel).toMatchObject({ flowId: 'platform-choice', started: 4, completed: 1, abandoned: 2, inProgress: 1 });
  expect(nodes.dan).toBe('platform');
  expect(funnel?.reached.find((r) => r.label === 'platform')?.count).toBe(4);
  expect(funnel?.reached.find((r) => r.label === nodes.bo)?.count).toBe(3);
  expect(funnel?.reached.find((r) => r.label === nodes.cara)?.count).toBe(2);
  expect(funnel?.reached.find((r) => r.label === completedOutcome)?.count).toBe(1);
  expect(funnel?.dropOffs).toEqual([nodes.bo, nodes.cara].sort().map((label) => ({ label, count: 1 })));
  expect(report.escalations).toEqual({
    total: 3,
    claimed: 2,
    resolved: 0,
    perTopic: [
      { label: 'Shitstorm', count: 2 },
      { label: 'Trusler', count: 1 },
    ],
    medianMinutesToClaim: 60,
  });
  expect(report.didYouMean).toEqual({ shown: 0, picked: 0 });
}

describe('the report after scripted conversations (SQLite)', () => {
  it('has exactly the right figures', async () => {
    const store = new SqliteStore(':memory:');
    await store.migrate();
    try {
      expectExactFigures(await runScript(store));
    } finally {
      await store.close();
    }
  });
});

describe.skipIf(!TEST_DATABASE_URL)('the report after scripted conversations (PostgreSQL)', () => {
  let database: Awaited<ReturnType<typeof createPgDatabase>>;
  let store: Store;
  beforeAll(async () => {
    database = await createPgDatabase(TEST_DATABASE_URL ?? '');
    store = database.open();
    await store.migrate();
  });
  afterAll(async () => {
    await store?.close();
    await database?.drop();
  });

  it('has exactly the right figures', async () => {
    expectExactFigures(await runScript(store));
  });
});
