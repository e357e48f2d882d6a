import type { ConversationState, FlowPosition } from '../shared/conversation-state.ts';

/** True when the conversation's guide stands at an outcome (its advice has been given). */
export function isAtOutcome(state: ConversationState): boolean {
  return Boolean(state.flow && state.flowOutcome);
}

/**
 * The guides left in the middle once guide `startingId` starts: the one in progress is kept (when an answer was given
 * in it), and `startingId`'s own kept place is taken out (it is resumed or started over).
 */
export function pauseCurrentFlow(state: ConversationState, startingId: string): Record<string, FlowPosition> | undefined {
  const kept = Object.entries(state.pausedFlows ?? {}).filter(([flowId]) => flowId !== startingId);
  const current = state.flow;
  if (current && !isAtOutcome(state) && current.flowId !== startingId && current.history.length > 0) kept.push([current.flowId, current]);
  return kept.length > 0 ? Object.fromEntries(kept) : undefined;
}

/** The guide to go on with when guide `flowId` is opened: a place kept for it, or the run in progress if it is that guide. */
export function placeToResume(state: ConversationState, flowId: string): FlowPosition | undefined {
  const inProgress = state.flow && !isAtOutcome(state) && state.flow.flowId === flowId && state.flow.history.length > 0 ? state.flow : undefined;
  return state.pausedFlows?.[flowId] ?? inProgress;
}
