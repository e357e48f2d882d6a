import type { FakeSlackCall } from '../../support/fake-slack-api.ts';
import { directMessageClickPayload } from '../../support/slack-payloads.ts';
import type { SlackHarness } from './slack-harness.ts';

/** A button as the bot posted it. */
export interface Button {
  type: 'button';
  action_id: string;
  value: string;
  text: { type: 'plain_text'; text: string };
}

/** A posted Block Kit block (buttons live in `actions` blocks). */
export interface SlackBlock {
  type: string;
  block_id?: string;
  elements?: Button[];
}

/** The chat.postMessage calls the bot made to one channel, in order. */
export function postsTo(h: SlackHarness, channel: string): FakeSlackCall[] {
  return h.fake.delivered('chat.postMessage').filter((c) => c.args.channel === channel);
}

/** The blocks of a posted message, each with a block_id (as Slack adds them). */
export function blocksOf(call: FakeSlackCall | undefined): SlackBlock[] {
  return ((call?.args.blocks as SlackBlock[] | undefined) ?? []).map((b, i) => ({ ...b, block_id: `b${i}` }));
}

/** Every button of a posted message, with the block it sits in. */
export function buttons(call: FakeSlackCall | undefined): { block: SlackBlock; button: Button }[] {
  return blocksOf(call).flatMap((block) => (block.type === 'actions' ? (block.elements ?? []).map((button) => ({ block, button })) : []));
}

/** Clicks the first button of a posted message that `pick` chooses, as a signed block_actions interaction from a DM. */
export async function clickButton(h: SlackHarness, call: FakeSlackCall | undefined, pick: (b: Button) => boolean, user: string, channel: string): Promise<Response> {
  const found = buttons(call).find(({ button }) => pick(button));
  if (!found) throw new Error(`no matching button in ${JSON.stringify(call?.args.blocks)}`);
  const payload = directMessageClickPayload({
    user,
    channel,
    responseUrl: (ts) => h.fake.responseUrl(`click-${ts}`),
    messageText: String(call?.args.text ?? ''),
    blocks: blocksOf(call),
    button: { action_id: found.button.action_id, block_id: found.block.block_id, value: found.button.value, text: found.button.text },
  });
  return h.postForm({ payload: JSON.stringify(payload) });
}
