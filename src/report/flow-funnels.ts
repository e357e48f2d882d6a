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

/**
 * Rebuilds flow runs from the flow events (oldest first) and the funnel of each flow. A conversation has at most one
 * run of each guide open: a guide left for another keeps its place and goes on later, so only starting the same guide
 * again, stopping it, or no step for `ABANDON_AFTER_MS` ends a run unfinished.
 */
export function flowFunnels(events: readonly AnalyticsEvent[], now: Date, names: { flow(flowId: string): string; step(flowId: string, nodeId: string): string | undefined }): FlowFunnel[] {
  const runs: Run[] = [];
  const open = new Map<string, Run>();
  const close = (key: string): void => {
    const run = open.get(key);
    if (run && !run.completed) run.abandonedAt = run.lastNode;
    open.delete(key);
  };
  for (const event of events) {
    const conversation = field(event.payload, 'conversation') ?? '';
    const flowId = field(event.payload, 'flowId');
    const nodeId = field(event.payload, 'nodeId');
    if (!flowId || !nodeId) continue;
    const key = `${conversation}\u0000${flowId}`;
    if (event.type === 'flow_started') {
      close(key);
      const run: Run = { flowId, nodes: new Set([nodeId]), lastNode: nodeId, lastAt: event.at.getTime(), completed: false };
      runs.push(run);
      open.set(key, run);
      continue;
    }
    const run = open.get(key);
    if (!run) continue;
    if (event.type === 'flow_stopped') {
      close(key);
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
    const dropOffNode = dropOffs[0]?.label ?? null;
    const abandoned = mine.filter((r) => r.abandonedAt !== undefined).length;
    const completed = mine.filter((r) => r.completed).length;
    return {
      flowId,
      title: names.flow(flowId),
      started: mine.length,
      completed,
      abandoned,
      inProgress: mine.length - completed - abandoned,
      reached: countLabels(mine.flatMap((r) => [...r.nodes])),
      dropOffs,
      dropOffNode,
      dropOffStep: dropOffNode === null ? null : (names.step(flowId, dropOffNode) ?? null),
    };
  });
}

/** Where most runs of a guide stop, as shown: the step's question with its id in brackets, or the id alone when the question is not known. */
export function dropOffName(funnel: FlowFunnel): string | null {
  if (funnel.dropOffNode === null) return null;
  return funnel.dropOffStep ? `"${funnel.dropOffStep}" (${funnel.dropOffNode})` : `"${funnel.dropOffNode}"`;
}
