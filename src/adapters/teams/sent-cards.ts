import { BoundedCache } from '../../core/bounded-cache.ts';
import type { Message } from '../../core/message.ts';
import type { Locale } from '../../core/turn.ts';

/** A card this instance sent, kept so it can be re-rendered as answered after a submit. */
export interface SentCard {
  message: Message;
  locale: Locale;
}

/**
 * The most recent cards sent, by conversation and activity id (least recently used dropped first).
 * In memory per instance: after a restart, or on another instance, the answered card is rebuilt from the submit alone.
 */
export class SentCards {
  private readonly cards: BoundedCache<string, SentCard>;

  constructor(capacity = 1000) {
    this.cards = new BoundedCache(capacity);
  }

  /** Remembers the card sent as `activityId` in `conversationId`. */
  remember(conversationId: string, activityId: string, card: SentCard): void {
    this.cards.set(`${conversationId}\n${activityId}`, card);
  }

  /** The card sent as `activityId`, or undefined when it is not known here. */
  find(conversationId: string, activityId: string): SentCard | undefined {
    return this.cards.get(`${conversationId}\n${activityId}`);
  }
}
