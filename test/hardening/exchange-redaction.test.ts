import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INBOX_CHANNEL, freshId, slackSentTo, startHardeningServer, teamsMessage, waitUntil, type HardeningServer } from './support/hardening-server.ts';

/** CPR numbers, e-mail addresses and phone numbers written into the exchange, both ways. */
const PERSONAL = ['010190-1234', '0202901235', 'borger@example.dk', '22 33 44 55', '+45 87654321'];
const flat = (text: string) => text.replace(/[-\s]/g, '');
const leaks = (text: string) => PERSONAL.filter((p) => text.includes(p) || flat(text).includes(flat(p)));

let s: HardeningServer;
beforeAll(async () => {
  s = await startHardeningServer({ logLevel: 'trace' });
});
afterAll(async () => {
  await s.close();
});

describe('the consultant–requester exchange keeps personal data out of everything it stores, logs and sends', () => {
  it('redacts a consultant reply (Slack thread) and the requester answer (Teams form) before they go anywhere', async () => {
    const id = 'a:exchange-redaction';
    const requester = (fields: Record<string, unknown>) => teamsMessage(s.connector.url, id, fields, '29:exchange-user');
    const values = { form: 'escalation', checkboxes: ['consent'], topic: 'Kommentarer', description: 'Mange kommentarer', urgency: 'days', municipality: 'Aarhus', name: 'Mette', contact: 'mette@aarhus.dk', consent: 'true' };
    expect(await s.teamsPost(requester({ text: 'tal med en konsulent' }))).toBe(200);
    expect(await s.teamsPost(requester({ value: values, replyToId: 'form-card' }))).toBe(200);
    await waitUntil(() => s.slack.delivered('chat.postMessage').some((c) => c.args.channel === INBOX_CHANNEL), 10_000, 'the inbox card');
    const card = s.slack.delivered('chat.postMessage').find((c) => c.args.channel === INBOX_CHANNEL);
    const [view] = await s.runtime.escalation.cases.list();

    const reply = `Borgeren ${PERSONAL[0]} (${PERSONAL[2]}) har ringet fra ${PERSONAL[3]}.`;
    const event = { type: 'message', channel: INBOX_CHANNEL, channel_type: 'channel', user: 'UCONSULTANT', text: reply, ts: `${Date.now() / 1000}`, thread_ts: String(card?.response?.ts) };
    const envelope = { token: 'unused', team_id: 'T1', api_app_id: 'A1', type: 'event_callback', event_id: freshId('Ev'), event_time: Math.floor(Date.now() / 1000), authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }], event };
    expect((await s.slackPost(envelope)).status).toBe(200);
    await waitUntil(() => s.connector.messages(id).some((c) => JSON.stringify(c.body).includes('Konsulenten skriver')), 10_000, 'the reply on Teams');

    const answer = `Ja, ${PERSONAL[1]} og ${PERSONAL[4]} er den samme.`;
    // The requester presses "Svar konsulenten" on the relayed reply, then sends the answer form it opens.
    expect(await s.teamsPost(requester({ value: { choice: `case-reply:${view?.case.id ?? ''}` }, replyToId: 'notice-card' }))).toBe(200);
    expect(await s.teamsPost(requester({ value: { form: `case-reply:${view?.case.id ?? ''}`, text: answer }, replyToId: 'reply-card' }))).toBe(200);
    await waitUntil(() => slackSentTo(s.slack, INBOX_CHANNEL).some((t) => t.includes('Brugeren svarer')), 10_000, 'the answer in the thread');

    const stored = await s.runtime.escalation.cases.get(view?.case.id ?? '');
    expect(stored?.messages.map((m) => m.text)).toEqual([
      'Borgeren [CPR-nummer fjernet] ([e-mail fjernet]) har ringet fra [telefonnummer fjernet].',
      'Ja, [CPR-nummer fjernet] og [telefonnummer fjernet] er den samme.',
    ]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const db = new Database(s.sqlitePath ?? '', { readonly: true });
    try {
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
      const dump = tables.map((t) => JSON.stringify(db.prepare(`SELECT * FROM "${t.name}"`).all())).join('\n');
      // The consultant's own message is Slack's (we cannot unsend it); everything we store holds none of it.
      expect(leaks(dump)).toEqual([]);
    } finally {
      db.close();
    }
    expect(leaks(s.rawLogs())).toEqual([]);
    expect(leaks(JSON.stringify(s.slack.calls))).toEqual([]);
    expect(leaks(JSON.stringify(s.connector.calls))).toEqual([]);
  });
});
