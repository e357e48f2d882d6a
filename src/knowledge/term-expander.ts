import Fuse from 'fuse.js';

/** A vocabulary term a query term matched, with a similarity in (0,1]. */
export interface TermMatch {
  term: string;
  similarity: number;
}

const COMPOUND_SIMILARITY = 0.8;
const FUZZY_SIMILARITY = 0.85;
const MIN_COMPOUND_LENGTH = 4;
const CACHE_LIMIT = 10_000;

/**
 * Maps a query term onto the index vocabulary: exact matches, compound-word parts (debat ⇄ debatpolitik) and,
 * when nothing exact exists, typo-tolerant matches found with fuse.js (partitioned by first letter for speed).
 */
export class TermExpander {
  private readonly vocabulary: string[];
  private readonly known: Set<string>;
  private readonly fuzzyByInitial = new Map<string, Fuse<string>>();
  private readonly cache = new Map<string, TermMatch[]>();

  constructor(vocabulary: Iterable<string>) {
    this.vocabulary = [...new Set(vocabulary)];
    this.known = new Set(this.vocabulary);
    const groups = new Map<string, string[]>();
    for (const term of this.vocabulary) {
      const initial = term[0] ?? '';
      groups.set(initial, [...(groups.get(initial) ?? []), term]);
    }
    for (const [initial, terms] of groups) {
      this.fuzzyByInitial.set(
        initial,
        new Fuse(terms, { includeScore: true, threshold: 0.3, ignoreLocation: true, minMatchCharLength: 3 }),
      );
    }
  }

  /** Vocabulary terms matching `term`, best first. Empty when the term is unknown to the knowledge base. */
  expand(term: string): TermMatch[] {
    const cached = this.cache.get(term);
    if (cached) return cached;
    const matches = this.compute(term);
    if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(term, matches);
    return matches;
  }

  private compute(term: string): TermMatch[] {
    const found = new Map<string, number>();
    const add = (t: string, similarity: number) => found.set(t, Math.max(found.get(t) ?? 0, similarity));
    if (this.known.has(term)) add(term, 1);
    if (term.length >= MIN_COMPOUND_LENGTH) {
      for (const candidate of this.vocabulary) {
        if (candidate === term || candidate.length < MIN_COMPOUND_LENGTH) continue;
        const [shorter, longer] = candidate.length < term.length ? [candidate, term] : [term, candidate];
        if (shorter.length >= 5 ? longer.includes(shorter) : longer.startsWith(shorter)) {
          add(candidate, COMPOUND_SIMILARITY * Math.sqrt(shorter.length / longer.length));
        }
      }
    }
    if (!this.known.has(term) && term.length >= 4) {
      const fuse = this.fuzzyByInitial.get(term[0] ?? '');
      for (const hit of fuse?.search(term, { limit: 5 }) ?? []) {
        const lengthRatio = Math.min(hit.item.length, term.length) / Math.max(hit.item.length, term.length);
        if (lengthRatio < 0.75) continue;
        add(hit.item, FUZZY_SIMILARITY * (1 - (hit.score ?? 1)));
      }
    }
    return [...found].map(([t, similarity]) => ({ term: t, similarity })).sort((a, b) => b.similarity - a.similarity);
  }
}
