import { describe, expect, it } from 'vitest';
import { insightsPageBody } from '../../src/adapters/web/insights-page.ts';
import { buildReport, reportKnowledge } from '../../src/report/build-report.ts';
import { reportText } from '../../src/report/report-text.ts';
import { createKnowledgeBase } from '../../src/knowledge/knowledge-base.ts';

const empty = buildReport([], [], reportKnowledge(createKnowledgeBase([], [])), new Date('2026-03-03T00:00:00Z'));

describe('a report section with nothing in it', () => {
  it('says so in the text report instead of printing only its heading', () => {
    const lines = reportText(empty).split('\n');
    const after = (heading: string) => lines[lines.findIndex((line) => line.startsWith(heading)) + 1];
    for (const heading of ['Pr. uge:', 'Pr. platform:', 'Mest brugte svar:', 'Ubesvarede spørgsmål', 'Uden for feltet', '"Mente du" (', 'Dårligste feedback:', 'Guides:', 'Henvendelser til konsulent:']) {
      expect(after(heading), heading).toBe('  Ingen data endnu.');
    }
    expect(after('Til gennemgang')).toBe('  Alle svar og guider er kontrolleret inden for de seneste 12 måneder.');
  });

  it('says so on the Indsigt page too, for every section', () => {
    const page = insightsPageBody(empty, 'da', '');
    const sections = [...page.matchAll(/<section aria-labelledby="([^"]+)"><h2[^>]*>[^<]*<\/h2>(.*?)<\/section>/g)];
    expect(sections.length).toBeGreaterThan(8);
    for (const [, id, content] of sections) {
      expect(content, id).toMatch(/^<p>(Ingen data endnu\.|Alle svar og guider er kontrolleret inden for de seneste 12 måneder\.)<\/p>$/);
    }
  });
});
