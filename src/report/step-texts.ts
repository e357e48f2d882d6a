/** What the report reads of a guide's definition (the flow engine's definitions fit it): each step's question. */
export interface FlowPrompts {
  id: string;
  nodes: Readonly<Record<string, { type: string; prompt?: string | { da: string } }>>;
}

/** The question each guide's steps ask, by flow id and step id, as plain data (a worker can be given it). */
export type StepTexts = Record<string, Record<string, string>>;

/** The Danish question of every question step of the guides, on one line. */
export function stepTexts(flows: readonly FlowPrompts[]): StepTexts {
  return Object.fromEntries(
    flows.map((flow) => [
      flow.id,
      Object.fromEntries(
        Object.entries(flow.nodes).flatMap(([nodeId, node]) => {
          const prompt = typeof node.prompt === 'string' ? node.prompt : node.prompt?.da;
          return prompt ? [[nodeId, prompt.replace(/\s+/g, ' ').trim()]] : [];
        }),
      ),
    ]),
  );
}

/** Looks a step's question up in a table; undefined for a guide or step not in it. */
export function stepLookup(table: StepTexts): (flowId: string, nodeId: string) => string | undefined {
  return (flowId, nodeId) => {
    const steps = Object.hasOwn(table, flowId) ? table[flowId] : undefined;
    return steps && Object.hasOwn(steps, nodeId) ? steps[nodeId] : undefined;
  };
}
