import type { FlowPosition } from '../shared/conversation-state.ts';
import type { FlowSummary } from '../shared/flow-summary.ts';
import type { Message } from './message.ts';
import type { TurnInput } from './turn.ts';
import type { Locale } from '../shared/locale.ts';

/** The result of one step in a flow. `position` is null when the user left the flow. */
export interface FlowReply {
  messages: Message[];
  position: FlowPosition | null;
  /** True when `position` is an outcome node (the flow has given its advice). */
  outcome: boolean;
  /** Set by outcomes that offer a consultant; `urgent` pre-sets the escalation request to urgent. */
  escalate?: { topic: string; urgent: boolean };
}

/** The guided-flow engine as the bot pipeline sees it (implemented in src/dialogs). */
export interface FlowRunner {
  /** Every loaded flow. */
  list(): FlowSummary[];
  /** Starts a flow at its first question; undefined when no flow has that id. */
  start(flowId: string, locale: Locale): FlowReply | undefined;
  /**
   * Interprets input while inside a flow: a button, a number, a label (typos tolerated), free text for a
   * free-text question, or `tilbage`/back. Returns null when the input is not an answer to the current question
   * (the bot then answers it from the knowledge base and offers to continue).
   */
  step(position: FlowPosition, input: TurnInput, locale: Locale): FlowReply | null;
  /** Shows the current question (or outcome) again, e.g. after an interruption. */
  current(position: FlowPosition, locale: Locale): FlowReply;
  /** Starts the same flow again from its first question. */
  restart(position: FlowPosition, locale: Locale): FlowReply;
  /** False when the flow definition changed (or vanished) since the position was stored. */
  isCurrent(position: FlowPosition): boolean;
  /** True when the position stands at a question that takes a typed answer (free text). */
  awaitsText(position: FlowPosition): boolean;
}
