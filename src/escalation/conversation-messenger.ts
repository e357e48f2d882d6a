import type { Message } from '../core/message.ts';
import type { Channel } from '../core/turn.ts';
import type { ConversationReference } from './case-payload.ts';

/** Posts messages into an existing conversation on one platform (registered by that platform's adapter). */
export interface ConversationMessenger {
  readonly channel: Channel;
  /**
   * Posts `messages` into the referenced conversation; throws when it could not (the outbox retries). `caseId` names the
   * case the messages are about, so a platform can recognise a reply to them (Slack keeps it in the message metadata).
   */
  post(reference: ConversationReference, messages: Message[], idempotencyKey: string, caseId?: string): Promise<void>;
  /** What to keep with a case so the conversation can be reached later, also after a restart (asked when the case is opened). */
  platformReference?(conversationId: string): Record<string, unknown> | undefined;
}

/** Thrown by `post` when the conversation cannot be reached from this process now but may be later (another terminal chat). */
export class ConversationNotOpenError extends Error {
  override readonly name = 'ConversationNotOpenError';
}

/** The conversation messengers this process has, one per platform. */
export class MessengerRegistry {
  private readonly messengers = new Map<Channel, ConversationMessenger>();

  /** `onRegister` is told about each messenger added (the escalation module registers its requester notifier). */
  constructor(private readonly onRegister?: (messenger: ConversationMessenger) => void) {}

  /** Adds (or replaces) the messenger for its platform. */
  register(messenger: ConversationMessenger): void {
    this.messengers.set(messenger.channel, messenger);
    this.onRegister?.(messenger);
  }

  /** The messenger for a platform, if its adapter runs in this process. */
  get(channel: Channel): ConversationMessenger | undefined {
    return this.messengers.get(channel);
  }
}
