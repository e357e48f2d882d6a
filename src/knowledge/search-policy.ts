import type { SearchHit } from './search-document.ts';
import type { RankedSearch } from './search-index.ts';

/** What the bot should do with a search: answer the top hit, suggest a few ("Mente du …?"), or admit it has nothing. */
export type SearchDecision = 'answer' | 'suggest' | 'none';

/** A search result with its decision. `confident` is true exactly when the decision is to answer. */
export interface SearchOutcome {
  results: SearchHit[];
  confident: boolean;
  decision: SearchDecision;
}

/** Score thresholds, calibrated on eval/dev.yaml (out-of-domain rejection ≥ 93% there); checked on eval/heldout.yaml. */
export interface SearchThresholds {
  /** Minimum top score to answer directly. */
  confident: number;
  /** Minimum lead of the top hit over the next different hit to answer directly. */
  margin: number;
  /** Minimum score for a hit to be offered as a suggestion. */
  suggest: number;
}

/** The calibrated thresholds in use. */
export const DEFAULT_THRESHOLDS: SearchThresholds = { confident: 0.52, margin: 0.02, suggest: 0.3 };

/** Applies the thresholds to ranked hits. */
export function decide(ranked: RankedSearch, thresholds: SearchThresholds = DEFAULT_THRESHOLDS): SearchOutcome {
  const { hits } = ranked;
  const [top, second] = hits;
  if (!top || top.score < thresholds.suggest) return { results: [...hits], confident: false, decision: 'none' };
  const lead = top.score - (second?.score ?? 0);
  if (top.score >= thresholds.confident && lead >= thresholds.margin) {
    return { results: [...hits], confident: true, decision: 'answer' };
  }
  return { results: [...hits], confident: false, decision: 'suggest' };
}
