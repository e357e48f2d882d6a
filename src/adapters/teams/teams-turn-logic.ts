import { Activity, ActivityTypes, type ConversationReference } from '@microsoft/agents-activity';
import type { TurnContext } from '@microsoft/agents-hosting';
import type { Logger } from 'pino';
import type { Bot } from '../../core/bot.ts';
import { commandAction } from '../../core/commands.ts';
import type { Message } from '../../core/message.ts';
import { redact } from '../../core/redact.ts';
import { localeFrom, type Turn, type TurnInput } from '../../core/turn.ts';
import type { Locale } from '../../shared/locale.ts';
import { StoreUnavailableError, type Store } from '../../store/store.ts';
import { ADAPTIVE_CARD_CONTENT_TYPE } from './adaptive-card.ts';
import { activityToTurn, inputFrom, teamsConversationId } from './activity-to-turn.ts';
import { withConnectorRetry, type RetryPolicy } from './connector-retry.ts';
import { renderCard, type AnsweredWith } from './render-card.ts';
import type { SentCards } from './sent-cards.ts';
import { startTypingIndicator } from './typing-indicator.ts';

/** Keeps conversation references so the bot can write to a user or channel later (escalation replies). */
export interface ConversationReferences {
  /** Saves (or replaces) the reference for a neutral conversation id. */
  save(conversationId: string, reference: ConversationReference): Promise<void>;
}

/** What the Teams turn logic is built from. */
export interface TeamsTurnDeps {
  bot: Bot;
  store: Store;
  logger: Logger;
  sentCards: SentCards;
  references?: ConversationReferences;
  /** Handles consultant inbox commands and buttons before the core; true when the activity was one. */
  inbox?: (context: TurnContext) => Promise<boolean>;
  /** Send a typing indicator when no answer is ready after this many milliseconds. */
  typingDelayMs: number;
  retry: RetryPolicy;
}

/** A redelivered activity id is ignored for this long. */
const SEEN_TTL_MS = 24 * 60 * 60 * 1000;
/** An install sends both conversationUpdate and installationUpdate; one welcome per conversation in this window. */
const WELCOME_TTL_MS = 10 * 60 * 1000;

/** The per-activity logic given to CloudAdapter.process: dedupe, welcome on install, answer messages and card submits. */
export function teamsTurnLogic(deps: TeamsTurnDeps): (context: TurnContext) => Promise<void> {
  return async (context) => {
    const activity = context.activity;
    // The display name travels into the turn, the conversation reference kept with a case, and every reply's recipient:
    // redacted once here, like everything else a user controls.
    if (activity.from?.name) activity.from.name = redact(activity.from.name);
    const conversationId = teamsConversationId(activity);
    if (activity.id && !(await firstTime(deps, `teams:${activity.conversation?.id}:${activity.id}`, SEEN_TTL_MS))) {
      deps.logger.info({ conversation: conversationId, activity: activity.id }, 'Teams activity redelivered; ignored');
      return;
    }
    await deps.references?.save(conversationId, activity.getConversationReference());
    if (activity.type === ActivityTypes.Message) {
      if (!(await deps.inbox?.(context))) await answerMessage(context, deps);
    } else if (isInstall(activity) && (await firstTime(deps, `teams-welcome:${activity.conversation?.id}`, WELCOME_TTL_MS))) {
      const turn: Turn = {
        channel: 'teams',
        conversationId,
        user: { id: activity.from?.aadObjectId ?? activity.from?.id ?? 'unknown', locale: localeFrom(activity.locale) },
        input: { kind: 'action', actionId: commandAction('menu') },
      };
      await sendMessages(context, deps, conversationId, (await deps.bot.respond(turn)).messages, turn.user.locale);
    }
  };
}

/**
 * Records an id as seen; false when it was seen before (a redelivery). With the store down it lets the activity through,
 * as Slack does, so the bot answers with its polite "try again" instead of leaving the user without a reply.
 */
async function firstTime(deps: TeamsTurnDeps, id: string, ttlMs: number): Promise<boolean> {
  try {
    return await deps.store.markEventSeen(id, ttlMs);
  } catch (error) {
    if (!(error instanceof StoreUnavailableError)) throw error;
    deps.logger.warn({ err: error, event: id }, 'could not record a Teams activity id; handling it anyway');
    return true;
  }
}

/** True for the bot being added to a conversation (not other members joining) and for an app installation. */
function isInstall(activity: Activity): boolean {
  if (activity.type === ActivityTypes.InstallationUpdate) return !activity.action || activity.action.startsWith('add');
  if (activity.type !== ActivityTypes.ConversationUpdate) return false;
  return (activity.membersAdded ?? []).some((m) => m.id === activity.recipient?.id);
}

async function answerMessage(context: TurnContext, deps: TeamsTurnDeps): Promise<void> {
  const activity = context.activity;
  const input = inputFrom(activity);
  const turn = activityToTurn(activity, input);
  const typing = startTypingIndicator(() => context.sendActivity(Activity.fromObject({ type: ActivityTypes.Typing })), deps.typingDelayMs);
  let messages: Message[];
  try {
    messages = (await deps.bot.respond(turn)).messages;
  } finally {
    await typing.stop();
  }
  if (activity.replyToId && input.kind !== 'text') await markAnswered(context, deps, turn.conversationId, activity.replyToId, input);
  await sendMessages(context, deps, turn.conversationId, messages, turn.user.locale);
}

/**
 * Re-renders the submitted card without buttons or inputs, showing what was chosen, so it cannot be used twice. A card
 * no instance kept (expired, or sent before this version) is left as it was rather than redrawn blank.
 */
async function markAnswered(context: TurnContext, deps: TeamsTurnDeps, conversationId: string, cardId: string, input: Exclude<TurnInput, { kind: 'text' }>): Promise<void> {
  const sent = await deps.sentCards.find(conversationId, cardId);
  if (!sent) return;
  const answered: AnsweredWith = input.kind === 'action' ? { kind: 'choice', choiceId: input.actionId } : { kind: 'form', formId: input.formId, values: input.values };
  const card = renderCard(sent.message, sent.locale, answered);
  const update = Activity.fromObject({ type: ActivityTypes.Message, id: cardId, attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card }] });
  try {
    await withConnectorRetry('updating the submitted card', conversationId, () => context.updateActivity(update), deps.logger, deps.retry);
  } catch {
    // Logged by withConnectorRetry; the answer itself is still sent.
  }
}

async function sendMessages(context: TurnContext, deps: TeamsTurnDeps, conversationId: string, messages: Message[], locale: Locale): Promise<void> {
  for (const message of messages) {
    const card = renderCard(message, locale);
    const reply = Activity.fromObject({ type: ActivityTypes.Message, attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card }] });
    const sent = await withConnectorRetry('sending a reply', conversationId, () => context.sendActivity(reply), deps.logger, deps.retry);
    if (sent?.id) await deps.sentCards.remember(conversationId, sent.id, { message, locale });
  }
}
