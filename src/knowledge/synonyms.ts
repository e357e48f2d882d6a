import { foldDanish, stem } from './danish-text.ts';

/** Similarity of a query term to a synonym of it (slightly below an exact match). */
export const SYNONYM_SIMILARITY = 0.9;

/** Folds and stems one synonym member the way query and index terms are normalised. */
export function synonymKey(word: string): string {
  return stem(foldDanish(word.trim()));
}

/**
 * Groups of equivalent terms (incl. English ↔ Danish) from `knowledge/synonyms.yaml`. A query term that belongs to
 * a group also matches every other member of its group. Members are single words, normalised like search terms.
 */
export class Synonyms {
  private readonly groupOf = new Map<string, readonly string[]>();

  constructor(groups: readonly (readonly string[])[] = []) {
    for (const group of groups) {
      const keys = [...new Set(group.map(synonymKey))];
      for (const key of keys) this.groupOf.set(key, keys);
    }
  }

  /** The other members of the term's group (normalised), or none. */
  alternatives(term: string): readonly string[] {
    return (this.groupOf.get(term) ?? []).filter((t) => t !== term);
  }

  /** True when a folded, stemmed word is a synonym member (kept as a search term even if very short). */
  has(term: string): boolean {
    return this.groupOf.has(term);
  }
}
