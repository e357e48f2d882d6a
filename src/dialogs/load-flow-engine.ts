import type { FlowSummary } from '../shared/flow-summary.ts';
import type { LintError } from '../knowledge/lint-error.ts';
import { FlowEngine } from './flow-engine.ts';
import { lintFlowContent, lintFlows } from './flow-lint.ts';
import { loadFlows } from './flow-loader.ts';

/** Loads and lints the flows in `dir` and builds their engine (the `FlowLoader` the composition root injects). */
export async function loadFlowEngine(
  dir: string,
): Promise<{ runner: FlowEngine; summaries: FlowSummary[]; errors: LintError[]; fileOf: ReadonlyMap<string, string> }> {
  const { flows, errors, files } = await loadFlows(dir);
  const runner = new FlowEngine(flows);
  return {
    runner,
    summaries: runner.list(),
    errors: [...errors, ...lintFlows(flows, files), ...lintFlowContent(flows, files)],
    fileOf: new Map([...files].map(([id, yaml]) => [id, yaml.file])),
  };
}
