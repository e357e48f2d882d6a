import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useChatProcesses } from './support/chat-processes.ts';
import type { ChatLine, JsonChat } from './support/json-chat-process.ts';

/** libfaketime's wrapper: the real CLI runs with its clock set to a fixed start (and keeps ticking from there). */
const FAKETIME = '/usr/bin/faketime';
/** Saturday 14 March 2026, 22:00 in Copenhagen (CET, UTC+1). */
const SATURDAY_NIGHT = '2026-03-14 21:00:00 UTC';
/** Tuesday 17 March 2026, 10:00 in Copenhagen. */
const TUESDAY_MORNING = '2026-03-17 09:00:00 UTC';
const urgent = { topic: 'Shitstorm om lukning', description: 'Hundredvis af vrede kommentarer.', urgency: 'urgent', municipality: 'Viborg Kommune', name: 'Mette', contact: 'mette@viborg.dk', consent: false };

const processes = useChatProcesses();

async function chatAt(time: string, extra: Record<string, string> = {}, args: string[] = []): Promise<JsonChat> {
  if (!existsSync(FAKETIME)) throw new Error(`No faketime at ${FAKETIME}: install it with "apt-get install -y faketime".`);
  const env = { SQLITE_PATH: join(await mkdtemp(join(tmpdir(), 'some-urgent-')), 'state.db'), KNOWLEDGE_DIR: './knowledge', SMTP_URL: 'smtp://127.0.0.1:9', CONSULTANT_EMAIL: 'konsulenter@kl.dk', ...extra };
  return processes.chat(env, args, [FAKETIME, '-m', '--exclude-monotonic', time]);
}

const text = (line: ChatLine) => (line.messages ?? []).map((m) => m.fallback).join('\n');
const choices = (line: ChatLine) => (line.messages ?? []).flatMap((m) => m.blocks.flatMap((b) => (b.choices ?? []) as { id: string; label: string }[]));

describe('an urgent request outside office hours (the real CLI under faketime)', () => {
  it('tells when a consultant will see it and what to do now: 112, the shitstorm guide as a button, the own crisis staff, and the on-call text', async () => {
    const chat = await chatAt(SATURDAY_NIGHT, { URGENT_CONTACT_TEXT: 'KL Kommunikations vagt: 33 70 33 70' });
    const reply = await chat.requestConsultant(urgent);
    const said = text(reply);
    expect(said).toMatch(/Din henvendelse er sendt til KL Kommunikation som sag KL-2026-0001/);
    expect(said).toContain('En konsulent ser den tidligst: mandag 16. marts kl. 09.00.');
    expect(said).toContain('Du kan forvente svar: mandag 16. marts kl. 11.00');
    expect(said).toContain('ingen konsulent ser din henvendelse før mandag 16. marts kl. 09.00');
    expect(said).toContain('Er nogen i fare, så ring 112.');
    expect(said).toContain('Inddrag jeres egen ledelse og kommunens krisestab nu');
    // the guide is offered for a shitstorm, not as if every urgent matter were one
    expect(said).toContain('Er det en shitstorm, så følg guiden til de første skridt (knappen herunder).');
    expect(said).toContain('KL Kommunikations vagt: 33 70 33 70');
    expect(choices(reply)).toEqual([{ id: 'flow:crisis', label: 'Åbn guiden: Shitstorm – de første skridt', style: 'primary' }]);
    const guide = await chat.send({ action: 'flow:crisis' });
    expect(guide.flow).toMatchObject({ id: 'crisis', outcome: false });
  }, 60_000);

  it('shows no on-call text when URGENT_CONTACT_TEXT is not set, and speaks English to an English user', async () => {
    const chat = await chatAt(SATURDAY_NIGHT, {}, ['--lang', 'en']);
    const said = text(await chat.requestConsultant(urgent));
    expect(said).toContain('A consultant will see it at the earliest: Monday 16 March at 09:00.');
    expect(said).toContain('If anyone is in danger, call 112.');
    expect(said).not.toContain('33 70');
    expect(said).not.toMatch(/vagt|on-call/i);
  }, 60_000);

  it('gives no out-of-hours advice to an urgent request in office hours', async () => {
    const chat = await chatAt(TUESDAY_MORNING, { URGENT_CONTACT_TEXT: 'KL Kommunikations vagt: 33 70 33 70' });
    const reply = await chat.requestConsultant(urgent);
    const said = text(reply);
    expect(said).toContain('Du kan forvente svar: tirsdag 17. marts kl. 12.00');
    expect(said).not.toContain('Gør dette nu');
    expect(said).not.toContain('33 70');
    expect(choices(reply)).toEqual([]);
  }, 60_000);
});
