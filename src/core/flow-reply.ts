import type { ConversationState } from '../shared/conversation-state.ts';
import type { Locale } from '../shared/locale.ts';
import { withOutcomeFeedback } from './answers.ts';
import { flowEvents } from './flow-events.ts';
import type { FlowReply } from './flow-runner.ts';
import type { Message } from './message.ts';
import { isAtOutcome } from './paused-flows.ts';
import type { RoutedTurn } from './routed-turn.ts';

/**
 * Applies a flow reply; `started` marks a (re)start. Outcome messages get the feedback buttons. An answer shown in the
 * middle of the guide is no longer the topic just before once a step is answered (a follow-up is not read with it).
 */
export function applyFlow(state: ConversationState, reply: FlowReply, locale: Locale, before: Message[] = [], started = false): RoutedTurn {
  const messages = reply.outcome && reply.position ? withOutcomeFeedback(reply.messages, reply.position, locale) : reply.messages;
  const lastTopic = state.lastTopic?.kind === 'faq' && !started ? undefined : state.lastTopic;
  return {
    messages: [...before, ...messages],
    state: { ...state, lastTopic, flow: reply.position ?? undefined, flowOutcome: reply.position ? reply.outcome : undefined, escalationHint: reply.escalate ?? (started ? undefined : state.escalationHint) },
    events: flowEvents(state.flow, isAtOutcome(state), reply, started),
  };
}
