import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardsIn } from '../adapters/teams/card-schema.ts';
import { INBOX_CHANNEL, slackDm, slackSentTo, startHardeningServer, teamsMessage, waitUntil, type HardeningServer } from './support/hardening-server.ts';
import { sqliteDump } from './support/store-dump.ts';

/** CPR numbers with valid dates, as typed (with and without the dash). */
const CPRS = ['010190-1234', '0202901235', '311299-4321', '290296-1111'];
/** Every stored, logged or sent text must be free of these digit runs. */
const DIGITS = CPRS.map((c) => c.replace('-', ''));

let s: HardeningServer;
beforeAll(async () => {
  // Trace is the lowest level: Bolt's and the Web API client's own debug output is captured too.
  s = await startHardeningServer({ logLevel: 'trace' });
});
afterAll(async () => {
  await s.close();
});

function leaks(text: string): string[] {
  const flat = text.replace(/[-\s]/g, '');
  return [...CPRS.filter((c) => text.includes(c)), ...DIGITS.filter((d) => flat.includes(d))];
}

describe('CPR numbers are warned about and redacted everywhere (Slack and Teams, end to end)', () => {
  it('warns on Slack and stores only the redacted question', async () => {
    await s.slackPost(slackDm(`Borgeren ${CPRS[0]} klager over vores opslag på facebook`, 'UCPR1', 'DCPR1'));
    await waitUntil(() => slackSentTo(s.slack, 'DCPR1').length >= 2, 10_000, 'the Slack warning and answer');
    const replies = slackSentTo(s.slack, 'DCPR1').join('\n');
    expect(replies).toContain('personoplysninger');
    expect(leaks(replies)).toEqual([]);
    const state = await s.runtime.store.loadConversation('slack:T1:DCPR1');
    expect(JSON.stringify(state)).toContain('[CPR-nummer fjernet]');
  });

  it('warns on Teams (no dash) and leaves a date that is no CPR number alone', async () => {
    const id = 'a:cpr-teams-1';
    expect(await s.teamsPost(teamsMessage(s.connector.url, id, { text: `Hvad gør vi med ${CPRS[1]}? Sagsnr 320190-1234.` }))).toBe(200);
    const cards = JSON.stringify(cardsIn(s.connector.messages(id)));
    expect(cards).toContain('personoplysninger');
    const state = JSON.stringify(await s.runtime.store.loadConversation(`teams:${id}`));
    expect(state).toContain('[CPR-nummer fjernet]');
    expect(state).toContain('320190-1234');
  });

  it('redacts CPR numbers in a button value and in an escalation form (case, transcript, outbox, inbox card)', async () => {
    const id = 'a:cpr-teams-2';
    const where = (fields: Record<string, unknown>) => teamsMessage(s.connector.url, id, fields, '29:cpr-user');
    expect(await s.teamsPost(where({ text: `min kollega har cpr ${CPRS[2]}` }))).toBe(200);
    expect(await s.teamsPost(where({ value: { choice: `faq:${CPRS[2]}` }, replyToId: 'old' }))).toBe(200);
    expect(await s.teamsPost(where({ text: 'konsulent' }))).toBe(200);
    const submit = {
      form: 'escalation',
      checkboxes: ['consent'],
      topic: `Borger ${CPRS[3]} skriver hver dag`,
      description: `Det drejer sig om ${CPRS[0]} og ${CPRS[1]}, som har skrevet 40 kommentarer.`,
      urgency: 'days',
      municipality: 'Aarhus',
      name: 'Mette',
      contact: 'mette@aarhus.dk',
      consent: 'true',
    };
    expect(await s.teamsPost(where({ value: submit, replyToId: 'form-card' }))).toBe(200);
    const cases = await s.runtime.store.listCases();
    expect(cases.length).toBe(1);
    expect(leaks(JSON.stringify(cases))).toEqual([]);
    expect(JSON.stringify(cases)).toContain('[CPR-nummer fjernet]');
    await waitUntil(() => slackSentTo(s.slack, INBOX_CHANNEL).length > 0, 10_000, 'the consultant inbox card');
    expect(leaks(slackSentTo(s.slack, INBOX_CHANNEL).join('\n'))).toEqual([]);
  });

  it('has no CPR number in any table, log line (at trace level), or outgoing call', async () => {
    // Let the outbox and analytics writes settle.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const dump = sqliteDump(s.sqlitePath ?? '');
    expect(dump).toContain('[CPR-nummer fjernet]');
    expect(leaks(dump)).toEqual([]);
    const analytics = await s.runtime.store.listAnalyticsEvents();
    expect(analytics.length).toBeGreaterThan(0);
    expect(leaks(JSON.stringify(analytics))).toEqual([]);
    const logs = s.rawLogs();
    expect(logs.length).toBeGreaterThan(1000);
    expect(leaks(logs)).toEqual([]);
    expect(leaks(JSON.stringify(s.slack.calls))).toEqual([]);
    expect(leaks(JSON.stringify(s.connector.calls))).toEqual([]);
  });
});
