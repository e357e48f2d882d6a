import { describe, expect, it } from 'vitest';
import type { DocumentKind, IndexHit } from '../../src/knowledge/search-document.ts';
import type { RankedSearch } from '../../src/knowledge/search-index.ts';
import { createKnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import { confidentThreshold, decide, DEFAULT_THRESHOLDS, type SearchThresholds } from '../../src/knowledge/search-policy.ts';

const hit = (kind: DocumentKind, id: string, score: number): IndexHit => ({ id, kind, score });
const ranked = (...hits: IndexHit[]): RankedSearch => ({ hits, queryTerms: 2, outsideShare: 0 });

/** Thresholds whose arithmetic is exact in binary floating point. */
const EXACT: SearchThresholds = { confident: 0.5, shortQuery: 4, perExtraTerm: 0.0625, confidentFloor: 0.375, margin: 0.125, suggest: 0.25, outsideLead: 0.25, outsideDoubt: 0.5, outsideMargin: 0.25 };

describe('the search decision', () => {
  it('does not answer when an out-of-scope area is the top hit, and names the area', () => {
    const outcome = decide(ranked(hit('outside', 'it-support', 0.8), hit('faq', 'slette-kommentarer', 0.3), hit('outside', 'borgerservice', 0.2), hit('flow', 'shitstorm', 0.1)));
    expect(outcome).toEqual({
      decision: 'none',
      confident: false,
      outside: 'it-support',
      results: [hit('faq', 'slette-kommentarer', 0.3), hit('flow', 'shitstorm', 0.1)],
    });
  });

  it('offers an entry close behind an out-of-scope top hit instead of turning the question away', () => {
    // lead (0.5 - 0.375) / 0.5 = 0.25: exactly outsideLead, so the area wins
    const clear = decide(ranked(hit('outside', 'smalltalk', 0.5), hit('faq', 'slette-kommentarer', 0.375)), EXACT);
    expect(clear).toMatchObject({ decision: 'none', outside: 'smalltalk' });
    // lead (0.5 - 0.4375) / 0.5 = 0.125 < 0.25: contested, so the entry is suggested
    const contested = decide(ranked(hit('outside', 'smalltalk', 0.5), hit('faq', 'slette-kommentarer', 0.4375)), EXACT);
    expect(contested).toEqual({ decision: 'suggest', confident: false, results: [hit('faq', 'slette-kommentarer', 0.4375)] });
    // an entry below the suggest threshold never contests
    expect(decide(ranked(hit('outside', 'smalltalk', 0.26), hit('faq', 'slette-kommentarer', 0.24)), EXACT)).toMatchObject({ decision: 'none', outside: 'smalltalk' });
  });

  it('answers a clear lead and leaves out-of-scope hits out of the results', () => {
    const outcome = decide(ranked(hit('faq', 'a', 0.8), hit('outside', 'it-support', 0.4), hit('flow', 'b', 0.3)));
    expect(outcome).toEqual({ decision: 'answer', confident: true, results: [hit('faq', 'a', 0.8), hit('flow', 'b', 0.3)] });
    expect(outcome).not.toHaveProperty('outside');
  });

  it('counts an out-of-scope hit as the runner-up when measuring the lead', () => {
    const outcome = decide(ranked(hit('faq', 'a', 0.5), hit('outside', 'it-support', 0.46875), hit('faq', 'b', 0.1)), EXACT);
    expect(outcome.decision).toBe('suggest');
    expect(outcome.confident).toBe(false);
    expect(outcome.outside).toBeUndefined();
    expect(outcome.results.map((h) => h.id)).toEqual(['a', 'b']);
    // without the out-of-scope runner-up the same entry leads clearly
    expect(decide(ranked(hit('faq', 'a', 0.5), hit('faq', 'b', 0.1)), EXACT).decision).toBe('answer');
  });

  it('measures the lead over another topic: an entry next to the guide it offers is answered', () => {
    const offers = new Map([['kritiske-borgere', 'critical-citizen']]);
    const tied = ranked(hit('faq', 'kritiske-borgere', 0.5), hit('flow', 'critical-citizen', 0.5), hit('faq', 'svartider', 0.25));
    expect(decide(tied, EXACT, offers).decision).toBe('answer');
    // the same the other way round: the guide leads, its entry is close behind
    const flowFirst = ranked(hit('flow', 'critical-citizen', 0.5), hit('faq', 'kritiske-borgere', 0.5), hit('faq', 'svartider', 0.25));
    expect(decide(flowFirst, EXACT, offers)).toMatchObject({ decision: 'answer', confident: true });
    // another topic close behind still makes it a suggestion
    const contested = ranked(hit('faq', 'kritiske-borgere', 0.5), hit('flow', 'critical-citizen', 0.5), hit('faq', 'svartider', 0.46875));
    expect(decide(contested, EXACT, offers).decision).toBe('suggest');
    // a guide the entry does not offer is another topic
    expect(decide(tied, EXACT, new Map()).decision).toBe('suggest');
  });

  it('measures the lead relative to the top score, inclusive at the margin', () => {
    // lead 0.0625 / 0.5 = 0.125: exactly the margin (an absolute lead of 0.0625 would be below it)
    expect(decide(ranked(hit('faq', 'a', 0.5), hit('faq', 'b', 0.4375)), EXACT).decision).toBe('answer');
    // lead 0.125 / 1 = 0.125 again, at another scale
    expect(decide(ranked(hit('faq', 'a', 1), hit('faq', 'b', 0.875)), EXACT).decision).toBe('answer');
    // lead 0.0625 / 1 = 0.0625: below the margin
    expect(decide(ranked(hit('faq', 'a', 1), hit('faq', 'b', 0.9375)), EXACT).decision).toBe('suggest');
  });

  it('lowers the confident threshold for long questions, down to its floor', () => {
    expect(confidentThreshold(0, EXACT)).toBe(0.5);
    expect(confidentThreshold(4, EXACT)).toBe(0.5);
    expect(confidentThreshold(5, EXACT)).toBe(0.4375);
    expect(confidentThreshold(6, EXACT)).toBe(0.375);
    expect(confidentThreshold(20, EXACT)).toBe(0.375);
    // the same top score is answered in a long question and only suggested in a short one
    const top = [hit('faq', 'a', 0.4375), hit('faq', 'b', 0.1)];
    expect(decide({ hits: top, queryTerms: 5, outsideShare: 0 }, EXACT).decision).toBe('answer');
    expect(decide({ hits: top, queryTerms: 4, outsideShare: 0 }, EXACT).decision).toBe('suggest');
  });

  it('offers a clear top entry instead of answering it when the topic model reads the question as out of scope', () => {
    const top = [hit('faq', 'hacket-profil', 1), hit('faq', 'b', 0.25)];
    // outsideDoubt is inclusive: up to it the entry is answered, above it offered
    expect(decide({ hits: top, queryTerms: 2, outsideShare: 0.5 }, EXACT)).toMatchObject({ decision: 'answer', confident: true });
    expect(decide({ hits: top, queryTerms: 2, outsideShare: 0.625 }, EXACT)).toEqual({ decision: 'suggest', confident: false, outsideDoubt: true, results: top });
    // a "Mente du …?" for a close second is not out-of-field doubt, whatever the share
    expect(decide({ hits: [hit('faq', 'a', 1), hit('faq', 'b', 0.9375)], queryTerms: 2, outsideShare: 0.625 }, EXACT)).toEqual({
      decision: 'suggest',
      confident: false,
      results: [hit('faq', 'a', 1), hit('faq', 'b', 0.9375)],
    });
  });

  it('offers a clear top entry instead of answering it when an out-of-scope area is close behind it', () => {
    // lead over the area (1 - 0.75) / 1 = 0.25: exactly outsideMargin, so the entry is answered; closer, it is offered
    const clear = [hit('faq', 'a', 1), hit('outside', 'privat-fritid', 0.75), hit('faq', 'b', 0.5)];
    expect(decide({ hits: clear, queryTerms: 2, outsideShare: 0 }, EXACT)).toMatchObject({ decision: 'answer', confident: true });
    const close = [hit('faq', 'a', 1), hit('outside', 'privat-fritid', 0.8125), hit('faq', 'b', 0.5)];
    expect(decide({ hits: close, queryTerms: 2, outsideShare: 0 }, EXACT)).toEqual({
      decision: 'suggest',
      confident: false,
      outsideDoubt: true,
      results: [hit('faq', 'a', 1), hit('faq', 'b', 0.5)],
    });
    // another entry as close is only a lead of 0.1875 over it, enough for the entry margin
    expect(decide({ hits: [hit('faq', 'a', 1), hit('faq', 'b', 0.8125)], queryTerms: 2, outsideShare: 0 }, EXACT).decision).toBe('answer');
  });

  it('answers only from the confident threshold up, inclusive', () => {
    expect(decide(ranked(hit('faq', 'a', 0.5)), EXACT)).toMatchObject({ decision: 'answer', confident: true });
    expect(decide(ranked(hit('faq', 'a', 0.4375)), EXACT)).toMatchObject({ decision: 'suggest', confident: false });
  });

  it('suggests from the suggest threshold up and has nothing below it', () => {
    expect(decide(ranked(hit('flow', 'a', 0.25)), EXACT)).toMatchObject({ decision: 'suggest', confident: false });
    const none = decide(ranked(hit('flow', 'a', 0.125)), EXACT);
    expect(none).toEqual({ decision: 'none', confident: false, results: [hit('flow', 'a', 0.125)] });
  });

  it('has nothing to say about no hits', () => {
    expect(decide(ranked())).toEqual({ decision: 'none', confident: false, results: [] });
  });

  it('uses the default thresholds when none are given', () => {
    const { confident, suggest } = DEFAULT_THRESHOLDS;
    expect(decide(ranked(hit('faq', 'a', confident))).decision).toBe('answer');
    expect(decide(ranked(hit('faq', 'a', confident - 0.01))).decision).toBe('suggest');
    expect(decide(ranked(hit('faq', 'a', suggest - 0.01))).decision).toBe('none');
    expect(decide(ranked(hit('faq', 'a', 0.9), hit('faq', 'b', 0.9 * (1 - DEFAULT_THRESHOLDS.margin / 2)))).decision).toBe('suggest');
  });

  it('is confident exactly when it answers', () => {
    const cases = [
      ranked(hit('faq', 'a', 0.9)),
      ranked(hit('faq', 'a', 0.9), hit('faq', 'b', 0.89)),
      ranked(hit('outside', 'x', 0.9)),
      ranked(hit('faq', 'a', 0.2)),
      ranked(),
    ];
    for (const c of cases) {
      const outcome = decide(c);
      expect(outcome.confident).toBe(outcome.decision === 'answer');
    }
  });
});

describe('the knowledge base decision', () => {
  it('answers an entry asked exactly like the guide it offers (the guide is one topic with it)', () => {
    const guide = { id: 'critical-citizen', title: 'Svar en kritisk borger', description: 'Trin for trin.', triggers: ['hvordan svarer vi en vred borger'] };
    const entry = (flow?: string) => ({
      id: 'kritiske-borgere',
      title: 'Svar en kritisk borger',
      questions: ['hvordan svarer vi en vred borger'],
      situations: [],
      keywords: [],
      answer: 'Svar sagligt.',
      sources: [],
      related: [],
      escalate: false,
      ...(flow ? { flow } : {}),
    });
    const question = 'hvordan svarer vi en vred borger';
    // (a guide the entry does not offer is another topic: see "measures the lead over another topic" above)
    const outcome = createKnowledgeBase([entry('critical-citizen')], [guide]).search(question);
    expect(outcome).toMatchObject({ decision: 'answer', confident: true });
    expect(outcome.results.map((h) => h.id)).toEqual(['kritiske-borgere', 'critical-citizen']);
  });
});
