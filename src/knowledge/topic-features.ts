import { searchTerms, words } from './danish-text.ts';

/** Letters in a character gram of a word (with a space marking each end). */
const GRAM = 4;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** Starting hashes that keep the three kinds of feature apart. */
const TERM = fnv(FNV_OFFSET, 'w');
const PAIR = fnv(FNV_OFFSET, 'b');
const GRAM_OF_WORD = fnv(FNV_OFFSET, 'c');
const SPACE = 32;

/** Continues an FNV-1a hash over characters `from` up to `to` of `text`. */
function fnv(hash: number, text: string, from = 0, to = text.length): number {
  let h = hash;
  for (let i = from; i < to; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h;
}

/** Continues an FNV-1a hash over one character code. */
function fnvCode(hash: number, code: number): number {
  return Math.imul(hash ^ code, FNV_PRIME);
}

/**
 * The distinct features of a text for the topic classifier, as numbers (32-bit hashes): its search terms
 * (stemmed), pairs of neighbouring terms, and the four-letter grams of its words with their ends marked (which carry
 * typos, compounds and inflections).
 */
export function topicFeatures(text: string): number[] {
  const terms = searchTerms(text);
  const features = new Set<number>();
  for (const term of terms) features.add(fnv(TERM, term) >>> 0);
  for (let i = 0; i + 1 < terms.length; i++) features.add(fnv(fnvCode(fnv(PAIR, terms[i] as string), SPACE), terms[i + 1] as string) >>> 0);
  for (const word of words(text)) {
    // the grams of " word ": position -1 and `word.length` are the spaces
    for (let start = -1; start + GRAM <= word.length + 1; start++) {
      let h = GRAM_OF_WORD;
      for (let i = start; i < start + GRAM; i++) h = fnvCode(h, i < 0 || i >= word.length ? SPACE : word.charCodeAt(i));
      features.add(h >>> 0);
    }
  }
  return [...features];
}

/** A hash of a text's features as a set: the same for the same features in any order. */
export function hashOfFeatures(features: readonly number[]): number {
  let hash = FNV_OFFSET;
  for (const feature of Uint32Array.from(features).sort()) hash = fnvCode(hash, feature);
  return hash >>> 0;
}

/** The features of each class's phrasings (class = index), as the topic models learn from them. */
export type ClassFeatures = readonly (readonly (readonly number[])[])[];

/** `topicFeatures` of every phrasing of every class: computed once for all the models that learn from them. */
export function classFeatures(phrasingsOfClass: readonly (readonly string[])[]): number[][][] {
  return phrasingsOfClass.map((phrasings) => phrasings.map(topicFeatures));
}
