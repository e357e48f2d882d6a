import type { FlowDefinition } from './flow-schema.ts';
import { enumeratePaths } from './flow-paths.ts';
import { localText } from './local-text.ts';

/** One flow as `some-advisor flows --json` shows it. */
export interface FlowDescription {
  id: string;
  title: string;
  description: string;
  start: string;
  nodes: { id: string; type: 'question' | 'route' | 'outcome'; text: string }[];
  outcomes: { id: string; title: string; escalate: boolean; urgent: boolean }[];
  /** How many different ways through the flow there are (a free-text answer counts as one). */
  paths: number;
  /** Fewest and most questions on a path. */
  shortestPath: number;
  longestPath: number;
}

/** Describes flows for `some-advisor flows --json`: nodes, outcomes and path counts (every path is enumerated). */
export function describeFlows(flows: readonly FlowDefinition[]): FlowDescription[] {
  return flows.map((flow) => {
    const paths = enumeratePaths(flow);
    const lengths = paths.map((p) => p.steps.length);
    return {
      id: flow.id,
      title: localText(flow.title, 'da'),
      description: localText(flow.description, 'da'),
      start: flow.start,
      nodes: Object.entries(flow.nodes).map(([id, node]) => ({
        id,
        type: node.type,
        text: node.type === 'question' ? localText(node.prompt, 'da') : node.type === 'outcome' ? localText(node.title, 'da') : '',
      })),
      outcomes: Object.entries(flow.nodes).flatMap(([id, node]) =>
        node.type === 'outcome'
          ? [{ id, title: localText(node.title, 'da'), escalate: node.escalate !== undefined, urgent: node.escalate?.urgent ?? false }]
          : [],
      ),
      paths: paths.length,
      shortestPath: lengths.length > 0 ? Math.min(...lengths) : 0,
      longestPath: lengths.length > 0 ? Math.max(...lengths) : 0,
    };
  });
}
