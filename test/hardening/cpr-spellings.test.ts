import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { INBOX_ACTIONS } from '../../src/adapters/slack/inbox-card.ts';
import { createPgDatabase, TEST_DATABASE_URL } from '../store/support/pg-test-database.ts';
import { cprSpelling, survivingCprNumbers, type CprSpelling } from '../support/cpr-spellings.ts';
import { INBOX_CHANNEL, slackClick, slackDm, slackSentTo, startHardeningServer, teamsMessage, waitUntil, type HardeningServer } from './support/hardening-server.ts';
import { postgresDump, sqliteDump } from './support/store-dump.ts';

const FAQ_QUESTION = 'hvor hurtigt skal vi svare på facebook';

/**
 * One user's session with a CPR number spelled `cpr.typed` in every input a user controls: a Slack message and display
 * name, a Slack button value, a Teams message and display name, a Teams button value, a Teams form id and field key, a
 * feedback comment, an escalation form (topic, description, name, municipality), and a consultant's name claiming it.
 */
async function session(s: HardeningServer, run: number, cpr: CprSpelling): Promise<void> {
  const { typed } = cpr;
  const slackUser = `UCPRS${run}`;
  const dm = `DCPRS${run}`;
  s.slack.names.set(slackUser, `Mette ${typed}`);
  await s.slackPost(slackDm(`Borgeren ${typed} klager over vores opslag`, slackUser, dm));
  await waitUntil(() => slackSentTo(s.slack, dm).length > 0, 10_000, 'the Slack answer');
  const answered = slackSentTo(s.slack, dm).length;
  await s.slackPost(slackClick(`faq:${typed}`, slackUser, dm));
  await waitUntil(() => slackSentTo(s.slack, dm).length > answered, 10_000, 'the Slack reply to the click');

  const id = `a:cpr-spelling-${run}`;
  const teams = (fields: Record<string, unknown>) => s.teamsPost({ ...teamsMessage(s.connector.url, id, fields, `29:cprs${run}`), from: { id: `29:cprs${run}`, name: `Hansen ${typed}`, aadObjectId: `aad-cprs${run}` } });
  expect(await teams({ text: `Hvad gør vi, når ${typed} skriver?` })).toBe(200);
  expect(await teams({ value: { choice: `faq:${typed}` }, replyToId: 'old' })).toBe(200);
  expect(await teams({ value: { form: `svar-${typed}`, [`felt ${typed}`]: `værdi ${typed}` }, replyToId: 'old' })).toBe(200);
  expect(await teams({ text: FAQ_QUESTION })).toBe(200);
  const thumbsDown = /"(fb:down:[^"]+)"/.exec(JSON.stringify(s.connector.messages(id).at(-1)?.body ?? {}))?.[1];
  expect(thumbsDown).toBeDefined();
  expect(await teams({ value: { choice: thumbsDown }, replyToId: 'answer' })).toBe(200);
  expect(await teams({ text: `Der manglede noget om ${typed}` })).toBe(200);

  expect(await teams({ text: 'konsulent' })).toBe(200);
  const inboxBefore = slackSentTo(s.slack, INBOX_CHANNEL).length;
  const submit = {
    form: 'escalation',
    checkboxes: ['consent'],
    topic: `Run ${run}: borger ${typed}`,
    description: `Det drejer sig om ${typed}, som skriver hver dag.`,
    urgency: 'days',
    municipality: `Aarhus ${typed}`,
    name: `Mette ${typed}`,
    contact: 'mette@aarhus.dk',
    consent: 'true',
  };
  expect(await teams({ value: submit, replyToId: 'form-card' })).toBe(200);
  await waitUntil(() => slackSentTo(s.slack, INBOX_CHANNEL).length > inboxBefore, 10_000, 'the consultant inbox card');
  const opened = (await s.runtime.store.listCases()).find((c) => String(c.payload.topic).startsWith(`Run ${run}:`));
  expect(opened).toBeDefined();
  const consultant = `UKONS${run}`;
  s.slack.names.set(consultant, `Konsulent ${typed}`);
  const updatesBefore = s.slack.delivered('chat.update').length;
  await s.slackPost(slackClick(opened?.id ?? '', consultant, INBOX_CHANNEL, INBOX_ACTIONS.claim));
  await waitUntil(async () => (await s.runtime.store.getCase(opened?.id ?? ''))?.status === 'claimed', 10_000, 'the claim');
  await waitUntil(() => s.slack.delivered('chat.update').length > updatesBefore, 10_000, 'the inbox card showing the claim');
}

/**
 * Everything that left the process or was kept, by where: outgoing calls (what we sent, not the fake API's answers,
 * which hold the display names the test gives it), every log line (trace level), every stored row.
 */
async function everything(s: HardeningServer, dump: () => Promise<string>): Promise<Record<string, string>> {
  return { slack: JSON.stringify(s.slack.calls.map(({ method, args }) => ({ method, args }))), teams: JSON.stringify(s.connector.calls), logs: s.rawLogs(), store: await dump() };
}

/** Where each of `digits` survives (an empty object when none does). */
function leaksIn(places: Record<string, string>, digits: readonly string[]): Record<string, string[]> {
  return Object.fromEntries(Object.entries(places).flatMap(([place, text]) => {
    const found = survivingCprNumbers(text, digits);
    return found.length > 0 ? [[place, found]] : [];
  }));
}

const STORES = [
  { name: 'SQLite', enabled: true, runs: 25 },
  { name: 'PostgreSQL', enabled: Boolean(TEST_DATABASE_URL), runs: 12 },
];

for (const { name, enabled, runs } of STORES) {
  describe.skipIf(!enabled)(`CPR numbers as people type them never reach a store, a log or another system (${name})`, () => {
    const cleanup: (() => Promise<void>)[] = [];
    afterAll(async () => {
      for (const step of cleanup.splice(0).reverse()) await step();
    });

    it('redacts every spelling in every input a user controls', { timeout: 240_000 }, async () => {
      let dump: () => Promise<string>;
      let s: HardeningServer;
      if (name === 'PostgreSQL') {
        const db = await createPgDatabase(TEST_DATABASE_URL ?? '');
        cleanup.push(() => db.drop());
        s = await startHardeningServer({ logLevel: 'trace', databaseUrl: db.url });
        dump = () => postgresDump(db.url);
      } else {
        s = await startHardeningServer({ logLevel: 'trace' });
        dump = async () => sqliteDump(s.sqlitePath ?? '');
      }
      cleanup.push(() => s.close());
      let run = 0;
      const seen: string[] = [];
      await fc.assert(
        fc.asyncProperty(cprSpelling, async (cpr) => {
          run += 1;
          seen.push(cpr.digits);
          await session(s, run, cpr);
          expect(leaksIn(await everything(s, dump), [cpr.digits]), `${JSON.stringify(cpr.typed)} (${cpr.separator})`).toEqual({});
        }),
        { numRuns: runs, seed: 1818, endOnFailure: true },
      );
      const all = await everything(s, dump);
      for (const place of ['slack', 'teams', 'store']) expect(all[place]).toContain('[CPR-nummer fjernet]');
      expect(leaksIn(all, seen)).toEqual({});
    });
  });
}
