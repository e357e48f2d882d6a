import { stem } from './danish-text.ts';

/** One known part of a compound word: the part and whether it is the head (last part) of the compound. */
export interface CompoundPart {
  part: string;
  head: boolean;
}

/** Shortest compound part that is matched on its own (shorter parts are too ambiguous: "side", "tid" …). */
export const MIN_PART_LENGTH = 4;

/**
 * Splits a word into two parts at a word-part boundary (with an optional linking -s-/-e-, as in
 * "byrådsmøde"), keeping only parts that are known terms. The head must be known unless `allowModifierOnly`, so
 * "indholdsfortegnelse" does not split to "indhold" + an unknown head. Costs O(word length) set look-ups.
 */
export function splitCompound(word: string, known: ReadonlySet<string>, allowModifierOnly: boolean): CompoundPart[] {
  let best: CompoundPart[] = [];
  let bestScore = 0;
  // the head may be one letter short in the text: a stemmed compound loses the -e a short head keeps alone (see below)
  for (let i = MIN_PART_LENGTH; i <= word.length - MIN_PART_LENGTH + 1; i++) {
    const modifier = word.slice(0, i);
    const rest = word.slice(i);
    const heads = /^[se]/.test(rest) && rest.length - 1 >= MIN_PART_LENGTH ? [rest, rest.slice(1)] : [rest];
    for (const head of heads) {
      // `${head}e`: "side" stays unstemmed alone (too short) but "facebookside" stems to "facebooksid"
      const headTerm = [head, stem(head), `${head}e`].find((h) => known.has(h) && h.length >= MIN_PART_LENGTH);
      const modifierKnown = known.has(modifier);
      if (!headTerm && !(allowModifierOnly && modifierKnown)) continue;
      const parts: CompoundPart[] = [];
      if (modifierKnown) parts.push({ part: modifier, head: false });
      if (headTerm) parts.push({ part: headTerm, head: true });
      const score = parts.reduce((sum, p) => sum + p.part.length, 0) + (parts.length === 2 ? 100 : 0);
      if (score > bestScore) {
        best = parts;
        bestScore = score;
      }
    }
  }
  return best;
}
