import { afterEach, describe, expect, it } from 'vitest';
import { ChatProcess } from './support/chat-process.ts';
import { CLI_STORES, type CliStore } from './support/cli-store.ts';

/** Fallback texts of a reply, one string. */
const said = (reply: { messages: { fallback: string }[] }) => reply.messages.map((m) => m.fallback).join('\n');
const FAILED = /gik noget galt|databasen ikke svarer|kan ikke huske/;

// PostgreSQL refuses NUL (U+0000) and UTF-16 surrogates without their pair, in text columns and in JSON; SQLite takes them.
for (const { name, make, enabled } of CLI_STORES) {
  describe(`NUL and lone surrogates in every input (${name}, chat --json)`, () => {
    let store: CliStore | undefined;
    const processes: ChatProcess[] = [];
    afterEach(async () => {
      for (const p of processes.splice(0)) if (p.alive) await p.crash();
      await store?.dispose();
    });

    it.skipIf(!enabled)('answers a button id, a form (id, keys, values), text and an escalation, and stores them without', { timeout: 60_000 }, async () => {
      store = await make();
      const chat = new ChatProcess('nul-input', store.env);
      processes.push(chat);
      const button = await chat.send({ action: 'faq:\u0000x\uDC00' });
      expect(said(button)).not.toMatch(FAILED);
      expect(said(button)).toContain('ikke længere aktivt');
      const form = await chat.send({ form: 'svar\u0000', values: { 'felt\u0000': 'a\u0000b', lone: '\uD800' } });
      expect(said(form)).not.toMatch(FAILED);
      const text = await chat.send({ text: 'må vi slette kommentarer \uD83D på facebook\u0000' });
      expect(said(text)).not.toMatch(FAILED);
      expect(said(await chat.send('konsulent'))).toContain('konsulent');
      const values = {
        topic: 'Shitstorm\u0000 på Facebook \uDC00',
        description: 'Vrede kommentarer\u0000 \uD800 hele natten',
        urgency: 'urgent',
        municipality: 'Aarhus\u0000',
        name: 'Mette \uDFFF',
        contact: 'mette@aarhus.dk',
        consent: true,
        'ekstra\u0000\uD800': 'x',
      };
      const escalation = await chat.send({ form: 'escalation', values });
      expect(said(escalation)).not.toMatch(FAILED);
      expect(said(escalation)).toMatch(/KL-\d{4}-0001/);
      expect(await chat.end()).toBe(0);

      const [stored] = await store.inspect().listCases();
      expect(stored?.payload.topic).toBe('Shitstorm  på Facebook \uFFFD');
      expect(stored?.payload.description).toBe('Vrede kommentarer  \uFFFD hele natten');
      const state = JSON.stringify(await store.inspect().loadConversation('nul-input'));
      expect(state).not.toMatch(/\\u0000|\\ud[89a-f][0-9a-f]{2}/i);
    });
  });
}
