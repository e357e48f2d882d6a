import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { recordTurn } from '../../src/adapters/web/conversation-history.ts';
import { webMessenger } from '../../src/adapters/web/web-messenger.ts';
import { loadConfig } from '../../src/config/config.ts';
import type { BotReply } from '../../src/core/bot.ts';
import type { TurnInput } from '../../src/core/turn.ts';
import { loadFlowEngine } from '../../src/dialogs/load-flow-engine.ts';
import { replyActionId } from '../../src/escalation/case-reply-form.ts';
import type { CaseView } from '../../src/escalation/case-payload.ts';
import { createRuntime, type Runtime } from '../../src/main.ts';
import { CLI_STORES, type CliStore } from '../store/support/cli-store.ts';

const KNOWLEDGE_DIR = join(import.meta.dirname, 'fixtures', 'knowledge');
const CONVERSATION = 'web:anna';
const request = { urgency: 'days', municipality: 'Odder Kommune', name: 'Anna Berg', contact: 'anna@odder.dk', consent: false };
/** What Anna asks about in the case she later has erased: none of it may be left in her conversation. */
const ERASED_TRACES = ['Jens Hansen', 'Nabostrid'];

/** Anna's playground conversation on a runtime: each turn answered by the bot and kept in the history as the page does. */
function playground(runtime: Runtime) {
  const say = async (input: TurnInput): Promise<string> => {
    const reply: BotReply = await runtime.bot.respond({ channel: 'web', conversationId: CONVERSATION, user: { id: 'anna', locale: 'da' }, input });
    await recordTurn(runtime.store, CONVERSATION, reply.said, reply.messages);
    return reply.messages.map((m) => m.fallback).join('\n');
  };
  return {
    say,
    /** Asks for a consultant and sends the form; resolves with the case opened. */
    async requestConsultant(topic: string, description: string): Promise<CaseView> {
      await say({ kind: 'text', text: 'tal med en konsulent' });
      const confirmed = await say({ kind: 'form', formId: 'escalation', values: { ...request, topic, description } });
      const view = await runtime.escalation.cases.get(/KL-\d{4}-\d{4}/.exec(confirmed)?.[0] ?? '');
      if (!view) throw new Error(`no case in the confirmation: ${confirmed}`);
      return view;
    },
  };
}

/** Everything the store keeps about Anna's conversation: its state, its history and the card copy, as one JSON text. */
async function conversationStored(runtime: Runtime): Promise<string> {
  const { store } = runtime;
  return JSON.stringify([await store.loadConversation(CONVERSATION), await store.readConversationLog(CONVERSATION, 0, 1000), await store.findSentCard(CONVERSATION, 'activity-1')]);
}

