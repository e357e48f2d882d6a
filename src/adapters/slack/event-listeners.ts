import type { App } from '@slack/bolt';
import { appHomeView } from './app-home.ts';
import type { CaseThreadHandler } from './case-threads.ts';
import {
  dmConversationId,
  dmEventSchema,
  ephemeralConversationId,
  isDmChannel,
  mentionEventSchema,
  plainUserText,
  threadConversationId,
} from './to-turn.ts';
import { firstTime, runTurn, type SlackDeps } from './turn-runner.ts';

/**
 * Registers direct messages, @mentions, App Home and `/some` (each acknowledged before the bot runs), and with escalation
 * the replies in case threads. Channel messages (sent for the consultant channel's threads) from any other channel are
 * dropped before anything is stored.
 */
export function registerEventListeners(app: App, deps: SlackDeps, threads?: { consultantChannel?: string; handle: CaseThreadHandler }): void {
  app.use(async (args) => {
    const { body, context, next } = args;
    if (isOtherChannelMessage(body, threads?.consultantChannel)) return;
    const eventId = 'event_id' in body && typeof body.event_id === 'string' ? body.event_id : undefined;
    if (eventId && !(await firstTime(deps, `slack:event:${eventId}`))) {
      deps.logger.info({ event: eventId, retry: context.retryNum }, 'Slack redelivery ignored');
      return;
    }
    // Commands and interactions carry no event id: a signed request sent again unchanged (a replay) is acknowledged only.
    const signature = typeof context.requestSignature === 'string' ? context.requestSignature : undefined;
    if (!eventId && signature && !(await firstTime(deps, `slack:request:${signature}`))) {
      deps.logger.warn({ request: signature }, 'Slack request replay ignored: the same signed request was already answered');
      if ('ack' in args && typeof args.ack === 'function') await args.ack();
      return;
    }
    await next();
  });

  app.event('message', async ({ event, body, client }) => {
    if (threads && (await threads.handle(event, teamOf(body), client, botUserOf(body)))) return;
    const dm = dmEventSchema.safeParse(event);
    if (!dm.success) return;
    const team = teamOf(body);
    const conversationId = dmConversationId(team, dm.data.channel);
    const profile = await deps.locales.get(client, dm.data.user);
    const text = plainUserText(dm.data.text, botUserOf(body));
    await runTurn(
      deps,
      client,
      { channel: 'slack', conversationId, user: { id: dm.data.user, ...profile }, input: { kind: 'text', text } },
      { kind: 'channel', channel: dm.data.channel },
    );
  });

  app.event('app_mention', async ({ event, body, client }) => {
    const mention = mentionEventSchema.safeParse(event);
    if (!mention.success || isDmChannel(mention.data.channel)) return;
    const threadTs = mention.data.thread_ts ?? mention.data.ts;
    const conversationId = threadConversationId(teamOf(body), mention.data.channel, threadTs);
    const profile = await deps.locales.get(client, mention.data.user);
    const text = plainUserText(mention.data.text, botUserOf(body)) || 'menu';
    await runTurn(
      deps,
      client,
      { channel: 'slack', conversationId, user: { id: mention.data.user, ...profile }, input: { kind: 'text', text } },
      { kind: 'channel', channel: mention.data.channel, threadTs },
    );
  });

  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    const profile = await deps.locales.get(client, event.user);
    try {
      await client.views.publish({ user_id: event.user, view: appHomeView(deps.knowledge(), profile.locale) });
    } catch (error) {
      deps.sender.failed(error, `slack-home:${event.user}`, 'views.publish');
    }
  });

  app.command('/some', async ({ command, ack, client }) => {
    await ack();
    const profile = await deps.locales.get(client, command.user_id);
    const conversationId = ephemeralConversationId(command.team_id, command.channel_id, command.user_id);
    const text = plainUserText(command.text) || 'menu';
    await runTurn(
      deps,
      client,
      { channel: 'slack', conversationId, user: { id: command.user_id, ...profile }, input: { kind: 'text', text } },
      { kind: 'response', url: command.response_url },
      command.trigger_id,
    );
  });
}

/** A message event from a channel or private channel other than the consultant channel (DMs and other events pass). */
function isOtherChannelMessage(body: object, consultantChannel: string | undefined): boolean {
  const event: unknown = 'event' in body ? body.event : undefined;
  if (typeof event !== 'object' || event === null || !('type' in event) || event.type !== 'message') return false;
  const channel = 'channel' in event && typeof event.channel === 'string' ? event.channel : '';
  return !isDmChannel(channel) && channel !== consultantChannel;
}

function teamOf(body: object): string {
  return 'team_id' in body && typeof body.team_id === 'string' ? body.team_id : 'T';
}

/** The bot's own user id, from the event's authorizations (used to strip the @mention). */
function botUserOf(body: object): string | undefined {
  if (!('authorizations' in body) || !Array.isArray(body.authorizations)) return undefined;
  const first: unknown = body.authorizations[0];
  return first && typeof first === 'object' && 'user_id' in first && typeof first.user_id === 'string' ? first.user_id : undefined;
}
