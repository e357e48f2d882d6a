import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inboxCard as slackCard } from '../../src/adapters/slack/inbox-card.ts';
import { inboxCard as teamsCard } from '../../src/adapters/teams/inbox-card.ts';
import { readCase, type CasePayload } from '../../src/escalation/case-payload.ts';
import { runCli } from '../support/run-cli.ts';
import { readableMail } from './support/smtp-recorder.ts';
import { until } from './support/until.ts';
import { useChatProcesses } from './support/chat-processes.ts';
import type { ChatLine } from './support/json-chat-process.ts';

const CONSULTANT_LABELS = ['Sagsnummer', 'Hastegrad', 'Kommune', 'Emne', 'Navn', 'Kontakt', 'Skrevet fra', 'Forventet svar'];
const REQUESTER_WORDING = ['Dit navn', 'Hvor haster det?', 'Du kan forvente svar', 'E-mail eller telefon'];

const processes = useChatProcesses();

interface Shown {
  transcript: { from: string; text: string; kind?: string }[];
}

/** The id of the button in `line` whose label starts with `label` (step buttons carry the guide run's id). */
function choiceId(line: ChatLine, label: string): string {
  const choices = (line.messages ?? []).flatMap((m) => m.blocks).flatMap((b) => (b.type === 'choices' ? (b.choices as { id: string; label: string }[]) : []));
  const found = choices.find((c) => c.label.startsWith(label));
  if (!found) throw new Error(`no "${label}" button in ${JSON.stringify(choices.map((c) => c.label))}`);
  return found.id;
}

describe('a readable case', () => {
  it('tells the buttons pressed by their labels and shows the case in Danish in cases show and the e-mail', async () => {
    const smtp = await processes.smtp();
    const env = { SQLITE_PATH: join(await mkdtemp(join(tmpdir(), 'some-readable-')), 'state.db'), KNOWLEDGE_DIR: './knowledge', SMTP_URL: smtp.url, CONSULTANT_EMAIL: 'konsulenter@kl.dk', OUTBOX_POLL_MS: '100' };
    const chat = processes.chat(env);
    await chat.send('menu');
    const started = await chat.send({ action: 'flow:crisis' });
    expect(started.flow).toMatchObject({ id: 'crisis', node: 'cause' });
    const decision = await chat.send({ action: choiceId(started, 'Upopulær beslutning') });
    const back = await chat.send({ action: choiceId(decision, 'Tilbage') });
    await chat.send({ action: choiceId(back, 'Rygte eller misinformation') });
    await chat.send('tal med en konsulent');
    const values = { topic: 'Rygte om lukning', description: 'Det spreder sig i lokale grupper.', urgency: 'days', municipality: 'Silkeborg Kommune', name: 'Mette Jensen', contact: 'mette@silkeborg.dk', consent: true };
    const number = /KL-\d{4}-\d{4}/.exec((await chat.send({ form: 'escalation', values })).messages?.map((m) => m.fallback).join('\n') ?? '')?.[0] ?? '';

    const shown = JSON.parse((await runCli(['cases', 'show', number, '--json'], '', env)).stdout) as Shown;
    const userLines = shown.transcript.filter((t) => t.from === 'user');
    // the menu the chat opened with tells the consultant nothing and is left out
    expect(userLines.map((t) => [t.kind ?? 'text', t.text])).toEqual([
      ['button', 'Shitstorm – de første skridt'],
      ['button', 'Upopulær beslutning – fx lukning eller besparelse'],
      ['button', 'Tilbage'],
      ['button', 'Rygte eller misinformation – noget, der ikke passer'],
      ['text', 'tal med en konsulent'],
    ]);
    expect(JSON.stringify(shown.transcript)).not.toMatch(/\[(step|cmd|flow):/);

    const page = (await runCli(['cases', 'show', number], '', env)).stdout;
    for (const label of CONSULTANT_LABELS) expect(page).toMatch(new RegExp(`^${label}: `, 'm'));
    for (const wording of [...REQUESTER_WORDING, 'History', 'Notifications', 'Status: new']) expect(page).not.toContain(wording);
    expect(page).toContain('Navn: Mette Jensen');
    expect(page).toContain('Kontakt: mette@silkeborg.dk');
    expect(page).toContain('Bruger valgte: Tilbage');
    expect(page).toContain('Forløb:');

    const mail = readableMail((await until('the e-mail', () => smtp.mails[0])).raw);
    for (const label of CONSULTANT_LABELS) expect(mail).toContain(`${label}: `);
    for (const wording of REQUESTER_WORDING) expect(mail).not.toContain(wording);
    expect(mail).toContain('Bruger valgte: Rygte eller misinformation');
  }, 90_000);

  it('labels the Slack and Teams inbox cards in Danish, for consultants', () => {
    const reference = { channel: 'web' as const, conversationId: 'web:1', userId: 'u1', locale: 'en' as const };
    const payload: CasePayload = {
      submissionKey: 'esc-1', topic: 'Shitstorm', description: 'Vrede kommentarer', urgency: 'urgent', municipality: 'Aarhus Kommune',
      contact: { name: 'Mette', phone: '12345678' }, consent: true,
      transcript: [{ at: '2026-03-02T10:00:00Z', from: 'user', text: 'Tilbage', kind: 'button' }],
      requester: { platform: 'web', userId: 'u1', name: 'Mette', conversationId: 'web:1', reference },
      expectedBy: '2026-03-02T12:00:00Z', history: [{ status: 'new', at: '2026-03-02T10:00:00Z' }], routes: ['slack-inbox'],
    };
    const at = new Date('2026-03-02T10:00:00Z');
    const view = readCase({ id: 'case-1', number: 'KL-2026-0007', status: 'new', payload, createdAt: at, updatedAt: at });
    for (const card of [JSON.stringify(slackCard(view)), JSON.stringify(teamsCard(view))]) {
      for (const label of CONSULTANT_LABELS.slice(1)) expect(card).toContain(label);
      for (const wording of REQUESTER_WORDING) expect(card).not.toContain(wording);
      expect(card).toContain('playground · Mette');
      expect(card).toContain('Bruger valgte: Tilbage');
      expect(card).not.toMatch(/Your name|Urgency|Contact/);
    }
  });
});
