import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textMessage } from '../../../src/core/answers.ts';
import { Bot, type BotReply } from '../../../src/core/bot.ts';
import type { EscalationHandler } from '../../../src/core/router-deps.ts';
import type { Turn } from '../../../src/core/turn.ts';
import { submitActivity, textActivity } from './activities.ts';
import { checkAndReportCards } from './card-schema.ts';
import { startTeamsHarness, type TeamsHarness } from './teams-harness.ts';
import { testForm } from './test-form.ts';

/** A stand-in escalation: `request` shows the test form, `submit` requires a topic. */
const stubEscalation: EscalationHandler = {
  request: (_turn, state) => ({ messages: [{ blocks: [{ type: 'form', form: testForm() }], fallback: 'Testformular' }], state }),
  submit: (_turn, formId, values, state) => {
    if (formId !== 'test-form') return undefined;
    if (typeof values.topic !== 'string' || values.topic.trim() === '') {
      return { messages: [{ blocks: [{ type: 'form', form: testForm('Skriv et emne.') }], fallback: 'Testformular' }], state };
    }
    return { messages: [textMessage(`Tak. Haster: ${values.urgent === true ? 'ja' : 'nej'}, område: ${String(values.area)}`)], state };
  },
};

/** A bot that takes a moment before answering, so the typing indicator shows. */
class SlowBot extends Bot {
  override async respond(turn: Turn): Promise<BotReply> {
    await new Promise((resolve) => setTimeout(resolve, 150));
    return super.respond(turn);
  }
}

let h: TeamsHarness;
beforeAll(async () => {
  h = await startTeamsHarness({ escalation: stubEscalation });
});
afterAll(async () => {
  expect(checkAndReportCards('teams forms and flows', h.connector.calls)).toEqual([]);
  await h.close();
});

const where = (conversationId: string) => ({ serviceUrl: h.connector.url, conversationId });
const cardOf = (body: Record<string, unknown>) => JSON.stringify(body.attachments);

describe('forms and flows over the Teams endpoint', () => {
  it('submits a form: a missing field comes back with its error, a valid one goes through, each card updated', async () => {
    const w = where('a:form');
    await h.post(textActivity(w, 'konsulent'));
    const form = h.connector.messages('a:form').at(-1)!;
    expect(cardOf(form.body)).toContain('"type":"Input.Text"');
    await h.post(submitActivity(w, form.id, { form: 'test-form', checkboxes: ['urgent'], topic: '', area: 'crisis', urgent: 'false' }));
    expect(h.connector.updates().at(-1)).toMatchObject({ id: form.id });
    const retry = h.connector.messages('a:form').at(-1)!;
    expect(cardOf(retry.body)).toContain('Skriv et emne.');
    await h.post(submitActivity(w, retry.id, { form: 'test-form', checkboxes: ['urgent'], topic: 'Shitstorm', area: 'crisis', urgent: 'true' }));
    const updated = h.connector.updates().at(-1)!;
    expect(updated.id).toBe(retry.id);
    expect(cardOf(updated.body)).not.toContain('Input.');
    expect(cardOf(updated.body)).toContain('Shitstorm');
    expect(cardOf(h.connector.messages('a:form').at(-1)!.body)).toContain('Tak. Haster: ja, område: crisis');
  });

  it('walks a whole guided flow by card submits to its outcome, updating every submitted card', async () => {
    const w = where('a:flow');
    await h.post(textActivity(w, 'hjælp'));
    let card = h.connector.messages('a:flow').at(-1)!;
    const flowChoice = cardOf(card.body).match(/"choice":"(flow:[^"]+)"/)?.[1];
    expect(flowChoice, 'the menu offers a guided flow').toBeDefined();
    let choice: string | undefined = flowChoice;
    let steps = 0;
    while (choice && steps < 15) {
      await h.post(submitActivity(w, card.id, { choice }));
      expect(h.connector.updates().at(-1)).toMatchObject({ id: card.id });
      card = h.connector.messages('a:flow').at(-1)!;
      choice = cardOf(card.body).match(/"choice":"(step:[^"]+)"/)?.[1];
      steps++;
    }
    expect(steps).toBeGreaterThan(1);
    expect(choice, 'the walk ended at an outcome (no more step choices)').toBeUndefined();
  });
});

describe('the typing indicator', () => {
  it('is sent before the answer when the bot takes longer than the delay, and not otherwise', async () => {
    const slow = await startTeamsHarness({ makeBot: (deps) => new SlowBot(deps), endpoint: { typingDelayMs: 30 } });
    try {
      await slow.post(textActivity({ serviceUrl: slow.connector.url, conversationId: 'a:slow' }, 'hjælp'));
      expect(slow.connector.calls.map((c) => c.body.type)).toEqual(['typing', 'message']);
    } finally {
      await slow.close();
    }
    const before = h.connector.calls.length;
    await h.post(textActivity(where('a:fast'), 'hjælp'));
    expect(h.connector.calls.slice(before).map((c) => c.body.type)).toEqual(['message']);
  });
});
