import type { ConversationState, FlowPosition } from '../shared/conversation-state.ts';

/** True when the conversation's guide stands at an outcome (its advice has been given). */
export function isAtOutcome(state: ConversationState): boolean {
  return Boolean(state.flow && state.flowOutcome);
}

/** The guide that waits at one of its questions (running, or paused while something else was shown), if any. */
export function guideAtQuestion(state: ConversationState): FlowPosition | undefined {
  return state.flow && !isAtOutcome(state) ? state.flow : undefined;
}

/** The guide in progress with at least one answer given (one worth keeping), if any. */
function answeredGuide(state: ConversationState): FlowPosition | undefined {
  const guide = guideAtQuestion(state);
  return guide && guide.history.length > 0 ? guide : undefined;
}

/**
 * The guides left in the middle once guide `startingId` starts: the one in progress is kept (when an answer was given
 * in it), and `startingId`'s own kept place is taken out (it is resumed or started over).
 */
export function pauseCurrentFlow(state: ConversationState, startingId: string): Record<string, FlowPosition> | undefined {
  const kept = Object.entries(state.pausedFlows ?? {}).filter(([flowId]) => flowId !== startingId);
  const current = answeredGuide(state);
  if (current && current.flowId !== startingId) kept.push([current.flowId, current]);
  return kept.length > 0 ? Object.fromEntries(kept) : undefined;
}

/** The guides kept once the guide in progress is stopped: it is kept too when an answer was given, to go on with later. */
export function keepStoppedFlow(state: ConversationState): Record<string, FlowPosition> | undefined {
  const current = answeredGuide(state);
  return current ? { ...state.pausedFlows, [current.flowId]: current } : state.pausedFlows;
}

/** The guide to go on with when guide `flowId` is opened: a place kept for it, or the run in progress if it is that guide. */
export function placeToResume(state: ConversationState, flowId: string): FlowPosition | undefined {
  const current = answeredGuide(state);
  return state.pausedFlows?.[flowId] ?? (current?.flowId === flowId ? current : undefined);
}
