import { describe, expect, it } from 'vitest';
import { answerWithGuide, CLOSE_SHARE } from '../../src/core/answer-with-guide.ts';
import { loadFlowEngine } from '../../src/dialogs/load-flow-engine.ts';
import type { SearchHit } from '../../src/knowledge/search-document.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';

const { knowledge } = await loadKnowledge('./knowledge', loadFlowEngine);
const hit = (kind: 'faq' | 'flow', id: string, score: number): SearchHit => ({ kind, id, score });

describe('answerWithGuide', () => {
  it('answers a guide on top with its own close entry, and offers the guide beside it', () => {
    const results = [hit('flow', 'crisis', 0.786), hit('faq', 'kl-raadgivning', 0.6), hit('faq', 'shitstorm', 0.59)];
    expect(answerWithGuide(results, knowledge)).toEqual({ entryId: 'shitstorm', guideId: 'crisis' });
  });

  it('takes a close entry with no guide of its own when the guide has none close, but not an entry of another guide', () => {
    expect(answerWithGuide([hit('flow', 'crisis', 0.8), hit('faq', 'debatpolitik', 0.7)], knowledge)).toEqual({ entryId: 'debatpolitik', guideId: 'crisis' });
    expect(answerWithGuide([hit('flow', 'crisis', 0.8), hit('faq', 'platform-tiktok', 0.75)], knowledge)).toBeUndefined();
  });

  it('offers the guide alone when no entry is close', () => {
    const below = 0.8 * CLOSE_SHARE - 0.01;
    expect(answerWithGuide([hit('flow', 'crisis', 0.8), hit('faq', 'shitstorm', below)], knowledge)).toBeUndefined();
  });

  it('adds a close guide to an entry on top that has no guide, and leaves an entry with its own guide as it is', () => {
    expect(answerWithGuide([hit('faq', 'debatpolitik', 0.6), hit('flow', 'critical-citizen', 0.5)], knowledge)).toEqual({ entryId: 'debatpolitik', guideId: 'critical-citizen' });
    expect(answerWithGuide([hit('faq', 'shitstorm', 0.6), hit('flow', 'critical-citizen', 0.59)], knowledge)).toBeUndefined();
    expect(answerWithGuide([hit('faq', 'debatpolitik', 0.6), hit('flow', 'critical-citizen', 0.3)], knowledge)).toBeUndefined();
    expect(answerWithGuide([], knowledge)).toBeUndefined();
  });
});
