import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, runCli } from '../support/run-cli.ts';
import type { ChatLine, JsonChat } from './support/json-chat-process.ts';
import { readableMail } from './support/smtp-recorder.ts';
import { until } from './support/until.ts';
import { useChatProcesses } from './support/chat-processes.ts';

const KNOWLEDGE_DIR = join(import.meta.dirname, 'fixtures', 'knowledge');
const request = { topic: 'Rygte om skolelukning', description: 'Et falsk rygte spreder sig.', urgency: 'days', municipality: 'Odder Kommune', name: 'Mette', contact: 'mette@odder.dk', consent: true };

const processes = useChatProcesses();

const chat = (env: Record<string, string>): JsonChat => processes.chat(env);

const text = (line: ChatLine) => (line.messages ?? line.notification?.messages ?? []).map((m) => m.fallback).join('\n');
const choicesOf = (line: ChatLine) => (line.messages ?? line.notification?.messages ?? []).flatMap((m) => m.blocks.flatMap((b) => (b.choices ?? []) as { id: string; label: string }[]));
const formIdOf = (line: ChatLine) => (line.messages ?? []).flatMap((m) => m.blocks).find((b) => b.type === 'form') as { form: { id: string } } | undefined;

/** A consultant request from a chat that is then killed, and a consultant's reply sent while no chat is open. */
async function replyWhileClosed(pollMs: string, reply: string): Promise<{ env: Record<string, string>; number: string }> {
  const env = { SQLITE_PATH: join(await mkdtemp(join(tmpdir(), 'some-exchange-')), 'state.db'), KNOWLEDGE_DIR, OUTBOX_POLL_MS: pollMs };
  const first = chat(env);
  const number = /KL-\d{4}-\d{4}/.exec(text(await first.requestConsultant(request)))?.[0] ?? '';
  first.child.kill('SIGKILL');
  await first.close();
  expect((await runCli(['cases', 'reply', number, reply, '--by', 'Lars Konsulent'], '', env)).code).toBe(0);
  return { env, number };
}

