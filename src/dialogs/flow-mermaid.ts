import type { Locale } from '../shared/locale.ts';
import { allEdges } from './flow-graph.ts';
import type { FlowDefinition, FlowNode } from './flow-schema.ts';
import { localText } from './local-text.ts';

const MAX_LABEL = 48;

/** A Mermaid node id for a flow node id (prefixed, so ids such as `end` cannot clash with Mermaid keywords). */
function mermaidId(nodeId: string): string {
  return `n_${nodeId.replace(/-/g, '_')}`;
}

/** Shortens and quotes a label; quotes, #, |, <, > and backticks become Mermaid entity codes. */
export function mermaidLabel(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const short = flat.length > MAX_LABEL ? `${flat.slice(0, MAX_LABEL - 1).trimEnd()}…` : flat;
  return `"${short.replace(/["#|<>`]/g, (ch) => `#${ch.charCodeAt(0)};`)}"`;
}

function nodeLine(id: string, node: FlowNode, locale: Locale): string {
  const mid = mermaidId(id);
  if (node.type === 'question') return `  ${mid}[${mermaidLabel(`${id}: ${localText(node.prompt, locale)}`)}]`;
  if (node.type === 'route') return `  ${mid}{${mermaidLabel(id)}}`;
  return `  ${mid}([${mermaidLabel(`${id}: ${localText(node.title, locale)}`)}])`;
}

/** A Mermaid flowchart (top-down) of a flow: questions as boxes, rules as diamonds, outcomes as rounded ends. */
export function exportMermaid(flow: FlowDefinition, locale: Locale = 'da'): string {
  const lines = ['flowchart TD'];
  for (const [id, node] of Object.entries(flow.nodes)) lines.push(nodeLine(id, node, locale));
  for (const edge of allEdges(flow)) {
    if (!flow.nodes[edge.to]) continue;
    const label =
      edge.kind === 'input' ? (locale === 'en' ? 'free text' : 'fritekst')
        : edge.kind === 'otherwise' ? (locale === 'en' ? 'otherwise' : 'ellers')
          : edge.label !== undefined ? localText(edge.label, locale)
            : undefined;
    lines.push(`  ${mermaidId(edge.from)} -->${label ? `|${mermaidLabel(label)}|` : ''} ${mermaidId(edge.to)}`);
  }
  const outcomes = Object.entries(flow.nodes).filter(([, n]) => n.type === 'outcome').map(([id]) => mermaidId(id));
  const urgent = Object.entries(flow.nodes).filter(([, n]) => n.type === 'outcome' && n.escalate?.urgent).map(([id]) => mermaidId(id));
  lines.push('  classDef outcome fill:#e8f5e9,stroke:#2e7d32', '  classDef urgent fill:#ffebee,stroke:#c62828');
  if (outcomes.length > 0) lines.push(`  class ${outcomes.join(',')} outcome`);
  if (urgent.length > 0) lines.push(`  class ${urgent.join(',')} urgent`);
  lines.push(`  style ${mermaidId(flow.start)} stroke-width:3px`);
  return `${lines.join('\n')}\n`;
}
