import Fuse, { type IFuseOptions } from 'fuse.js';
import { withinEdits } from './substring-distance.ts';

/** A vocabulary term fuse.js matched, with its fuse.js score (0 = exact). */
export interface TypoHit {
  item: string;
  score: number;
}

/** The fuse.js options of the typo search (with ignoreLocation, Bitap scores a match as errors / pattern length). */
export const TYPO_FUSE_OPTIONS = {
  includeScore: true,
  threshold: 0.3,
  ignoreLocation: true,
  minMatchCharLength: 3,
} as const satisfies IFuseOptions<string>;

/** Longest pattern Bitap searches whole; fuse.js splits longer ones into chunks, which the pre-filter does not model. */
const BITAP_MAX_PATTERN = 32;

/** The most edits fuse.js accepts in a match of a `length`-character pattern (the same errors / length ≤ threshold test). */
export function allowedErrors(length: number, threshold: number): number {
  let errors = 0;
  while ((errors + 1) / length <= threshold) errors++;
  return errors;
}

/** `count` disjoint, contiguous, near-equal pieces that together make up `pattern`. */
export function disjointPieces(pattern: string, count: number): string[] {
  const pieces: string[] = [];
  for (let i = 0; i < count; i++) {
    pieces.push(pattern.slice(Math.floor((i * pattern.length) / count), Math.floor(((i + 1) * pattern.length) / count)));
  }
  return pieces;
}

/**
 * fuse.js typo search over one vocabulary group, pre-filtered: a match has at most k edits (insert, delete, substitute),
 * each breaking at most one of k + 1 disjoint pieces of the pattern, so a match contains one piece verbatim (a cheap
 * test), and some substring of it is within k edits of the pattern (an exact one, run on what the first lets through). Fuse then
 * runs over the survivors in their original order; scores depend only on the term and the item, and ties break by that
 * order, so the hits are those of fuse.js over the whole group.
 */
export class TypoSearch {
  private readonly lowered: string[];
  private whole: Fuse<string> | undefined;

  constructor(private readonly terms: readonly string[]) {
    this.lowered = terms.map((t) => t.toLowerCase());
  }

  /** The best `limit` fuse.js matches of `term`, best first (as fuse.js over the whole group would rank them). */
  search(term: string, limit: number): TypoHit[] {
    const pattern = term.toLowerCase();
    if (pattern.length > BITAP_MAX_PATTERN || !pattern.trim()) {
      this.whole ??= new Fuse(this.terms, TYPO_FUSE_OPTIONS);
      return hits(this.whole, term, limit);
    }
    const errors = allowedErrors(pattern.length, TYPO_FUSE_OPTIONS.threshold);
    const pieces = disjointPieces(pattern, errors + 1);
    const close = withinEdits(pattern, errors);
    const survivors = this.terms.filter((_, i) => {
      const lowered = this.lowered[i] ?? '';
      return pieces.some((piece) => lowered.includes(piece)) && close(lowered);
    });
    return survivors.length === 0 ? [] : hits(new Fuse(survivors, TYPO_FUSE_OPTIONS), term, limit);
  }
}

/** fuse.js's hits as items and scores. */
function hits(fuse: Fuse<string>, term: string, limit: number): TypoHit[] {
  return fuse.search(term, { limit }).map((hit) => ({ item: hit.item, score: hit.score ?? 1 }));
}
