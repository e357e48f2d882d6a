import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { BotReply } from '../../core/bot.ts';
import type { FormSpec, Message } from '../../core/message.ts';
import type { Turn } from '../../core/turn.ts';
import type { Locale } from '../../shared/locale.ts';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.ts';
import type { Store } from '../../store/store.ts';
import { formModal } from './form-modal.ts';
import type { LocaleCache } from './locale-cache.ts';
import type { SlackSender } from './slack-sender.ts';
import type { ReplyTarget } from './to-turn.ts';

/** What the Slack listeners are built from; everything is injected. */
export interface SlackDeps {
  bot: { respond(turn: Turn): Promise<BotReply> };
  store: Store;
  knowledge: () => KnowledgeBase;
  logger: Logger;
  locales: LocaleCache;
  sender: SlackSender;
  /** How long a modal submission waits for the bot so field errors can show in the modal. */
  formWaitMs: number;
  /** How long seen event ids are remembered (Slack retries within minutes). */
  seenTtlMs: number;
}

/** Where a modal's answer goes; kept in the modal's private_metadata. */
export interface FormContext {
  conversationId: string;
  target: ReplyTarget;
  formId: string;
}

/** The first form in a reply, if any. */
export function firstForm(messages: Message[]): FormSpec | undefined {
  for (const message of messages) for (const block of message.blocks) if (block.type === 'form') return block.form;
  return undefined;
}

/** Opens a form as a modal with a trigger id (valid for 3 seconds after the click or command). */
export async function openFormModal(deps: SlackDeps, client: webApi.WebClient, triggerId: string, form: FormSpec, context: FormContext, locale: Locale): Promise<void> {
  try {
    await client.views.open({ trigger_id: triggerId, view: formModal(form, locale, JSON.stringify(context)) });
  } catch (error) {
    deps.sender.failed(error, context.conversationId, 'views.open');
  }
}

/** Runs a turn through the bot and sends the replies; a reply carrying a form opens it as a modal when it can. */
export async function runTurn(deps: SlackDeps, client: webApi.WebClient, turn: Turn, target: ReplyTarget, triggerId?: string): Promise<void> {
  const reply = await deps.bot.respond(turn);
  const form = triggerId ? firstForm(reply.messages) : undefined;
  if (form && triggerId) {
    await openFormModal(deps, client, triggerId, form, { conversationId: turn.conversationId, target, formId: form.id }, turn.user.locale);
  }
  await deps.sender.send(client, reply.messages, target, turn.conversationId, turn.user.locale);
}

/** Records an id as seen; false when it was seen before (a retry or redelivery). A store failure lets it through. */
export async function firstTime(deps: SlackDeps, id: string): Promise<boolean> {
  try {
    return await deps.store.markEventSeen(id, deps.seenTtlMs);
  } catch (error) {
    deps.logger.warn({ err: error, event: id }, 'could not record a Slack event id; handling it anyway');
    return true;
  }
}
