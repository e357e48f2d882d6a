import type { FlowDefinition, FlowNode, LocalText } from './flow-schema.ts';

/** One arrow between two nodes of a flow, with where it is written in the YAML. */
export interface FlowEdge {
  from: string;
  to: string;
  kind: 'choice' | 'input' | 'rule' | 'otherwise';
  /** The choice id for `choice` edges. */
  choiceId?: string;
  /** What the arrow means: the choice label, the rule label, or nothing. */
  label?: LocalText;
  /** The YAML path of the `next`/`otherwise` value (for line numbers). */
  path: PropertyKey[];
}

/** The arrows out of one node; a choice without any `next` gives no arrow (lint reports it). */
export function nodeEdges(flow: FlowDefinition, nodeId: string): FlowEdge[] {
  const node: FlowNode | undefined = flow.nodes[nodeId];
  if (!node) return [];
  const base = ['nodes', nodeId];
  if (node.type === 'outcome') return [];
  if (node.type === 'route') {
    return [
      ...node.rules.map((rule, i): FlowEdge => ({
        from: nodeId, to: rule.next, kind: 'rule', ...(rule.label ? { label: rule.label } : {}),
        path: [...base, 'rules', i, 'next'],
      })),
      { from: nodeId, to: node.otherwise, kind: 'otherwise', path: [...base, 'otherwise'] },
    ];
  }
  const edges: FlowEdge[] = [];
  node.choices.forEach((choice, i) => {
    const to = choice.next ?? node.next;
    if (to === undefined) return;
    const path = choice.next !== undefined ? [...base, 'choices', i, 'next'] : [...base, 'next'];
    edges.push({ from: nodeId, to, kind: 'choice', choiceId: choice.id, label: choice.label, path });
  });
  if (node.input && node.next !== undefined) {
    edges.push({ from: nodeId, to: node.next, kind: 'input', path: [...base, 'next'] });
  }
  return edges;
}

/** Every arrow of the flow. */
export function allEdges(flow: FlowDefinition): FlowEdge[] {
  return Object.keys(flow.nodes).flatMap((id) => nodeEdges(flow, id));
}

/** The node ids reachable from `start` (including it, when it exists). */
export function reachableFrom(flow: FlowDefinition, start: string): Set<string> {
  const seen = new Set<string>();
  const stack = [start];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (seen.has(id) || !flow.nodes[id]) continue;
    seen.add(id);
    for (const edge of nodeEdges(flow, id)) stack.push(edge.to);
  }
  return seen;
}

/** The node ids from which some path leads to an outcome. */
export function nodesReachingOutcome(flow: FlowDefinition): Set<string> {
  const incoming = new Map<string, string[]>();
  for (const edge of allEdges(flow)) incoming.set(edge.to, [...(incoming.get(edge.to) ?? []), edge.from]);
  const good = new Set<string>();
  const stack = Object.entries(flow.nodes).filter(([, n]) => n.type === 'outcome').map(([id]) => id);
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (good.has(id)) continue;
    good.add(id);
    stack.push(...(incoming.get(id) ?? []));
  }
  return good;
}

/** Each cycle found by depth-first search, as the node ids along it (first id repeated at the end). */
export function findCycles(flow: FlowDefinition): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const cycles: string[][] = [];
  const visit = (id: string, trail: string[]): void => {
    state.set(id, 'open');
    const path = [...trail, id];
    for (const edge of nodeEdges(flow, id)) {
      if (!flow.nodes[edge.to]) continue;
      const seen = state.get(edge.to);
      if (seen === 'open') cycles.push([...path.slice(path.indexOf(edge.to)), edge.to]);
      else if (seen === undefined) visit(edge.to, path);
    }
    state.set(id, 'done');
  };
  for (const id of Object.keys(flow.nodes)) if (!state.has(id)) visit(id, []);
  return cycles;
}

/**
 * For each node, the largest number of questions on a path from it to an outcome (counting the node itself when it is
 * a question). Arrows that close a cycle are ignored, so the estimate always terminates.
 */
export function longestQuestionCounts(flow: FlowDefinition): Map<string, number> {
  return questionCounts(flow, (counts) => Math.max(...counts));
}

/** For each node, the smallest number of questions on a path from it to an outcome (as `longestQuestionCounts`). */
export function shortestQuestionCounts(flow: FlowDefinition): Map<string, number> {
  return questionCounts(flow, (counts) => Math.min(...counts));
}

/** Questions from each node to an outcome, combining the counts of the nodes it leads to with `combine`. */
function questionCounts(flow: FlowDefinition, combine: (counts: number[]) => number): Map<string, number> {
  const memo = new Map<string, number>();
  const onStack = new Set<string>();
  const count = (id: string): number | undefined => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    const node = flow.nodes[id];
    if (!node || onStack.has(id)) return undefined;
    onStack.add(id);
    const rest = nodeEdges(flow, id).flatMap((e) => count(e.to) ?? []);
    onStack.delete(id);
    const value = (rest.length > 0 ? combine(rest) : 0) + (node.type === 'question' ? 1 : 0);
    memo.set(id, value);
    return value;
  };
  for (const id of Object.keys(flow.nodes)) count(id);
  return memo;
}
