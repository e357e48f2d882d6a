import type { ConversationState } from '../shared/conversation-state.ts';
import type { Message } from './message.ts';
import type { TurnEvent } from './turn-events.ts';

/** What routing one turn produced: the replies and the state to store. */
export interface RoutedTurn {
  messages: Message[];
  state: ConversationState;
  /** The search made for a typed question, if any (for analytics). */
  search?: { query: string; topId?: string; score?: number; confident: boolean };
  /** What happened in this turn, for analytics (questions, "Mente du", flow progress, feedback). */
  events?: TurnEvent[];
  /** True for a turn that tells a consultant nothing (showing the menu, also the greeting a chat opens with): kept out of the transcript. */
  untold?: boolean;
  /** True when the reply must leave the previously offered buttons active (e.g. a feedback acknowledgement). */
  keepChoices?: boolean;
  /** Side effect the turn asks for (e.g. opening a case): the bot runs it once, after the state is saved, and appends its messages. */
  effect?: TurnEffect;
}

/** Work with I/O that routing cannot do itself (routing is pure and re-run on version conflicts). */
export type TurnEffect = () => Promise<Message[]>;
