import { describe, expect, it } from 'vitest';
import { insightsPageBody } from '../../src/adapters/web/insights-page.ts';
import { buildReport, reportKnowledge } from '../../src/report/build-report.ts';
import { reportText } from '../../src/report/report-text.ts';
import { createKnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import type { AnalyticsEvent } from '../../src/store/records.ts';

const at = new Date('2026-03-02T09:00:00Z');
const noAnswer = (i: number, text: string, outside?: string): AnalyticsEvent => ({
  id: String(i),
  at,
  type: 'no_answer',
  payload: { text, conversation: `c${i}`, ...(outside ? { outside } : {}) },
});

const knowledge = createKnowledgeBase([], [], {
  outside: [
    { id: 'borgerservice', title: 'Borgerservice og selvbetjening', hint: 'Spørg borgerservice.', hint_en: 'Ask the citizen service.', questions: ['hvordan fornyer jeg mit pas'], keywords: [] },
    { id: 'smalltalk', title: 'Smalltalk', hint: 'Hej!', hint_en: 'Hi!', questions: ['hvordan går det'], keywords: [] },
  ],
});

const events: AnalyticsEvent[] = [
  noAnswer(1, 'hvordan fornyer jeg mit pas', 'borgerservice'),
  noAnswer(2, 'hvordan går det', 'smalltalk'),
  noAnswer(3, 'pas fornyelse pris', 'borgerservice'),
  noAnswer(4, 'opskrift på æblekage'),
  noAnswer(5, 'mit kørekort er udløbet', 'borgerservice'),
  noAnswer(6, 'hvad med det gamle område', 'fjernet-omraade'),
  { id: '7', at, type: 'question_asked', payload: { text: 'x', outside: 'smalltalk', decision: 'none' } },
];

describe('the report section "Uden for feltet"', () => {
  const report = buildReport(events, [], reportKnowledge(knowledge), new Date('2026-03-03T00:00:00Z'));

  it('counts no_answer events per out-of-scope area, most first, titled from the knowledge base (id when the area is gone)', () => {
    expect(report.outsideAreas).toEqual([
      { id: 'borgerservice', title: 'Borgerservice og selvbetjening', count: 3 },
      { id: 'fjernet-omraade', title: 'fjernet-omraade', count: 1 },
      { id: 'smalltalk', title: 'Smalltalk', count: 1 },
    ]);
  });

  it('leaves the questions an area turned away out of the unanswered groups (they are no candidates for new entries)', () => {
    expect(report.unansweredGroups.flatMap((g) => g.examples)).toEqual(['opskrift på æblekage']);
    expect(report.unansweredGroups.reduce((sum, g) => sum + g.count, 0)).toBe(1);
  });

  it('says in the summary how many of the unanswered questions were outside the field, as text, JSON and on the page', () => {
    const asked = (i: number, decision: string): AnalyticsEvent => ({ id: `q${i}`, at, type: 'question_asked', payload: { decision, conversation: `c${i}` } });
    const summary = buildReport([asked(1, 'none'), asked(2, 'none'), asked(3, 'answer'), ...events.slice(0, 2)], [], reportKnowledge(knowledge), at);
    expect(summary.questions).toMatchObject({ total: 3, answered: 1, unanswered: 2, outside: 2 });
    expect(reportText(summary)).toContain('Spørgsmål: 3 (besvaret 1, "Mente du" 0, ubesvaret 2, heraf uden for feltet 2)');
    expect(insightsPageBody(summary, 'da', '')).toContain('3 spørgsmål: 1 besvaret, 0 med &quot;Mente du&quot;, 2 ubesvaret (heraf 2 uden for feltet).');
    expect(insightsPageBody(summary, 'en', '')).toContain('3 questions: 1 answered, 0 with &quot;Did you mean&quot;, 2 unanswered (2 of them outside the field).');
  });

  it('is empty without out-of-scope answers, and in the JSON', () => {
    const empty = buildReport([noAnswer(1, 'opskrift på æblekage')], [], reportKnowledge(knowledge), at);
    expect(empty.outsideAreas).toEqual([]);
    expect(JSON.parse(JSON.stringify(report)).outsideAreas).toEqual(report.outsideAreas);
  });

  it('is printed in the text report after the unanswered groups', () => {
    const text = reportText(report);
    expect(text).toContain('Uden for feltet');
    expect(text).toContain('  3× Borgerservice og selvbetjening (borgerservice)\n  1× fjernet-omraade (fjernet-omraade)\n  1× Smalltalk (smalltalk)\n');
    expect(text.indexOf('Uden for feltet')).toBeGreaterThan(text.indexOf('Ubesvarede spørgsmål'));
    expect(text.indexOf('Uden for feltet')).toBeLessThan(text.indexOf('Dårligste feedback'));
  });

  it('is drawn on the Indsigt page in Danish and English', () => {
    const da = insightsPageBody(report, 'da', '');
    expect(da).toContain('<h2 id="outside">Uden for feltet</h2>');
    expect(da).toContain('Borgerservice og selvbetjening: 3');
    const en = insightsPageBody(report, 'en', '');
    expect(en).toContain('<h2 id="outside">Outside the field</h2>');
    const none = insightsPageBody(buildReport([], [], reportKnowledge(knowledge), at), 'en', '');
    expect(none).toMatch(/<h2 id="outside">Outside the field<\/h2><p>No data yet\.<\/p>/);
  });
});