for (const { name, make, enabled } of CLI_STORES) {
  describe(`cases delete of one of a conversation's two cases (${name})`, () => {
    let database: CliStore | undefined;
    let runtime: Runtime | undefined;
    afterEach(async () => {
      await runtime?.close();
      await database?.dispose();
      runtime = undefined;
      database = undefined;
    });

    /** A runtime on a fresh database whose playground notices are delivered by `worker.runOnce()`; Anna's two cases, the first to be erased. */
    async function twoCases(): Promise<{ runtime: Runtime; chat: ReturnType<typeof playground>; erased: CaseView; open: CaseView }> {
      database = await make();
      runtime = await createRuntime(loadConfig({ ...database.env, KNOWLEDGE_DIR, LOG_LEVEL: 'silent' }), pino({ level: 'silent' }), loadFlowEngine, { outbox: false });
      runtime.escalation.messengers.register(webMessenger(runtime.store, runtime.escalation.cases));
      const chat = playground(runtime);
      const erased = await chat.requestConsultant('Nabostrid på Facebook', 'Min nabo Jens Hansen skriver grimt om mig.');
      await chat.say({ kind: 'text', text: 'Jens Hansen har skrevet igen i aften' });
      // a copy of a card sent into the conversation, as the Teams adapter keeps one
      await runtime.store.saveSentCard(CONVERSATION, 'activity-1', { message: { fallback: 'Om Jens Hansen' }, locale: 'da' }, 60_000);
      const open = await chat.requestConsultant('Kommentarspor', 'Hvordan modererer vi kommentarerne?');
      return { runtime, chat, erased, open };
    }

    it.skipIf(!enabled)('erases the case\'s traces in the conversation, and keeps the other open case\'s waiting message and its notice in the history', async () => {
      const { runtime, chat, erased, open } = await twoCases();
      const { cases, worker } = runtime.escalation;
      for (const trace of ERASED_TRACES) expect(await conversationStored(runtime)).toContain(trace);
      expect((await cases.reply(open.case.number, 'Hej Anna, hvilket opslag gælder det?', 'Lars Konsulent', 'cli')).ok).toBe(true);
      expect(await worker.runOnce()).toBe(2);

      expect(await cases.delete(erased.case.number, 'Mette Konsulent')).toBe(erased.case.number);
      const left = await conversationStored(runtime);
      for (const trace of [...ERASED_TRACES, erased.case.number, erased.case.id, 'anna@odder.dk']) expect(left).not.toContain(trace);
      expect((await runtime.store.loadConversation(CONVERSATION))?.value).toEqual({
        activeChoices: [],
        transcript: [],
        consultantMessage: { caseNumber: open.case.number, replyFormId: replyActionId(open.case.id) },
      });
      const history = await runtime.store.readConversationLog(CONVERSATION, 0, 1000);
      expect(history.map((e) => e.kind)).toEqual(['notification', 'notification']);
      expect(JSON.stringify(history)).toContain('hvilket opslag gælder det?');

      // what Anna types next may still be her answer to the consultant in the other case
      expect(await chat.say({ kind: 'text', text: 'Det er opslaget om legepladsen' })).toContain(`Er det et svar til konsulenten i sag ${open.case.number}?`);
    });

    it.skipIf(!enabled)('lets the other open case\'s later notices still mark the conversation: closed after the erasure, its answer button says so at once', async () => {
      const { runtime, chat, erased, open } = await twoCases();
      const { cases, worker } = runtime.escalation;
      await cases.reply(open.case.number, 'Hej Anna, jeg kigger på det.', 'Lars Konsulent', 'cli');
      await worker.runOnce();
      await cases.delete(erased.case.number, 'Mette Konsulent');

      await cases.move(open.case.number, 'resolve', 'Lars Konsulent');
      expect(await worker.runOnce()).toBe(1);
      expect(await chat.say({ kind: 'action', actionId: replyActionId(open.case.id) })).toContain('Sagen er afsluttet, så du kan ikke længere svare konsulenten her.');
    });

    it.skipIf(!enabled)('lets an answer form of the other open case, shown before the erasure, still be sent after it', async () => {
      const { runtime, chat, erased, open } = await twoCases();
      const { cases, worker } = runtime.escalation;
      await cases.reply(open.case.number, 'Hej Anna, hvilket opslag gælder det?', 'Lars Konsulent', 'cli');
      await worker.runOnce();
      expect(await chat.say({ kind: 'action', actionId: replyActionId(open.case.id) })).toContain('Skriv dit svar til konsulenten');
      await cases.delete(erased.case.number, 'Mette Konsulent');

      const sent = await chat.say({ kind: 'form', formId: replyActionId(open.case.id), values: { text: 'Opslaget om legepladsen.' } });
      expect(sent).toContain(`Sendt til konsulenten i sag ${open.case.number}.`);
      expect((await cases.get(open.case.id))?.messages.map((m) => m.text)).toEqual(['Hej Anna, hvilket opslag gælder det?', 'Opslaget om legepladsen.']);
    });

    it.skipIf(!enabled)('erases the whole conversation when no other case of it is open', async () => {
      const { runtime, erased, open } = await twoCases();
      const { cases, worker } = runtime.escalation;
      await cases.move(open.case.number, 'resolve', 'Lars Konsulent');
      await worker.runOnce();
      await cases.delete(erased.case.number, 'Mette Konsulent');
      expect(await runtime.store.loadConversation(CONVERSATION)).toBeNull();
      expect(await runtime.store.readConversationLog(CONVERSATION, 0, 1000)).toEqual([]);
      expect(await runtime.store.findSentCard(CONVERSATION, 'activity-1')).toBeNull();
    });
  });
}
