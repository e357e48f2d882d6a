import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeFlows } from '../../src/dialogs/describe-flows.ts';
import { allEdges } from '../../src/dialogs/flow-graph.ts';
import { exportMermaid, mermaidLabel } from '../../src/dialogs/flow-mermaid.ts';
import { flowFromYaml, shippedFlows } from './support.ts';

const flows = await shippedFlows();
const MERMAID_JS = fileURLToPath(new URL('../../node_modules/mermaid/dist/mermaid.min.js', import.meta.url));

describe('exportMermaid', () => {
  it.each(flows.map((f) => [f.id, f] as const))('%s: a top-down flowchart with every node and arrow', (_id, flow) => {
    const chart = exportMermaid(flow);
    const lines = chart.trimEnd().split('\n');
    expect(lines[0]).toBe('flowchart TD');
    for (const id of Object.keys(flow.nodes)) {
      expect(lines.filter((l) => new RegExp(`^  n_${id.replace(/-/g, '_')}[[({]`).test(l))).toHaveLength(1);
    }
    expect(lines.filter((l) => l.includes(' --> ') || l.includes(' -->|'))).toHaveLength(allEdges(flow).length);
    // Every quoted label is closed on its own line and contains no raw quote.
    for (const line of lines) expect((line.match(/"/g) ?? []).length % 2).toBe(0);
    expect(chart).toContain(`style n_${flow.start.replace(/-/g, '_')} stroke-width:3px`);
  });

  it('quotes and escapes labels, shortens long ones and prefixes node ids', () => {
    expect(mermaidLabel('Say "hi" #1 | <b> `x`')).toBe('"Say #34;hi#34; #35;1 #124; #60;b#62; #96;x#96;"');
    expect(mermaidLabel(`${'a'.repeat(60)}\nb`)).toBe(`"${'a'.repeat(47)}…"`);
    const { flow } = flowFromYaml(`id: t
title: T
description: D
triggers: [t]
start: end
nodes:
  end:
    type: question
    prompt: 'Is "end" a keyword?'
    choices:
      - { id: a, label: 'Yes | "quoted"', next: done }
      - { id: b, label: No, next: done }
  done: { type: outcome, title: Done, advice: Done, escalate: { urgent: true } }
`);
    expect(exportMermaid(flow)).toBe(`flowchart TD
  n_end["end: Is #34;end#34; a keyword?"]
  n_done(["done: Done"])
  n_end -->|"Yes #124; #34;quoted#34;"| n_done
  n_end -->|"No"| n_done
  classDef outcome fill:#e8f5e9,stroke:#2e7d32
  classDef urgent fill:#ffebee,stroke:#c62828
  class n_done outcome
  class n_done urgent
  style n_end stroke-width:3px
`);
  });
});

describe('exportMermaid output in the real Mermaid parser (Chromium)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('parses and renders every shipped flow', async () => {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ path: MERMAID_JS });
    for (const flow of flows) {
      const result = await page.evaluate(async ([id, chart]) => {
        const mermaid = (window as unknown as { mermaid: { initialize(c: object): void; parse(t: string): Promise<unknown>; render(id: string, t: string): Promise<{ svg: string }> } }).mermaid;
        mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
        try {
          await mermaid.parse(chart);
          const { svg } = await mermaid.render(`chart-${id}`, chart);
          return { ok: true, svg: svg.length };
        } catch (error) {
          return { ok: false, error: String(error) };
        }
      }, [flow.id, exportMermaid(flow)] as const);
      expect(result, flow.id).toMatchObject({ ok: true });
    }
    await page.close();
  });
});

describe('describeFlows', () => {
  it('gives id, title, nodes, outcomes and path counts for each flow', () => {
    const [crisis] = describeFlows(flows.filter((f) => f.id === 'crisis'));
    expect(crisis).toMatchObject({ id: 'crisis', title: 'Shitstorm – de første skridt', start: 'cause', paths: 287, shortestPath: 1, longestPath: 6 });
    expect(crisis?.nodes.find((n) => n.id === 'pick-outcome')).toEqual({ id: 'pick-outcome', type: 'route', text: '' });
    expect(crisis?.outcomes.map((o) => o.id)).toEqual(['own-mistake', 'decision', 'rumour', 'employee', 'external', 'danger', 'data-exposed']);
    expect(crisis?.outcomes.every((o) => o.escalate && o.urgent)).toBe(true);
  });
});
