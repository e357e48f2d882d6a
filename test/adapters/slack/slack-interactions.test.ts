import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormSpec } from '../../../src/core/message.ts';
import type { EscalationHandler } from '../../../src/core/router-deps.ts';
import type { FakeSlackCall } from '../../support/fake-slack-api.ts';
import { buttons, clickButton, postsTo, type Button, type SlackBlock } from './slack-clicks.ts';
import { dmEvent, eventEnvelope, startSlackHarness, type SlackHarness } from './slack-harness.ts';

const testForm = (error?: string): FormSpec => ({
  id: 'test-form',
  title: 'Kontakt en konsulent',
  submitLabel: 'Send',
  fields: [
    { id: 'email', label: 'E-mail', type: 'email', required: true, ...(error ? { error } : {}) },
    { id: 'urgent', label: 'Det haster', type: 'checkbox', required: false },
  ],
});

/** A stub consultant handler: `request` shows the test form, `submit` insists on an e-mail with an @. */
const escalation: EscalationHandler = {
  request: (_turn, state) => ({ messages: [{ blocks: [{ type: 'form', form: testForm() }], fallback: 'Formular' }], state }),
  submit: (_turn, formId, values, state) => {
    if (formId !== 'test-form') return undefined;
    const email = String(values.email ?? '');
    if (!email.includes('@')) return { messages: [{ blocks: [{ type: 'form', form: testForm('Skriv en gyldig e-mail') }], fallback: 'Fejl' }], state };
    return { messages: [{ blocks: [{ type: 'text', markdown: `Tak, vi skriver til ${email}${values.urgent === true ? ' hurtigst muligt' : ''}.` }], fallback: 'Tak' }], state };
  },
};

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness({ escalation });
});
afterAll(async () => {
  await h.close();
});

function posts(channel: string): FakeSlackCall[] {
  return postsTo(h, channel);
}

function click(call: FakeSlackCall | undefined, pick: (b: Button) => boolean, user = 'U20', channel = 'D20'): Promise<Response> {
  return clickButton(h, call, pick, user, channel);
}

describe('Slack buttons, flows and modals (real server, fake Web API)', () => {
  it('walks a full guided flow by block_actions, updating the clicked message after each click', async () => {
    await h.postEvent(eventEnvelope(dmEvent('menu', 'U20', 'D20')));
    await h.fake.waitFor(() => posts('D20').length === 1);
    const flowButton = buttons(posts('D20')[0]).find(({ button }) => button.value.startsWith('flow:'));
    expect(flowButton, 'the menu offers guided flows').toBeDefined();
    let clicks = 0;
    await click(posts('D20')[0], (b) => b.value === flowButton?.button.value);
    for (;;) {
      clicks += 1;
      await h.fake.waitFor(() => h.fake.delivered('chat.update').length === clicks && posts('D20').length > clicks);
      const update = h.fake.delivered('chat.update').at(-1);
      const updated = (update?.args.blocks as SlackBlock[]) ?? [];
      expect(updated.some((b) => b.type === 'actions')).toBe(false);
      expect(JSON.stringify(updated)).toContain('Du valgte:');
      const state = await h.store.loadConversation('slack:T1:D20');
      if (state?.value.flowOutcome) break;
      expect(clicks).toBeLessThan(20);
      const last = posts('D20').at(-1);
      const next = buttons(last).find(({ button }) => !button.value.startsWith('cmd:'));
      expect(next, 'each question offers an answer button').toBeDefined();
      await click(last, (b) => b === next?.button);
    }
    expect(clicks).toBeGreaterThanOrEqual(2);
  });

  it('answers a click on a stale button with the polite "no longer active" menu', async () => {
    const before = posts('D21').length;
    const stale = { args: { channel: 'D21', text: 'x', blocks: [{ type: 'actions', elements: [{ type: 'button', action_id: 'choice-1', value: 'step:gone:1', text: { type: 'plain_text', text: 'Ja' } }] }] }, method: 'x', status: 200, at: 0 };
    await click(stale, () => true, 'U21', 'D21');
    await h.fake.waitFor(() => posts('D21').length > before);
    expect(JSON.stringify(posts('D21').at(-1)?.args.blocks)).toContain('ikke længere aktivt');
  });

  it('opens a form as a modal, shows a validation error next to the field, then accepts a valid submission', async () => {
    await h.postEvent(eventEnvelope(dmEvent('menu', 'U22', 'D22')));
    await h.fake.waitFor(() => posts('D22').length === 1);
    await click(posts('D22')[0], (b) => b.value === 'cmd:escalate', 'U22', 'D22');
    await h.fake.waitFor(() => h.fake.delivered('views.open').length > 0);
    const view = h.fake.delivered('views.open').at(-1)?.args.view as { private_metadata: string; callback_id: string; blocks: SlackBlock[] };
    expect(view.blocks.map((b) => b.block_id)).toEqual(['field:email', 'field:urgent']);
    const submit = (email: string) =>
      h.postForm({
        payload: JSON.stringify({
          type: 'view_submission',
          team: { id: 'T1', domain: 't' },
          user: { id: 'U22', username: 'u', team_id: 'T1' },
          api_app_id: 'A1',
          token: 'unused',
          trigger_id: 'trig',
          view: {
            id: 'V1',
            type: 'modal',
            callback_id: view.callback_id,
            private_metadata: view.private_metadata,
            state: { values: { 'field:email': { value: { type: 'email_text_input', value: email } }, 'field:urgent': { value: { type: 'checkboxes', selected_options: [{ value: 'checked' }] } } } },
          },
        }),
      });
    const invalid = await submit('ikke-en-mail');
    expect(invalid.status).toBe(200);
    expect(await invalid.json()).toEqual({ response_action: 'errors', errors: { 'field:email': 'Skriv en gyldig e-mail' } });
    const before = posts('D22').length;
    const valid = await submit('anne@kommune.dk');
    expect(valid.status).toBe(200);
    expect(await valid.text()).toBe('');
    await h.fake.waitFor(() => posts('D22').length > before);
    expect(JSON.stringify(posts('D22').at(-1)?.args.blocks)).toContain('anne@kommune.dk> hurtigst muligt');
  });

  it('offers a "fill in the form" button when a typed request returns a form, and that button opens the modal', async () => {
    await h.postEvent(eventEnvelope(dmEvent('kontakt en konsulent', 'U23', 'D23')));
    await h.fake.waitFor(() => posts('D23').length === 1);
    const opened = h.fake.delivered('views.open').length;
    await click(posts('D23')[0], (b) => b.action_id.startsWith('open-form-'), 'U23', 'D23');
    await h.fake.waitFor(() => h.fake.delivered('views.open').length > opened);
    expect(JSON.stringify(h.fake.delivered('views.open').at(-1)?.args.view)).toContain('field:email');
  });
});
