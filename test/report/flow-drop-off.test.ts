import { describe, expect, it } from 'vitest';
import { insightsPageBody } from '../../src/adapters/web/insights-page.ts';
import { buildReport, reportKnowledge } from '../../src/report/build-report.ts';
import { titlesFromTable, titleTableFrom } from '../../src/report/report-in-worker.ts';
import { reportText } from '../../src/report/report-text.ts';
import type { AnalyticsEvent } from '../../src/store/records.ts';
import { loaded } from '../analytics/support/scripted-bot.ts';

const at = new Date('2026-03-02T09:00:00Z');
let n = 0;
const event = (type: string, conversation: string, nodeId: string): AnalyticsEvent => ({
  id: String(++n),
  at,
  type,
  payload: { conversation, flowId: 'platform-choice', nodeId },
});
// two runs stopped at the first question, one after it (the node id is the guide's first step in the knowledge)
const definition = loaded.flows.definitions().find((f) => f.id === 'platform-choice');
const first = definition?.start ?? '';
const node = definition?.nodes[first];
const question = node?.type === 'question' ? (typeof node.prompt === 'string' ? node.prompt : node.prompt.da) : '';
const events = [
  event('flow_started', 'a', first),
  event('flow_stopped', 'a', first),
  event('flow_started', 'b', first),
  event('flow_stopped', 'b', first),
  event('flow_started', 'c', first),
  event('flow_step', 'c', 'other-step'),
  event('flow_stopped', 'c', 'other-step'),
];
const now = new Date('2026-03-02T12:00:00Z');

describe("a guide's drop-off", () => {
  it('is named by the question its step asks, read from the guides’ definitions, with the step id beside it', () => {
    expect(question).not.toBe('');
    const [funnel] = buildReport(events, [], reportKnowledge(loaded.knowledge, loaded.flows.definitions()), now).flows;
    expect(funnel).toMatchObject({ dropOffNode: first, dropOffStep: question });
  });

  it('is printed so in the text report and on the Indsigt page, in both languages', () => {
    const report = buildReport(events, [], reportKnowledge(loaded.knowledge, loaded.flows.definitions()), now);
    expect(reportText(report)).toContain(`; flest falder fra ved "${question}" (${first})\n`);
    const html = (text: string) => text.replaceAll('"', '&quot;');
    expect(insightsPageBody(report, 'da', '')).toContain(html(`Flest falder fra ved "${question}" (${first}).`));
    expect(insightsPageBody(report, 'en', '')).toContain(html(`Most drop off at "${question}" (${first}).`));
  });

  it('reaches the worker through its title table, and falls back to the step id when the definitions were not given', () => {
    const table = titleTableFrom(loaded.knowledge, now, loaded.flows.definitions());
    expect(buildReport(events, [], titlesFromTable(table), now).flows[0]?.dropOffStep).toBe(question);
    const bare = buildReport(events, [], reportKnowledge(loaded.knowledge), now);
    expect(bare.flows[0]).toMatchObject({ dropOffNode: first, dropOffStep: null });
    expect(reportText(bare)).toContain(`; flest falder fra ved "${first}"\n`);
  });
});
