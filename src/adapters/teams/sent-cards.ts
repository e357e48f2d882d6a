import type { Logger } from 'pino';
import { z } from 'zod';
import type { Message } from '../../core/message.ts';
import type { Locale } from '../../shared/locale.ts';
import type { Store } from '../../store/store.ts';

/** A card sent to Teams, kept so it can be re-rendered as answered after a submit. */
export interface SentCard {
  message: Message;
  locale: Locale;
}

/** How long a sent card can be redrawn as answered (a button pressed later leaves the card as it was). */
export const SENT_CARD_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** The stored copy as written by `remember` (the message is our own block tree, read back as such). */
const storedCardSchema = z.object({
  locale: z.enum(['da', 'en']),
  message: z.looseObject({ blocks: z.array(z.looseObject({ type: z.string() })), fallback: z.string() }),
});

/**
 * The cards sent, by conversation and activity id, kept in the store with an expiry (purged like seen event ids), so
 * a button pressed on a card sent by one instance can be answered by any other.
 */
export class SentCards {
  constructor(
    private readonly store: Store,
    private readonly logger: Logger,
    private readonly ttlMs = SENT_CARD_TTL_MS,
  ) {}

  /** Keeps the card sent as `activityId` in `conversationId`; a failure is logged (the reply itself was sent). */
  async remember(conversationId: string, activityId: string, card: SentCard): Promise<void> {
    try {
      await this.store.saveSentCard(conversationId, activityId, { message: card.message, locale: card.locale }, this.ttlMs);
    } catch (error) {
      this.logger.warn({ err: error, conversation: conversationId, activity: activityId }, 'could not keep a copy of a sent card; a submit on it will leave it as it is');
    }
  }

  /** The card sent as `activityId`, or undefined when no instance kept it (or it expired, or the store is down). */
  async find(conversationId: string, activityId: string): Promise<SentCard | undefined> {
    try {
      const parsed = storedCardSchema.safeParse(await this.store.findSentCard(conversationId, activityId));
      return parsed.success ? { message: parsed.data.message as unknown as Message, locale: parsed.data.locale } : undefined;
    } catch (error) {
      this.logger.warn({ err: error, conversation: conversationId, activity: activityId }, 'could not read the copy of a sent card; it is left as it is');
      return undefined;
    }
  }
}
