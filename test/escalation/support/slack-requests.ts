import { createHmac } from 'node:crypto';
import { FORM_CALLBACK_ID } from '../../../src/adapters/slack/form-modal.ts';
import type { FakeSlackCall } from '../../support/fake-slack-api.ts';
import { blockActionsPayload } from '../../support/slack-payloads.ts';

/** Signed requests to one running `/slack/events` endpoint, as Slack sends them. */
export interface SlackRequests {
  /** An Events API envelope (JSON). */
  event(envelope: Record<string, unknown>): Promise<Response>;
  /** An interaction (`payload=` form field). */
  interaction(payload: object): Promise<Response>;
}

/** Signs each request with `secret` (v0 HMAC over the timestamp and body) and posts it to the endpoint `url()` names. */
export function slackRequests(url: () => string, secret: string): SlackRequests {
  const signed = (raw: string, contentType: string) => {
    const ts = Math.floor(Date.now() / 1000);
    const signature = `v0=${createHmac('sha256', secret).update(`v0:${ts}:${raw}`).digest('hex')}`;
    return fetch(url(), { method: 'POST', headers: { 'content-type': contentType, 'x-slack-request-timestamp': String(ts), 'x-slack-signature': signature }, body: raw });
  };
  return {
    event: (envelope) => signed(JSON.stringify(envelope), 'application/json'),
    interaction: (payload) => signed(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded'),
  };
}

/** The escalation form as a Slack modal submission from user U1's DM `dm`, with `fields` (topic, description, urgency, municipality, name, contact). */
export function escalationSubmission(dm: string, fields: Record<string, string>): object {
  const text = (id: string) => ({ value: { type: 'plain_text_input', value: fields[id] ?? '' } });
  return {
    type: 'view_submission',
    team: { id: 'T1', domain: 't' },
    user: { id: 'U1', username: 'u1', team_id: 'T1' },
    api_app_id: 'A1',
    token: 'unused',
    trigger_id: 'trig',
    view: {
      id: 'V1',
      type: 'modal',
      callback_id: FORM_CALLBACK_ID,
      private_metadata: JSON.stringify({ conversationId: `slack:T1:${dm}`, target: { kind: 'channel', channel: dm }, formId: 'escalation' }),
      state: {
        values: {
          'field:topic': text('topic'),
          'field:description': text('description'),
          'field:urgency': { value: { type: 'static_select', selected_option: { value: fields.urgency ?? 'days' } } },
          'field:municipality': text('municipality'),
          'field:name': text('name'),
          'field:contact': text('contact'),
          'field:consent': { value: { type: 'checkboxes', selected_options: [] } },
        },
      },
    },
  };
}

/** A click on a button (`actionId`) of an inbox card posted in `channel`, by `user`. */
export function inboxClick(card: FakeSlackCall | undefined, actionId: string, user: string, channel: string, responseUrl: string): object {
  const blocks = (card?.args.blocks ?? []) as { type: string; block_id?: string; elements?: { action_id: string; value: string; text: object }[] }[];
  const actions = blocks.find((b) => b.type === 'actions');
  const button = actions?.elements?.find((e) => e.action_id === actionId);
  if (!button) throw new Error(`no ${actionId} button on the card: ${JSON.stringify(card?.args ?? {})}`);
  const ts = String(card?.response?.ts ?? card?.args.ts ?? '1700000001.000100');
  return blockActionsPayload({
    user,
    channel,
    channelName: 'konsulenter',
    ts,
    triggerId: 'trig',
    responseUrl,
    messageText: String(card?.args.text ?? ''),
    blocks,
    button: { action_id: button.action_id, block_id: actions?.block_id, value: button.value, text: button.text },
  });
}
