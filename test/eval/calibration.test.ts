import { describe, expect, it } from 'vitest';
import { pooledTally, tally, targetsMissed, thresholdGrid, utility, type CalibrationCase } from '../../eval/calibration.ts';
import type { DocumentKind } from '../../src/knowledge/search-document.ts';
import { DEFAULT_THRESHOLDS, type SearchThresholds } from '../../src/knowledge/search-policy.ts';

const hits = (...scored: [DocumentKind, string, number][]) => scored.map(([kind, id, score]) => ({ kind, id, score }));
/** Answers from 0.5 up with a lead of at least 0.25; arithmetic exact in binary floating point. */
const THRESHOLDS: SearchThresholds = { confident: 0.5, shortQuery: 4, perExtraTerm: 0, confidentFloor: 0.5, margin: 0.25, suggest: 0.25, outsideLead: 0.25, outsideDoubt: 1, outsideMargin: 0 };

describe('calibration', () => {
  it('counts confident right and wrong answers, top-1 and out-of-domain questions answered', () => {
    const cases: CalibrationCase[] = [
      { label: 'a', ranked: { hits: hits(['faq', 'a', 1], ['faq', 'b', 0.5]), queryTerms: 2, outsideShare: 0 } }, // confident, right
      { label: 'b', ranked: { hits: hits(['faq', 'a', 1], ['faq', 'b', 0.5]), queryTerms: 2, outsideShare: 0 } }, // confident, wrong
      { label: 'b', ranked: { hits: hits(['faq', 'b', 1], ['faq', 'a', 0.875]), queryTerms: 2, outsideShare: 0 } }, // right, asked back
      { label: null, ranked: { hits: hits(['faq', 'a', 1]), queryTerms: 2, outsideShare: 0 } }, // out of domain, answered
      { label: null, ranked: { hits: hits(['outside', 'it-support', 1], ['faq', 'a', 0.5]), queryTerms: 2, outsideShare: 0 } }, // turned away
    ];
    expect(tally(cases, THRESHOLDS, new Map())).toEqual({ inDomain: 3, outOfDomain: 2, top1: 2, right: 1, wrong: 1, falseAnswers: 1 });
  });

  it('weighs a confident wrong answer by its cost, per question', () => {
    expect(utility({ inDomain: 8, outOfDomain: 2, top1: 7, right: 6, wrong: 1, falseAnswers: 1 }, 2)).toBeCloseTo((6 - 2 * 2) / 10);
    expect(utility({ inDomain: 0, outOfDomain: 0, top1: 0, right: 0, wrong: 0, falseAnswers: 0 }, 2)).toBe(0);
  });

  it('pools tallies by adding every count', () => {
    const a = { inDomain: 3, outOfDomain: 2, top1: 2, right: 1, wrong: 1, falseAnswers: 1 };
    const b = { inDomain: 10, outOfDomain: 4, top1: 9, right: 7, wrong: 0, falseAnswers: 0 };
    expect(pooledTally([a, b])).toEqual({ inDomain: 13, outOfDomain: 6, top1: 11, right: 8, wrong: 1, falseAnswers: 1 });
    expect(pooledTally([])).toEqual({ inDomain: 0, outOfDomain: 0, top1: 0, right: 0, wrong: 0, falseAnswers: 0 });
  });

  it('counts the targets a set misses: answered, answers right, out-of-domain turned away (bounds inclusive)', () => {
    const targets = { confident: 0.9, confidentPrecision: 0.97, outOfDomainRejected: 0.95 };
    // 90 of 100 answered, 88 of 90 right (97.8%), 19 of 20 turned away: every bound met
    expect(targetsMissed({ inDomain: 100, outOfDomain: 20, top1: 95, right: 88, wrong: 2, falseAnswers: 1 }, targets)).toBe(0);
    // 89 answered, 86 of 89 right (96.6%), 18 of 20 turned away: all three missed
    expect(targetsMissed({ inDomain: 100, outOfDomain: 20, top1: 95, right: 86, wrong: 3, falseAnswers: 2 }, targets)).toBe(3);
    // only the answers' rightness: 91 answered, 88 right (96.7%)
    expect(targetsMissed({ inDomain: 100, outOfDomain: 20, top1: 95, right: 88, wrong: 3, falseAnswers: 0 }, targets)).toBe(1);
  });

  it('compares the thresholds in use among the others', () => {
    const grid = thresholdGrid(DEFAULT_THRESHOLDS);
    expect(grid).toContainEqual(DEFAULT_THRESHOLDS);
    expect(new Set(grid.map((t) => t.margin)).size).toBeGreaterThan(5);
    // without the out-of-scope doubt (1: never holds an answer back) among them
    expect(grid).toContainEqual({ ...DEFAULT_THRESHOLDS, outsideDoubt: 1 });
  });
});
