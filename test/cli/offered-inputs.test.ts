import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startJsonChat, type ChatLine, type JsonChat } from '../escalation/support/json-chat-process.ts';
import { FIXTURE_KNOWLEDGE } from '../store/support/chat-process.ts';
import { runCli } from '../support/run-cli.ts';

const STALE = 'Det valg er ikke længere aktivt';
const text = (line: ChatLine) => (line.messages ?? []).map((m) => m.fallback).join('\n');
const validValues = { topic: 'Shitstorm', description: 'Vrede kommentarer under et opslag.', urgency: 'days', municipality: 'Aarhus Kommune', name: 'Mette', contact: 'mette@aarhus.dk', consent: false };

describe('chat --json accepts only forms and feedback offered in that conversation', () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  async function start(): Promise<{ chat: JsonChat; env: Record<string, string> }> {
    const dir = await mkdtemp(join(tmpdir(), 'some-offered-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const env = { SQLITE_PATH: join(dir, 'state.db'), KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE };
    const chat = startJsonChat(env);
    cleanup.push(() => chat.close());
    return { chat, env };
  }

  it('a consultant form sent without being shown gets "no longer active" and no case; after it is shown it opens one', { timeout: 60_000 }, async () => {
    const { chat, env } = await start();
    expect(text(await chat.send({ form: 'escalation', values: validValues }))).toContain(STALE);
    const listed = await runCli(['cases', 'list', '--json'], '', env);
    expect(JSON.parse(listed.stdout)).toEqual([]);

    await chat.send('tal med en konsulent');
    expect(text(await chat.send({ form: 'escalation', values: validValues }))).toMatch(/KL-\d{4}-\d{4}/);
  });

  it('a 👍 for an answer not shown gets "no longer active"; one for an answer shown is thanked', { timeout: 60_000 }, async () => {
    const { chat } = await start();
    expect(text(await chat.send({ action: 'fb:up:faq:blokering' }))).toContain(STALE);
    await chat.send({ action: 'faq:blokering' });
    expect(text(await chat.send({ action: 'fb:up:faq:blokering' }))).toContain('Tak for din feedback');
  });
});
