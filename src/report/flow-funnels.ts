import type { AnalyticsEvent } from '../store/records.ts';
import { countLabels, field } from './counting.ts';
import type { FlowFunnel } from './report-types.ts';

/** A flow run with no step for this long is abandoned (computed at report time, no timers). */
export const ABANDON_AFTER_MS = 30 * 60 * 1000;

interface Run {
  flowId: string;
  nodes: Set<string>;
  lastNode: string;
  lastAt: number;
  completed: boolean;
  abandonedAt?: string;
}

/** Rebuilds flow runs per conversation from the flow events (oldest first) and the funnel of each flow. */
export function flowFunnels(events: readonly AnalyticsEvent[], now: Date, titleOf: (flowId: string) => string): FlowFunnel[] {
  const runs: Run[] = [];
  const open = new Map<string, Run>();
  const close = (conversation: string): void => {
    const run = open.get(conversation);
    if (run && !run.completed) run.abandonedAt = run.lastNode;
    open.delete(conversation);
  };
  for (const event of events) {
    const conversation = field(event.payload, 'conversation') ?? '';
    const flowId = field(event.payload, 'flowId');
    const nodeId = field(event.payload, 'nodeId');
    if (!flowId || !nodeId) continue;
    if (event.type === 'flow_started') {
      close(conversation);
      const run: Run = { flowId, nodes: new Set([nodeId]), lastNode: nodeId, lastAt: event.at.getTime(), completed: false };
      runs.push(run);
      open.set(conversation, run);
      continue;
    }
    const run = open.get(conversation);
    if (!run || run.flowId !== flowId) continue;
    if (event.type === 'flow_stopped') {
      close(conversation);
    } else if (event.type === 'flow_step' || event.type === 'flow_completed') {
      run.nodes.add(nodeId);
      run.lastNode = nodeId;
      run.lastAt = event.at.getTime();
      if (event.type === 'flow_completed') run.completed = true;
    }
  }
  for (const run of open.values()) {
    if (!run.completed && now.getTime() - run.lastAt >= ABANDON_AFTER_MS) run.abandonedAt = run.lastNode;
  }
  const flowIds = [...new Set(runs.map((r) => r.flowId))].sort();
  return flowIds.map((flowId) => {
    const mine = runs.filter((r) => r.flowId === flowId);
    const dropOffs = countLabels(mine.flatMap((r) => (r.abandonedAt ? [r.abandonedAt] : [])));
    const abandoned = mine.filter((r) => r.abandonedAt !== undefined).length;
    const completed = mine.filter((r) => r.completed).length;
    return {
      flowId,
      title: titleOf(flowId),
      started: mine.length,
      completed,
      abandoned,
      inProgress: mine.length - completed - abandoned,
      reached: countLabels(mine.flatMap((r) => [...r.nodes])),
      dropOffs,
      dropOffNode: dropOffs[0]?.label ?? null,
    };
  });
}
