import type { FlowPosition } from '../shared/conversation-state.ts';
import type { FlowReply } from './flow-runner.ts';
import type { TurnEvent } from './turn-events.ts';

/**
 * The flow events one flow reply stands for: a start, a step to a new node, reaching an outcome, or leaving the flow.
 * `before` is the position (and whether it was an outcome) before the turn; `started` is true for a (re)start.
 */
export function flowEvents(before: FlowPosition | undefined, beforeOutcome: boolean, reply: FlowReply, started: boolean): TurnEvent[] {
  const now = reply.position;
  if (!now) return before && !beforeOutcome ? [{ type: 'flow_stopped', flowId: before.flowId, nodeId: before.nodeId }] : [];
  const events: TurnEvent[] = [];
  const isNewRun = started || !before || before.flowId !== now.flowId;
  if (isNewRun) events.push({ type: 'flow_started', flowId: now.flowId, nodeId: now.nodeId });
  else if (now.nodeId !== before.nodeId && !reply.outcome) events.push({ type: 'flow_step', flowId: now.flowId, nodeId: now.nodeId });
  if (reply.outcome && (isNewRun || now.nodeId !== before.nodeId)) events.push({ type: 'flow_completed', flowId: now.flowId, nodeId: now.nodeId });
  return events;
}
