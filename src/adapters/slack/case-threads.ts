import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import { z } from 'zod';
import { replyActionId } from '../../escalation/case-reply-form.ts';
import type { CaseService, MessageOutcome } from '../../escalation/case-service.ts';
import type { ConsultantMarks } from '../../escalation/consultant-marks.ts';
import { relayedNote } from '../../escalation/relayed-note.ts';
import { escalationStrings } from '../../escalation/escalation-strings.ts';
import { slackCardOf } from './inbox-notifier.ts';
import type { LocaleCache } from './locale-cache.ts';
import { CASE_METADATA_TYPE } from './slack-messenger.ts';
import { dmConversationId, isDmChannel, plainUserText } from './to-turn.ts';

/** A reply in a thread, as the Events API sends it (edits, bot posts and other subtypes do not match). */
const threadReplySchema = z.object({
  type: z.literal('message'),
  channel: z.string(),
  user: z.string(),
  text: z.string(),
  ts: z.string(),
  thread_ts: z.string(),
  subtype: z.undefined().optional(),
  bot_id: z.undefined().optional(),
});
type ThreadReply = z.infer<typeof threadReplySchema>;

const parentSchema = z.object({ messages: z.array(z.object({ metadata: z.object({ event_type: z.string(), event_payload: z.record(z.string(), z.unknown()) }).optional() })) });

/** What the thread replies need. */
export interface CaseThreadDeps {
  cases: CaseService;
  /** Told when a requester answered in a thread, so their next message in the DM is not offered to the consultant again. */
  marks: ConsultantMarks;
  /** CONSULTANT_SLACK_CHANNEL: only replies under inbox cards in this channel reach requesters. */
  consultantChannel?: string;
  locales: LocaleCache;
  logger: Logger;
}

/** Handles a message event that is a reply in a case thread; resolves true when it was one (and was handled). */
export type CaseThreadHandler = (event: unknown, team: string, client: webApi.WebClient, botUserId?: string) => Promise<boolean>;

/**
 * The exchange in Slack threads: a consultant writing in the thread under an inbox card (in CONSULTANT_SLACK_CHANNEL
 * only) replies to the requester; a requester writing in the thread under a consultant's message in their DM answers
 * the consultant. Each is acknowledged in the thread; anything else is left to the ordinary listeners.
 */
export function caseThreads(deps: CaseThreadDeps): CaseThreadHandler {
  return async (event, team, client, botUserId) => {
    const parsed = threadReplySchema.safeParse(event);
    if (!parsed.success || parsed.data.thread_ts === parsed.data.ts) return false;
    const reply = parsed.data;
    const text = plainUserText(reply.text, botUserId);
    if (deps.consultantChannel && reply.channel === deps.consultantChannel) return consultantReply(deps, reply, text, client);
    if (!isDmChannel(reply.channel)) return false;
    const caseId = await parentCase(deps, reply, client);
    if (!caseId) return false;
    const profile = await deps.locales.get(client, reply.user);
    const conversationId = dmConversationId(team, reply.channel);
    const outcome = await deps.cases.answer(caseId, { conversationId, userId: reply.user }, text, `slack:${reply.channel}:${reply.ts}`);
    if (outcome.ok) await deps.marks.settled(conversationId, replyActionId(caseId));
    const s = escalationStrings(profile.locale);
    const say = outcome.ok ? s.answerSent(outcome.view.case.number) : s.answerRefused[outcome.reason];
    deps.logger.info({ case: outcome.view?.case.number, ok: outcome.ok }, 'requester answered in a Slack thread');
    await client.chat.postMessage({ channel: reply.channel, thread_ts: reply.thread_ts, text: say });
    return true;
  };
}

/** A consultant's message in a thread of the consultant channel: relayed when the thread is an open case's card. */
async function consultantReply(deps: CaseThreadDeps, reply: ThreadReply, text: string, client: webApi.WebClient): Promise<boolean> {
  const view = await deps.cases.find((v) => slackCardOf(v)?.ts === reply.thread_ts);
  // Consultants talking among themselves in other threads of their channel: not ours.
  if (!view) return true;
  const profile = await deps.locales.get(client, reply.user);
  const outcome: MessageOutcome =
    view.case.status === 'resolved'
      ? { ok: false, reason: 'resolved', view }
      : await deps.cases.reply(view.case.id, text, profile.name ?? reply.user, 'slack-inbox', `slack:${reply.channel}:${reply.ts}`);
  deps.logger.info({ case: view.case.number, ok: outcome.ok, consultant: reply.user }, 'consultant replied in the Slack inbox thread');
  await client.chat.postEphemeral({ channel: reply.channel, user: reply.user, thread_ts: reply.thread_ts, text: relayedNote(outcome, profile.locale) });
  return true;
}

/** The case a DM thread belongs to, from the metadata of its first message (a consultant's message the bot posted). */
async function parentCase(deps: CaseThreadDeps, reply: ThreadReply, client: webApi.WebClient): Promise<string | undefined> {
  try {
    const parent = parentSchema.safeParse(await client.conversations.replies({ channel: reply.channel, ts: reply.thread_ts, limit: 1, include_all_metadata: true }));
    const metadata = parent.success ? parent.data.messages[0]?.metadata : undefined;
    const caseId = metadata?.event_type === CASE_METADATA_TYPE ? metadata.event_payload.case_id : undefined;
    return typeof caseId === 'string' ? caseId : undefined;
  } catch (error) {
    deps.logger.warn({ err: error, channel: reply.channel }, 'conversations.replies failed; the DM thread reply is answered as an ordinary message (check the im:history scope)');
    return undefined;
  }
}
