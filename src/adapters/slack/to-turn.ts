import { z } from 'zod';
import { collapseWhitespace } from '../../core/turn.ts';

/** Where a reply goes: a channel (optionally a thread), or a command's/ephemeral message's response_url. */
export type ReplyTarget = { kind: 'channel'; channel: string; threadTs?: string } | { kind: 'response'; url: string };

/** A direct message to the bot, as the Events API sends it (edits, bot posts and other subtypes do not match). */
export const dmEventSchema = z.object({
  type: z.literal('message'),
  channel: z.string(),
  channel_type: z.literal('im'),
  user: z.string(),
  text: z.string(),
  ts: z.string(),
  subtype: z.undefined().optional(),
  bot_id: z.undefined().optional(),
});

/** An @mention of the bot in a channel. */
export const mentionEventSchema = z.object({
  type: z.literal('app_mention'),
  channel: z.string(),
  user: z.string(),
  text: z.string(),
  ts: z.string(),
  thread_ts: z.string().optional(),
  bot_id: z.undefined().optional(),
});

/** The conversation id of a direct-message channel with the bot. */
export function dmConversationId(teamId: string, channel: string): string {
  return `slack:${teamId}:${channel}`;
}

/** The conversation id of a thread in a channel (an @mention and the bot's answers). */
export function threadConversationId(teamId: string, channel: string, threadTs: string): string {
  return `slack:${teamId}:${channel}:${threadTs}`;
}

/** The conversation id of one user's private (ephemeral) exchange in a channel, e.g. via `/some`. */
export function ephemeralConversationId(teamId: string, channel: string, userId: string): string {
  return `slack:${teamId}:${channel}:user:${userId}`;
}

/** True for direct-message channel ids. */
export function isDmChannel(channel: string): boolean {
  return channel.startsWith('D');
}

/**
 * Turns Slack's message text into what the user typed: drops mentions of the bot, shows links as their text and
 * undoes Slack's `&amp;`/`&lt;`/`&gt;` escaping (the renderer escapes again wherever text is echoed).
 */
export function plainUserText(text: string, botUserId?: string): string {
  return collapseWhitespace(
    text
      .replace(/<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g, (whole, id: string) => (botUserId === undefined || id === botUserId ? '' : whole))
      .replace(/<((?:https?|mailto):[^>|]+)\|([^>]+)>/g, '$2')
      .replace(/<((?:https?|mailto):[^>|]+)>/g, '$1')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&'),
  );
}
