import type { types, webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Message } from '../../core/message.ts';
import type { Locale } from '../../shared/locale.ts';
import { renderMessage } from './render-message.ts';
import { postToResponseUrl, type RetryPolicy } from './response-url.ts';
import type { ReplyTarget } from './to-turn.ts';

/** Sends rendered replies to Slack; a reply that finally fails is logged as an error with its conversation id. */
export class SlackSender {
  constructor(
    private readonly logger: Logger,
    private readonly retry: RetryPolicy,
  ) {}

  /** Posts the messages in order to the target; stops at the first one that fails after its retries. */
  async send(client: webApi.WebClient, messages: Message[], target: ReplyTarget, conversationId: string, locale: Locale): Promise<void> {
    for (const message of messages) {
      const rendered = renderMessage(message, locale);
      try {
        if (target.kind === 'channel') {
          await client.chat.postMessage({
            channel: target.channel,
            text: rendered.text,
            blocks: rendered.blocks,
            ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
          });
        } else {
          await postToResponseUrl(target.url, { response_type: 'ephemeral', replace_original: false, ...rendered }, this.retry);
        }
      } catch (error) {
        this.failed(error, conversationId, 'reply');
        return;
      }
    }
  }

  /** Replaces the blocks of a message the user clicked in (chat.update, or the response_url for ephemeral ones). */
  async replace(
    client: webApi.WebClient,
    where: { channel: string; ts: string } | { responseUrl: string },
    message: { blocks: types.KnownBlock[]; text: string },
    conversationId: string,
  ): Promise<void> {
    try {
      if ('responseUrl' in where) {
        await postToResponseUrl(where.responseUrl, { replace_original: true, ...message }, this.retry);
      } else {
        await client.chat.update({ channel: where.channel, ts: where.ts, text: message.text, blocks: message.blocks });
      }
    } catch (error) {
      this.failed(error, conversationId, 'update of the clicked message');
    }
  }

  /** Logs a Slack call that failed after its retries, with the conversation id, without message text. */
  failed(error: unknown, conversationId: string, what: string): void {
    this.logger.error(
      { err: error, conversation: conversationId },
      `Slack ${what} failed after retries and was not delivered; check the bot token, scopes and Slack status.`,
    );
  }
}
