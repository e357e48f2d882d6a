import type { App, BlockAction, ButtonAction, types, webApi } from '@slack/bolt';
import { z } from 'zod';
import type { Turn } from '../../core/turn.ts';
import { clickedMessage } from './clicked-message.ts';
import { decodeFormSpec, FORM_CALLBACK_ID, formErrors, readSubmission, type SubmittedInput } from './form-modal.ts';
import { CHOICE_ACTION_PREFIX, OPEN_FORM_ACTION_PREFIX } from './render-message.ts';
import { dmConversationId, ephemeralConversationId, isDmChannel, threadConversationId, type ReplyTarget } from './to-turn.ts';
import { firstForm, firstTime, openFormModal, runTurn, type FormContext, type SlackDeps } from './turn-runner.ts';

const containerSchema = z.object({
  type: z.string(),
  channel_id: z.string().optional(),
  message_ts: z.string().optional(),
  thread_ts: z.string().optional(),
  is_ephemeral: z.boolean().optional(),
});
const targetSchema: z.ZodType<ReplyTarget> = z.union([
  z.object({ kind: z.literal('channel'), channel: z.string(), threadTs: z.string().optional() }),
  z.object({ kind: z.literal('response'), url: z.string() }),
]);
const formContextSchema = z.object({ conversationId: z.string(), target: targetSchema, formId: z.string() });

/** Where a click came from: its conversation, where replies go, and which message to update (none for App Home). */
interface ClickOrigin {
  conversationId: string;
  target: ReplyTarget;
  update?: { channel: string; ts: string } | { responseUrl: string };
}

/** Registers button clicks (choices and "fill in the form") and modal submissions. */
export function registerInteractionListeners(app: App, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(new RegExp(`^${CHOICE_ACTION_PREFIX}\\d+$`), async ({ body, action, ack, client }) => {
    await ack();
    const origin = await clickOrigin(body, client, deps);
    if (!origin) return;
    if (origin.update && !(await firstTime(deps, `slack:click:${origin.conversationId}:${body.container?.message_ts ?? ''}`))) return;
    const profile = await deps.locales.get(client, body.user.id);
    const turn: Turn = { channel: 'slack', conversationId: origin.conversationId, user: { id: body.user.id, ...profile }, input: { kind: 'action', actionId: typeof action.value === 'string' ? action.value : '' } };
    const blocks = (body.message?.blocks ?? []) as types.KnownBlock[];
    const update = origin.update
      ? deps.sender.replace(client, origin.update, { blocks: clickedMessage(blocks, action.block_id, String(action.text?.text ?? ''), profile.locale), text: String(body.message?.text ?? '') }, origin.conversationId)
      : Promise.resolve();
    await Promise.all([update, runTurn(deps, client, turn, origin.target, body.trigger_id)]);
  });

  app.action<BlockAction<ButtonAction>>(new RegExp(`^${OPEN_FORM_ACTION_PREFIX}\\d+$`), async ({ body, action, ack, client }) => {
    await ack();
    const form = decodeFormSpec(action.value ?? '');
    const origin = form ? await clickOrigin(body, client, deps) : undefined;
    if (!form || !origin) return;
    const profile = await deps.locales.get(client, body.user.id);
    await openFormModal(deps, client, body.trigger_id, form, { conversationId: origin.conversationId, target: origin.target, formId: form.id }, profile.locale);
  });

  app.view({ callback_id: FORM_CALLBACK_ID, type: 'view_submission' }, async ({ body, view, ack, client }) => {
    const context = parseContext(view.private_metadata);
    if (!context) {
      await ack();
      return;
    }
    const profile = await deps.locales.get(client, body.user.id);
    const values = readSubmission(view.state.values as Record<string, Record<string, SubmittedInput>>);
    const turn: Turn = { channel: 'slack', conversationId: context.conversationId, user: { id: body.user.id, ...profile }, input: { kind: 'form', formId: context.formId, values } };
    const pending = deps.bot.respond(turn);
    const early = await Promise.race([pending, new Promise<undefined>((resolve) => setTimeout(resolve, deps.formWaitMs))]);
    const again = early ? firstForm(early.messages) : undefined;
    const errors = again && again.id === context.formId ? formErrors(again) : {};
    if (Object.keys(errors).length > 0) {
      await ack({ response_action: 'errors', errors });
      return;
    }
    await ack();
    const reply = early ?? (await pending);
    await deps.sender.send(client, reply.messages, context.target, context.conversationId, profile.locale);
  });
}

function parseContext(privateMetadata: string): FormContext | undefined {
  try {
    const parsed = formContextSchema.safeParse(JSON.parse(privateMetadata));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Works out the conversation of a click: a DM, a channel thread, an ephemeral reply, or App Home (replies go to the DM). */
async function clickOrigin(body: BlockAction, client: webApi.WebClient, deps: SlackDeps): Promise<ClickOrigin | undefined> {
  const team = body.team?.id ?? body.user.team_id ?? 'T';
  const container = containerSchema.safeParse(body.container);
  const channel = container.success ? (container.data.channel_id ?? body.channel?.id) : body.channel?.id;
  if (container.success && container.data.is_ephemeral && channel) {
    const target: ReplyTarget = { kind: 'response', url: body.response_url };
    return { conversationId: ephemeralConversationId(team, channel, body.user.id), target, update: { responseUrl: body.response_url } };
  }
  if (channel && body.message) {
    const ts = body.message.ts;
    const threadTs = typeof body.message.thread_ts === 'string' ? body.message.thread_ts : undefined;
    if (isDmChannel(channel)) {
      return { conversationId: dmConversationId(team, channel), target: { kind: 'channel', channel, ...(threadTs ? { threadTs } : {}) }, update: { channel, ts } };
    }
    const root = threadTs ?? ts;
    return { conversationId: threadConversationId(team, channel, root), target: { kind: 'channel', channel, threadTs: root }, update: { channel, ts } };
  }
  try {
    const opened = await client.conversations.open({ users: body.user.id });
    const dm = opened.channel?.id;
    return dm ? { conversationId: dmConversationId(team, dm), target: { kind: 'channel', channel: dm } } : undefined;
  } catch (error) {
    deps.sender.failed(error, `slack-home:${body.user.id}`, 'conversations.open');
    return undefined;
  }
}
