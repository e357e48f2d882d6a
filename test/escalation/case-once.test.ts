import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Bot } from '../../src/core/bot.ts';
import type { ConversationState } from '../../src/shared/conversation-state.ts';
import type { Turn } from '../../src/core/turn.ts';
import { loadFlowEngine } from '../../src/dialogs/load-flow-engine.ts';
import { CaseService } from '../../src/escalation/case-service.ts';
import { MessengerRegistry } from '../../src/escalation/conversation-messenger.ts';
import { createEscalationHandler } from '../../src/escalation/escalation-handler.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';
import { silentLogger } from '../../src/logging/logger.ts';
import type { CaseNotifications } from '../../src/store/store.ts';
import type { EscalationCase, NewCase } from '../../src/store/records.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';

const loaded = await loadKnowledge(join(import.meta.dirname, 'fixtures', 'knowledge'), loadFlowEngine);
const values = { topic: 'Shitstorm', description: 'Vrede kommentarer', urgency: 'urgent', municipality: 'Aarhus', name: 'Mette', contact: 'mette@aarhus.dk', consent: true };
const submit = (conversationId = 'c1'): Turn => ({ channel: 'console', conversationId, user: { id: 'u1', locale: 'da' }, input: { kind: 'form', formId: 'escalation', values } });
const askForConsultant = (conversationId = 'c1'): Turn => ({ channel: 'console', conversationId, user: { id: 'u1', locale: 'da' }, input: { kind: 'text', text: 'tal med en konsulent' } });

/** A store whose first conversation save after `armRace()` loses a race (another writer got there first) and which counts case creations. */
class RacingStore extends SqliteStore {
  created = 0;
  listed = 0;
  private raceNext = false;
  armRace(): void {
    this.raceNext = true;
  }
  override async saveConversation(id: string, state: ConversationState, expected: number | null): Promise<number> {
    if (this.raceNext) {
      this.raceNext = false;
      const current = await super.loadConversation(id);
      await super.saveConversation(id, current?.value ?? { activeChoices: [], transcript: [] }, expected);
    }
    return super.saveConversation(id, state, expected);
  }
  override async listCases(status?: EscalationCase['status']): Promise<EscalationCase[]> {
    this.listed++;
    return super.listCases(status);
  }
  override async createCaseWithNotifications(input: NewCase, notifications: CaseNotifications): Promise<EscalationCase> {
    this.created++;
    return super.createCaseWithNotifications(input, notifications);
  }
}

const stores: SqliteStore[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

async function setup() {
  const store = new RacingStore(':memory:');
  stores.push(store);
  await store.migrate();
  const cases = new CaseService({ store, consultantChannels: () => [{ kind: 'email', updatesOnChange: false, threads: false }] });
  const bot = new Bot({ knowledge: () => loaded.knowledge, flows: () => loaded.flows, store, escalation: createEscalationHandler({ cases, messengers: new MessengerRegistry(), logger: silentLogger() }), logger: silentLogger() });
  // The form is shown first (a submission of a form the conversation was not shown is refused), then the race is armed.
  await bot.respond(askForConsultant());
  store.armRace();
  return { store, cases, bot };
}

describe('opening a case from a form turn', () => {
  it('opens one case when the turn is re-routed after a version conflict', async () => {
    const { store, cases, bot } = await setup();
    const reply = await bot.respond(submit());
    expect(reply.messages.map((m) => m.fallback).join('\n')).toMatch(/KL-\d{4}-0001/);
    expect(store.created).toBe(1);
    expect(await cases.list()).toHaveLength(1);
    expect((await store.loadConversation('c1'))?.value.form).toBeUndefined();
  });

  it('opens one case for the same submission sent twice (a double click), without reading the list of cases', async () => {
    const { store, cases, bot } = await setup();
    const first = await bot.respond(submit());
    const second = await bot.respond(submit());
    expect(store.listed).toBe(0);
    expect(await cases.list()).toHaveLength(1);
    expect(second.messages.at(-1)?.fallback).toBe(first.messages.at(-1)?.fallback);
  });

  it('enqueues the consultant notification in the same transaction, with an idempotency key per notification', async () => {
    const { store, bot } = await setup();
    await bot.respond(submit());
    const due = await store.claimDueOutbox(new Date(Date.now() + 1000), 10, 1000, ['email']);
    expect(due.map((m) => [m.kind, m.payload.event])).toEqual([['email', 'new']]);
    expect(due[0]?.idempotencyKey).toMatch(/^[\w-]+:email:new$/);
  });
});
