import { describe, expect, it } from 'vitest';
import { insightsPageBody } from '../../src/adapters/web/insights-page.ts';
import { buildReport, reportKnowledge } from '../../src/report/build-report.ts';
import { reportText } from '../../src/report/report-text.ts';
import { createKnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import type { AnalyticsEvent } from '../../src/store/records.ts';

const at = new Date('2026-03-02T09:00:00Z');
const noAnswer = (i: number, text: string): AnalyticsEvent => ({ id: String(i), at, type: 'no_answer', payload: { text, conversation: `c${i}` } });
const report = buildReport(
  [
    noAnswer(1, 'Hvornår tømmes skraldespanden?'),
    noAnswer(2, 'skraldespanden tømmes ikke'),
    noAnswer(3, 'tømmer I skraldespande om lørdagen'),
    noAnswer(4, 'må vi slå kommentarerne fra'),
    noAnswer(5, 'kan man slå kommentarer fra'),
    noAnswer(6, 'hvad gør vi'),
  ],
  [],
  reportKnowledge(createKnowledgeBase([], [])),
  at,
);

describe('the labels of the unanswered groups', () => {
  it('are the words people wrote (each term’s most common form), not the search’s stems, beside the stems in the JSON', () => {
    expect(report.unansweredGroups.map((g) => [g.count, g.terms, g.labels])).toEqual([
      [3, ['skraldespand', 'toem'], ['skraldespanden', 'tømmes']],
      // a particle verb keeps its particle; on a tie the form seen first wins
      [2, ['kommentar', 'slaafra'], ['kommentarerne', 'slå fra']],
      [1, [], []],
    ]);
    expect(JSON.parse(JSON.stringify(report)).unansweredGroups[0].labels).toEqual(['skraldespanden', 'tømmes']);
  });

  it('are printed in the text report and on the Indsigt page', () => {
    const text = reportText(report);
    expect(text).toContain('  3× [skraldespanden, tømmes]\n      "Hvornår tømmes skraldespanden?"');
    expect(text).not.toContain('toem');
    expect(text).toContain('  1× (ingen fælles ord)\n      "hvad gør vi"');
    const page = insightsPageBody(report, 'da', '');
    expect(page).toContain('<strong>3×</strong> skraldespanden, tømmes<ul>');
    expect(page).not.toContain('toem');
  });
});
