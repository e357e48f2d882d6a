import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFlowEngine } from '../../src/dialogs/load-flow-engine.ts';
import type { FaqEntry } from '../../src/knowledge/faq-schema.ts';
import { createKnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import { formatLintWarning } from '../../src/knowledge/lint-error.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';
import { dueForReview, isDueForReview, reviewCutoff } from '../../src/knowledge/review-due.ts';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'review-due');

const entry = (id: string, reviewed?: string): FaqEntry => ({
  id,
  title: `Titel ${id}`,
  questions: [id],
  situations: [],
  keywords: [],
  answer: 'Svar.',
  sources: [],
  related: [],
  escalate: false,
  ...(reviewed === undefined ? {} : { reviewed }),
});

describe('when content is due for review', () => {
  it('is due when last reviewed more than 12 calendar months before today (UTC)', () => {
    const now = new Date('2026-12-06T10:00:00Z');
    expect(reviewCutoff(now)).toBe('2025-12-06');
    expect(isDueForReview('2025-12-06', now)).toBe(false);
    expect(isDueForReview('2025-12-05', now)).toBe(true);
    expect(isDueForReview('2026-12-06', now)).toBe(false);
  });

  it('counts 12 months back from a leap day without skipping a day', () => {
    expect(reviewCutoff(new Date('2028-02-29T00:00:00Z'))).toBe('2027-03-01');
  });

  it('lists entries and flows that are due, oldest first, with those without a date before all others', () => {
    const knowledge = createKnowledgeBase(
      [entry('ny', '2026-11-01'), entry('gammel', '2024-05-02'), entry('uden-dato'), entry('aeldre', '2023-01-15')],
      [
        { id: 'guide', title: 'En guide', description: 'D', triggers: ['guide'], reviewed: '2024-01-01' },
        { id: 'frisk-guide', title: 'Frisk guide', description: 'D', triggers: ['frisk'], reviewed: '2026-06-01' },
      ],
    );
    expect(dueForReview(knowledge, new Date('2026-12-06T00:00:00Z'))).toEqual([
      { kind: 'faq', id: 'uden-dato', title: 'Titel uden-dato', reviewed: null },
      { kind: 'faq', id: 'aeldre', title: 'Titel aeldre', reviewed: '2023-01-15' },
      { kind: 'flow', id: 'guide', title: 'En guide', reviewed: '2024-01-01' },
      { kind: 'faq', id: 'gammel', title: 'Titel gammel', reviewed: '2024-05-02' },
    ]);
  });

  it('loads stale knowledge without errors and warns at the line of each reviewed date (clock injected)', async () => {
    const { errors, warnings } = await loadKnowledge(FIXTURE, loadFlowEngine, new Date('2002-06-01T00:00:00Z'));
    expect(errors).toEqual([]);
    expect(warnings.map(formatLintWarning)).toEqual([
      `${join(FIXTURE, 'faq', 'aeldst.yaml')}:4: warning: reviewed: 2000-06-15 is more than 12 months ago; check the claims against the sources and update the date`,
      `${join(FIXTURE, 'faq', 'gammel.yaml')}:4: warning: reviewed: 2001-03-01 is more than 12 months ago; check the claims against the sources and update the date`,
    ]);
    const later = await loadKnowledge(FIXTURE, loadFlowEngine, new Date('2003-01-02T00:00:00Z'));
    expect(later.warnings.map((w) => w.line)).toEqual([4, 4, 7]);
    // on a clock before some of the dates, those dates are in the future: a slip lint points out
    expect((await loadKnowledge(FIXTURE, loadFlowEngine, new Date('2001-01-01T00:00:00Z'))).warnings.map((w) => `${w.line}: ${w.message}`)).toEqual([
      '4: reviewed: 2001-03-01 is after today; write the day the claims were last checked against the sources',
      '7: reviewed: 2002-01-01 is after today; write the day the claims were last checked against the sources',
    ]);
  });
});
