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
  private readonly cards = new Map<string, SentCard>();

  constructor(private readonly capacity = 1000) {}

  /** Remembers the card sent as `activityId` in `conversationId`. */
  remember(conversationId: string, activityId: string, card: SentCard): void {
    const key = `${conversationId}\n${activityId}`;
    this.cards.delete(key);
    this.cards.set(key, card);
    while (this.cards.size > this.capacity) {
      const oldest = this.cards.keys().next().value;
      if (oldest === undefined) break;
      this.cards.delete(oldest);
    }
  }

  /** The card sent as `activityId`, or undefined when it is not known here. */
  find(conversationId: string, activityId: string): SentCard | undefined {
    return this.cards.get(`${conversationId}\n${activityId}`);
  }
}