describe('the consultant answers back to the terminal chat (chat --json, cases reply)', () => {
  it('a reply written while the chat is closed arrives once when it runs again; the requester answers with "Svar konsulenten"; resolving ends it', async () => {
    const smtp = await processes.smtp();
    const env = { SQLITE_PATH: join(await mkdtemp(join(tmpdir(), 'some-exchange-')), 'state.db'), KNOWLEDGE_DIR, SMTP_URL: smtp.url, CONSULTANT_EMAIL: 'konsulenter@kl.dk', OUTBOX_POLL_MS: '100', OUTBOX_RETRY_BASE_MS: '100' };
    const first = chat(env);
    const number = /KL-\d{4}-\d{4}/.exec(text(await first.requestConsultant(request)))?.[0] ?? '';
    first.child.kill('SIGKILL');
    await first.close();

    const replied = await runCli(['cases', 'reply', number, 'Hej Mette. Ring til mig på 33 70 33 70 i morgen.', '--by', 'Lars Konsulent'], '', env);
    expect(replied.code).toBe(0);
    expect(replied.stdout).toContain(`✓ Sendt til Mette, Odder Kommune (sag ${number}).`);

    const second = chat(env);
    const claimed = await second.notification();
    expect(text(claimed)).toContain(`Lars Konsulent fra KL Kommunikation har overtaget din henvendelse ${number}`);
    const reply = await second.notification();
    expect(text(reply)).toContain(`Konsulenten skriver (Lars Konsulent, sag ${number}):`);
    expect(text(reply)).toContain('Ring til mig på [telefonnummer fjernet] i morgen.');
    const answerButton = choicesOf(reply).find((c) => c.label === 'Svar konsulenten');
    expect(answerButton?.id).toMatch(/^case-reply:/);

    const form = await second.send({ action: answerButton?.id });
    const formId = formIdOf(form)?.form.id ?? '';
    expect(formId).toBe(answerButton?.id);
    const sent = await second.send({ form: formId, values: { text: 'Tak. Jeg er på 22 44 66 88 hele dagen.' } });
    expect(text(sent)).toContain(`Sendt til konsulenten i sag ${number}.`);
    // the phone number taken out of the answer is said, as for a typed message
    expect(text(sent)).toContain('Pas på: Din besked ser ud til at indeholde personoplysninger');

    const mail = readableMail((await until('the answer e-mail', () => smtp.mails.find((m) => readableMail(m.raw).includes('Brugeren svarer')))).raw);
    expect(mail).toContain('In-Reply-To:');
    expect(mail).toContain('Jeg er på [telefonnummer fjernet] hele dagen.');
    expect(mail).not.toContain('22 44 66 88');

    const shown = JSON.parse((await runCli(['cases', 'show', number, '--json'], '', env)).stdout) as { status: string; messages: { from: string; text: string }[] };
    expect(shown.status).toBe('claimed');
    expect(shown.messages.map((m) => m.from)).toEqual(['consultant', 'requester']);

    // Nothing was delivered twice: one claim, one reply, one e-mail per event.
    await new Promise((r) => setTimeout(r, 600));
    await expect(second.notification(300)).rejects.toThrow(/no notification/);
    expect(smtp.mails.filter((m) => readableMail(m.raw).includes('Brugeren svarer'))).toHaveLength(1);

    expect((await runCli(['cases', 'resolve', number, '--by', 'Lars Konsulent'], '', env)).code).toBe(0);
    expect(text(await second.notification())).toContain(`Din henvendelse ${number} er afsluttet`);
    const late = await runCli(['cases', 'reply', number, 'En sidste ting', '--by', 'Lars Konsulent'], '', env);
    expect(late.code).toBe(1);
    expect(late.stderr).toContain('Sagen er afsluttet');
    const refused = await second.send({ form: formId, values: { text: 'Hallo?' } });
    expect(text(refused)).toContain('Sagen er afsluttet');
    // the old button refuses at once, before anything is typed
    const button = await second.send({ action: answerButton?.id });
    expect(text(button)).toContain('Sagen er afsluttet, så du kan ikke længere svare konsulenten her.');
    expect(formIdOf(button)).toBeUndefined();
  }, 90_000);

  it("offers a message typed after the consultant's message to the consultant: sent when chosen, answered here when not, never once the case is closed", async () => {
    const env = { SQLITE_PATH: join(await mkdtemp(join(tmpdir(), 'some-exchange-')), 'state.db'), KNOWLEDGE_DIR, OUTBOX_POLL_MS: '100', OUTBOX_RETRY_BASE_MS: '100' };
    const c = chat(env);
    const number = /KL-\d{4}-\d{4}/.exec(text(await c.requestConsultant(request)))?.[0] ?? '';
    const consultantWrites = async (reply: string) => {
      expect((await runCli(['cases', 'reply', number, reply, '--by', 'Lars Konsulent'], '', env)).code).toBe(0);
      let told = await c.notification();
      while (!text(told).includes(reply)) told = await c.notification();
    };
    await consultantWrites('Hvornår blev opslaget lagt op?');

    const typed = await c.send('I går kl. 14. Skriv til mette@odder.dk hvis du vil se det');
    expect(text(typed)).toContain(`Er det et svar til konsulenten i sag ${number}?`);
    expect(choicesOf(typed).map((choice) => choice.label)).toEqual(['Send til konsulenten', 'Nej, svar mig her']);
    const sent = await c.send({ action: choicesOf(typed)[0]?.id });
    expect(text(sent)).toContain(`Sendt til konsulenten i sag ${number}.`);
    const messages = () => runCli(['cases', 'show', number, '--json'], '', env).then((r) => (JSON.parse(r.stdout) as { messages: { from: string; text: string }[] }).messages);
    expect((await messages()).map((m) => [m.from, m.text])).toEqual([
      ['consultant', 'Hvornår blev opslaget lagt op?'],
      ['requester', 'I går kl. 14. Skriv til [e-mail fjernet] hvis du vil se det'],
    ]);

    // answered: the next message is the advisor's again
    expect(text(await c.send('hvor lang tid går der før konsulenten svarer'))).toContain('I kan bede om en konsulent direkte her i chatten');

    await consultantWrites('Har I talt med borgeren?');
    const question = await c.send('hvad skal jeg skrive når jeg beder om en konsulent');
    expect(text(question)).toContain(`Er det et svar til konsulenten i sag ${number}?`);
    const here = await c.send({ action: choicesOf(question)[1]?.id });
    expect(text(here)).toContain('Kontakt en konsulent');
    expect(await messages()).toHaveLength(3);

    await consultantWrites('Sig til, hvis der er mere.');
    expect((await runCli(['cases', 'resolve', number, '--by', 'Lars Konsulent'], '', env)).code).toBe(0);
    expect(text(await c.notification())).toContain(`Din henvendelse ${number} er afsluttet`);
    const afterwards = await c.send('hvor lang tid går der før konsulenten svarer');
    expect(text(afterwards)).not.toContain('Er det et svar til konsulenten');
    expect(text(afterwards)).toContain('Kontakt en konsulent');
  }, 90_000);

  it('refuses an empty or over-long reply, and an answer from another conversation', async () => {
    const env = { SQLITE_PATH: join(await mkdtemp(join(tmpdir(), 'some-exchange-')), 'state.db'), KNOWLEDGE_DIR };
    const c = chat(env);
    const confirmation = await c.requestConsultant(request);
    const number = /KL-\d{4}-\d{4}/.exec(text(confirmation))?.[0] ?? '';
    const tooLong = await runCli(['cases', 'reply', number, 'x'.repeat(2001), '--by', 'Lars Konsulent'], '', env);
    expect(tooLong.code).toBe(1);
    expect(tooLong.stderr).toContain('for langt');
    const blank = await runCli(['cases', 'reply', number, '   ', '--by', 'Lars Konsulent'], '', env);
    expect(blank.code).toBe(1);
    expect(blank.stderr).toContain('Svaret er tomt');
    const shown = JSON.parse((await runCli(['cases', 'show', number, '--json'], '', env)).stdout) as { id: string; messages: unknown[] };
    expect(shown.messages).toEqual([]);

    const stranger = await runCli(['chat', '--json', '--conversation', 'console:other', '--user', 'other'], `${JSON.stringify({ form: `case-reply:${shown.id}`, values: { text: 'Jeg er ikke den, der spurgte' } })}\n`, env);
    // Another conversation was never offered this case's answer form: it is refused as not active.
    expect(stranger.stdout).toContain('ikke længere aktivt');
    expect((JSON.parse((await runCli(['cases', 'show', number, '--json'], '', env)).stdout) as { messages: unknown[] }).messages).toEqual([]);
  }, 60_000);

  it('shows a reply sent while no chat was open as soon as chat --json opens, without waiting for a poll', async () => {
    const { env } = await replyWhileClosed('600000', 'Jeg ringer i morgen kl. 10.');
    const reopened = await runCli(['chat', '--json', '--conversation', 'console:e2e', '--user', 'e2e-user'], '', env);
    expect(reopened.code).toBe(0);
    const notifications = reopened.stdout.split('\n').filter((line) => line.startsWith('{"notification"'));
    expect(notifications.join('\n')).toContain('Jeg ringer i morgen kl');
  }, 60_000);

  it('lets the readable terminal chat press "Svar konsulenten" on a reply by its number', async () => {
    const { env, number } = await replyWhileClosed('100', 'Kan du sende et link til opslaget?');

    const readable = spawn(process.execPath, [CLI, 'chat', '--conversation', 'console:e2e', '--user', 'e2e-user'], { env: { ...process.env, LOG_LEVEL: 'warn', ...env } });
    let shown = '';
    readable.stdout.on('data', (chunk: Buffer) => (shown += chunk.toString()));
    try {
      await until('the reply in the readable chat', () => shown.includes('Kan du sende et link til opslaget?'));
      const buttons = shown.slice(shown.indexOf('Kan du sende et link til opslaget?'));
      const pick = /\[(\d+)\] Svar konsulenten/.exec(buttons)?.[1];
      expect(pick).toBeDefined();
      readable.stdin.write(`${pick ?? ''}\n`);
      await until('the answer field', () => shown.includes('Dit svar'));
      readable.stdin.write('Ja, det kommer om lidt.\n');
      await until('the answer sent', () => shown.includes(`Sendt til konsulenten i sag ${number}.`));
    } finally {
      readable.kill('SIGKILL');
    }
    const stored = JSON.parse((await runCli(['cases', 'show', number, '--json'], '', env)).stdout) as { messages: { from: string; text: string }[] };
    expect(stored.messages.map((m) => [m.from, m.text])).toEqual([
      ['consultant', 'Kan du sende et link til opslaget?'],
      ['requester', 'Ja, det kommer om lidt.'],
    ]);
  }, 60_000);
});
