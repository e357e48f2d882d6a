import { join } from 'node:path';
import { describeFlows } from '../dialogs/describe-flows.ts';
import { loadFlows } from '../dialogs/flow-loader.ts';
import { exportMermaid } from '../dialogs/flow-mermaid.ts';
import { formatLintError } from '../knowledge/lint-error.ts';

/** Options of `some-advisor flows`. */
export interface FlowsOptions {
  json: boolean;
  /** Print the Mermaid flowchart of this flow instead of the list. */
  mermaid?: string;
}

/**
 * `some-advisor flows [--json] [--mermaid ID]`: lists the guided flows (with `--json`: id, title, nodes, outcomes and
 * number of paths) or prints one as a Mermaid flowchart. Returns the exit code.
 */
export async function runFlows(
  knowledgeDir: string,
  options: FlowsOptions,
  output: NodeJS.WritableStream,
  errorOutput: NodeJS.WritableStream,
): Promise<number> {
  const dir = join(knowledgeDir, 'flows');
  const { flows, errors } = await loadFlows(dir);
  if (errors.length > 0) {
    errorOutput.write(`${errors.map(formatLintError).join('\n')}\nThe flows in ${dir} have ${errors.length} error(s); fix them (some-advisor lint) and try again.\n`);
    return 1;
  }
  if (options.mermaid !== undefined) {
    const flow = flows.find((f) => f.id === options.mermaid);
    if (!flow) {
      errorOutput.write(`No flow has the id "${options.mermaid}". Known flows: ${flows.map((f) => f.id).join(', ') || '(none)'}.\n`);
      return 2;
    }
    output.write(exportMermaid(flow));
    return 0;
  }
  const described = describeFlows(flows);
  if (options.json) {
    output.write(`${JSON.stringify(described)}\n`);
    return 0;
  }
  const lines = described.map((d) => {
    const questions = d.shortestPath === d.longestPath ? `${d.longestPath}` : `${d.shortestPath}–${d.longestPath}`;
    return `${d.id}  ${d.title}\n    ${questions} questions, ${d.outcomes.length} outcome(s), ${d.paths} paths`;
  });
  output.write(`${lines.join('\n')}\n`);
  return 0;
}
