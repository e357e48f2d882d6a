import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFlows } from '../../src/dialogs/flow-loader.ts';
import { formatLintError } from '../../src/knowledge/lint-error.ts';
import { BROKEN_DIR, FLOWS_DIR } from './support.ts';

describe('loadFlows', () => {
  it('loads the four shipped flows without errors, one per file named by its id', async () => {
    const { flows, errors, files } = await loadFlows(FLOWS_DIR);
    expect(errors).toEqual([]);
    expect(flows.map((f) => f.id).sort()).toEqual(['crisis', 'critical-citizen', 'platform-choice', 'strategy']);
    for (const flow of flows) expect(files.get(flow.id)?.file).toBe(join(FLOWS_DIR, `${flow.id}.yaml`));
  });

  it('reports every broken fixture as file:line: field: message and loads none of them', async () => {
    const { flows, errors } = await loadFlows(BROKEN_DIR);
    expect(flows).toEqual([]);
    const lines = errors.map((e) => formatLintError({ ...e, file: e.file.slice(BROKEN_DIR.length + 1) }));
    expect(lines).toEqual([
      'bad-label.yaml:15: nodes.q.choices.1.label: must be text, or { da: …, en: … } with Danish and optional English (quote text that contains ": ")',
      'bad-label.yaml:16: nodes.q.choices.1.set.9lives: invalid key: variable names start with a letter and use letters, digits and _',
      'bad-node-type.yaml:12: nodes.odd.type: each node needs type: question, route or outcome',
      'bad-syntax.yaml:5: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ] — a list written in [ ] must end with ] on the same line',
      'empty-question.yaml:8: nodes.q: a question needs choices or an input (free text)',
      'empty-question.yaml:15: nodes.done.escalate.urgent: write true or false',
      'missing-prompt.yaml:8: nodes.q.prompt: is required',
      'wrong-id.yaml:3: id: "some-other-id" must match the file name "wrong-id"',
    ]);
  });

  it('reports a missing folder as an error that names it and says what to do', async () => {
    const dir = join(BROKEN_DIR, 'does-not-exist');
    const { flows, errors } = await loadFlows(dir);
    expect(flows).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.file).toBe(dir);
    expect(errors[0]?.message).toMatch(/there is no flows folder at .*set KNOWLEDGE_DIR/);
  });
});
