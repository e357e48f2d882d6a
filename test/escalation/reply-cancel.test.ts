import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';
import type { ChatLine } from './support/json-chat-process.ts';
import { useChatProcesses } from './support/chat-processes.ts';

const KNOWLEDGE_DIR = join(import.meta.dirname, 'fixtures', 'knowledge');
const request = { topic: 'Hacket side', description: 'Vi er låst ude.', urgency: 'days', municipality: 'Odder Kommune', name: 'Mette', contact: 'mette@odder.dk', consent: true };
const processes = useChatProcesses();

const text = (line: ChatLine) => (line.messages ?? line.notification?.messages ?? []).map((m) => m.fallback).join('\n');
const choicesOf = (line: ChatLine) => (line.messages ?? line.notification?.messages ?? []).flatMap((m) => m.blocks.flatMap((b) => (b.choices ?? []) as { id: string; label: string }[]));

describe('giving up an answer to the consultant', () => {
  it('says the answer was not sent and the case is still open, and gives the button to write again', async () => {
    const env = { SQLITE_PATH: join(await mkdtemp(join(tmpdir(), 'some-reply-cancel-')), 'state.db'), KNOWLEDGE_DIR, OUTBOX_POLL_MS: '100' };
    const chat = processes.chat(env);
    const number = /KL-\d{4}-\d{4}/.exec(text(await chat.requestConsultant(request)))?.[0] ?? '';
    expect((await runCli(['cases', 'reply', number, 'Hvornår skete det?', '--by', 'Lars Konsulent'], '', env)).code).toBe(0);
    let reply = await chat.notification();
    if (!text(reply).includes('Konsulenten skriver')) reply = await chat.notification();
    const answer = choicesOf(reply).find((c) => c.label === 'Svar konsulenten');
    await chat.send({ action: answer?.id });
    const cancelled = await chat.send('annuller');
    expect(text(cancelled)).toContain('Dit svar til konsulenten er ikke sendt. Sagen er stadig åben');
    expect(text(cancelled)).not.toContain('Henvendelsen er annulleret');
    expect(choicesOf(cancelled)).toContainEqual(expect.objectContaining({ id: answer?.id, label: 'Svar konsulenten' }));
    const again = await chat.send({ action: answer?.id });
    expect((again.messages ?? []).flatMap((m) => m.blocks).some((b) => b.type === 'form')).toBe(true);
  }, 60_000);
});
