import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import type { Turn } from '../../src/core/turn.ts';
import { loadFlowEngine } from '../../src/dialogs/load-flow-engine.ts';
import type { CasePayload } from '../../src/escalation/case-payload.ts';
import { CaseService } from '../../src/escalation/case-service.ts';
import { SLACK_INBOX_KIND } from '../../src/escalation/escalation-module.ts';
import { createRuntime, type Runtime } from '../../src/main.ts';
import { CLI_STORES, type CliStore } from '../store/support/cli-store.ts';

const KNOWLEDGE_DIR = join(import.meta.dirname, 'fixtures', 'knowledge');
const values = { topic: 'Shitstorm', description: 'Vrede kommentarer', urgency: 'urgent', municipality: 'Aarhus', name: 'Mette', contact: 'mette@aarhus.dk', consent: true };
const submission: Turn = { channel: 'console', conversationId: 'shared', user: { id: 'u1', locale: 'da' }, input: { kind: 'form', formId: 'escalation', values } };
const PER_INSTANCE = 5;

function payload(): CasePayload {
  const reference = { channel: 'slack' as const, conversationId: 'D1', userId: 'U1', locale: 'da' as const };
  return {
    submissionKey: 'esc-same-submission',
    topic: 'Shitstorm',
    description: 'Hjælp',
    urgency: 'urgent',
    municipality: 'Aarhus',
    contact: { name: 'Anna' },
    consent: false,
    transcript: [],
    requester: { platform: 'slack', userId: 'U1', conversationId: 'D1', reference },
    expectedBy: new Date().toISOString(),
    history: [{ status: 'new', at: new Date().toISOString() }],
  };
}

for (const { name, make, enabled } of CLI_STORES) {
  describe(`one case per submission on two instances sharing one ${name} database`, () => {
    let store: CliStore | undefined;
    const runtimes: Runtime[] = [];
    afterEach(async () => {
      for (const r of runtimes.splice(0)) await r.close();
      await store?.dispose();
    });

    it.skipIf(!enabled)('opens one case, notifies consultants once and gives every submission its number, for five identical submissions at once on each', { timeout: 60_000 }, async () => {
      store = await make();
      const config = loadConfig({ ...store.env, KNOWLEDGE_DIR, CONSULTANT_SLACK_CHANNEL: 'CINBOX', SLACK_BOT_TOKEN: 'xoxb-case-once', ANALYTICS_SECRET: 'case-once-analytics-secret' });
      const [a, b] = await Promise.all([0, 1].map(() => createRuntime(config, pino({ level: 'silent' }), loadFlowEngine, { outbox: false })));
      if (!a || !b) throw new Error('two runtimes expected');
      runtimes.push(a, b);
      // The form is shown in the conversation first (a form that was never offered is refused).
      await a.bot.respond({ ...submission, input: { kind: 'text', text: 'tal med en konsulent' } });
      const replies = await Promise.all([a, b].flatMap((r) => Array.from({ length: PER_INSTANCE }, () => r.bot.respond(submission))));
      const numbers = replies.map((reply) => /KL-\d{4}-\d{4}/.exec(reply.messages.map((m) => m.fallback).join('\n'))?.[0]);
      // Each submission is answered with the case's number (or, once the form is gone, as no longer active); never another case.
      expect(numbers.filter(Boolean).length).toBeGreaterThan(0);
      expect(new Set(numbers.filter(Boolean))).toEqual(new Set([numbers.find(Boolean)]));
      for (const r of runtimes.splice(0)) await r.close();
      const inspect = store.inspect();
      expect(await inspect.listCases()).toHaveLength(1);
      expect(await inspect.claimDueOutbox(new Date(Date.now() + 60_000), 100, 60_000, [SLACK_INBOX_KIND])).toHaveLength(1);
      expect(await inspect.listAnalyticsEvents({ type: 'escalation_created' })).toHaveLength(1);
    });

    it.skipIf(!enabled)('returns the same case to every instance that opens the same submission at once', { timeout: 60_000 }, async () => {
      store = await make();
      const stores = [store.inspect(), store.inspect()];
      await Promise.all(stores.map((s) => s.migrate()));
      const created: string[] = [];
      const services = stores.map((s) => new CaseService({ store: s, consultantChannels: () => [{ kind: 'email', updatesOnChange: false, threads: false }], onChange: (change, view) => created.push(`${change}:${view.case.number}`) }));
      const opened = await Promise.all(services.flatMap((service) => Array.from({ length: PER_INSTANCE }, () => service.open(payload()))));
      expect(new Set(opened.map((v) => v.case.number)).size).toBe(1);
      expect(await stores[0]?.listCases()).toHaveLength(1);
      expect(created).toEqual([`created:${opened[0]?.case.number}`]);
      expect(await stores[1]?.claimDueOutbox(new Date(Date.now() + 60_000), 100, 60_000, ['email'])).toHaveLength(1);
    });
  });
}
