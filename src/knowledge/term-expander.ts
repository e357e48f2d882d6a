import { BoundedCache } from '../shared/bounded-cache.ts';
import { splitCompound } from './compound-splitter.ts';
import { SYNONYM_SIMILARITY, Synonyms } from './synonyms.ts';
import { TypoSearch } from './typo-search.ts';

/** A vocabulary term a query term matched, with a similarity in (0,1]. */
export interface TermMatch {
  term: string;
  similarity: number;
}

const COMPOUND_SIMILARITY = 0.8;
const FUZZY_SIMILARITY = 0.85;
const CACHE_LIMIT = 10_000;
/**
 * Most vocabulary terms one query term matches, the closest kept: a common word is part of ever more compounds as the
 * knowledge grows ("chef" of ~900 at 5,000 entries), and the far ones add little but cost a posting scan each.
 */
const MAX_MATCHES = 40;

/** Adds `value` to the list under `key` (in place: copying the list on each add made building the index quadratic). */
function appendTo(lists: Map<string, string[]>, key: string, value: string): void {
  const list = lists.get(key);
  if (list) list.push(value);
  else lists.set(key, [value]);
}

/**
 * Maps a query term onto the index vocabulary: exact matches, synonyms (knowledge/synonyms.yaml), compound-word
 * parts at word-part boundaries (debat ⇄ debatpolitik, facebookside → facebook + side) and, when the term itself is
 * unknown, typo-tolerant matches found with fuse.js (partitioned by first letter, pre-filtered by TypoSearch). Results
 * are cached per term; compounds are looked up in a part index built once, so no query scans the vocabulary.
 */
export class TermExpander {
  private readonly known: Set<string>;
  private readonly compoundsByPart = new Map<string, string[]>();
  private readonly fuzzyByInitial = new Map<string, TypoSearch>();
  private readonly cache = new BoundedCache<string, TermMatch[]>(CACHE_LIMIT);

  constructor(
    vocabulary: Iterable<string>,
    private readonly synonyms: Synonyms = new Synonyms(),
  ) {
    this.known = new Set(vocabulary);
    const groups = new Map<string, string[]>();
    for (const term of this.known) {
      appendTo(groups, term[0] ?? '', term);
      for (const { part } of splitCompound(term, this.known, true)) appendTo(this.compoundsByPart, part, term);
    }
    for (const [initial, terms] of groups) this.fuzzyByInitial.set(initial, new TypoSearch(terms));
  }

  /** Vocabulary terms matching `term`, best first. Empty when the term is unknown to the knowledge base. */
  expand(term: string): TermMatch[] {
    const cached = this.cache.get(term);
    if (cached) return cached;
    const found = new Map<string, number>();
    const add = (matches: TermMatch[], factor: number) => {
      for (const m of matches) found.set(m.term, Math.max(found.get(m.term) ?? 0, m.similarity * factor));
    };
    add(this.direct(term), 1);
    for (const alternative of this.synonyms.alternatives(term)) add(this.direct(alternative), SYNONYM_SIMILARITY);
    if (!this.known.has(term)) add(this.fuzzy(term), 1);
    const matches = [...found]
      .map(([t, similarity]) => ({ term: t, similarity }))
      .sort((a, b) => b.similarity - a.similarity)
      .slice(0, MAX_MATCHES);
    this.cache.set(term, matches);
    return matches;
  }

  /** Exact and compound matches of one term. */
  private direct(term: string): TermMatch[] {
    const matches: TermMatch[] = [];
    if (this.known.has(term)) matches.push({ term, similarity: 1 });
    for (const { part } of splitCompound(term, this.known, false)) {
      matches.push({ term: part, similarity: COMPOUND_SIMILARITY * Math.sqrt(part.length / term.length) });
    }
    for (const compound of this.compoundsByPart.get(term) ?? []) {
      matches.push({ term: compound, similarity: COMPOUND_SIMILARITY * Math.sqrt(term.length / compound.length) });
    }
    return matches;
  }

  /** Typo-tolerant matches of a term that has no exact, synonym or compound match. */
  private fuzzy(term: string): TermMatch[] {
    if (term.length < 4) return [];
    const matches: TermMatch[] = [];
    for (const hit of this.fuzzyByInitial.get(term[0] ?? '')?.search(term, 5) ?? []) {
      const lengthRatio = Math.min(hit.item.length, term.length) / Math.max(hit.item.length, term.length);
      if (lengthRatio >= 0.75) matches.push({ term: hit.item, similarity: FUZZY_SIMILARITY * (1 - hit.score) });
    }
    return matches;
  }
}
