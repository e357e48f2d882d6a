import type { Locale } from '../../shared/locale.ts';
import { exportMermaid } from '../../dialogs/flow-mermaid.ts';
import type { FlowDefinition } from '../../dialogs/flow-schema.ts';
import { localText } from '../../dialogs/local-text.ts';
import { flowNodeMessage } from './flow-node-message.ts';
import type { Guide, GuideSource } from './guide.ts';

/** The Mermaid id exportMermaid gives a flow node (a test checks every node appears in the export under this id). */
export function mermaidNodeId(nodeId: string): string {
  return `n_${nodeId.replace(/-/g, '_')}`;
}

const MAX_LABEL = 90;

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_LABEL ? `${flat.slice(0, MAX_LABEL - 1).trimEnd()}…` : flat;
}

/** One flow definition as a Guide: its Mermaid diagram and every node's text. */
export function guideOf(flow: FlowDefinition, locale: Locale): Guide {
  return {
    id: flow.id,
    title: localText(flow.title, locale),
    description: localText(flow.description, locale),
    mermaid: exportMermaid(flow, locale),
    nodes: Object.entries(flow.nodes).map(([id, node]) => ({
      id,
      kind: node.type,
      mermaidId: mermaidNodeId(id),
      label: shorten(node.type === 'question' ? `${id}: ${localText(node.prompt, locale)}` : node.type === 'outcome' ? `${id}: ${localText(node.title, locale)}` : id),
      text: flowNodeMessage(id, node, locale),
    })),
  };
}

/** The guides of the flows `definitions` gives on each call: the live ones, so a reloaded edit shows and a rejected one does not. */
export function liveGuides(definitions: () => readonly FlowDefinition[]): GuideSource {
  return (locale) => definitions().map((flow) => guideOf(flow, locale));
}
