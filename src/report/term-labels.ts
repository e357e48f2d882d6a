import { meaningWords, searchTerms, words } from '../knowledge/danish-text.ts';

/** A run of letters, digits and combining marks as typed (the folded words are read from these). */
const TYPED_WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** One search term of a question and the word it was written as (lower case; a particle verb with its particle). */
export interface TermForm {
  term: string;
  form: string;
}

/**
 * The search terms of a text, each with the word it came from as written. Empty when the typed words cannot be lined
 * up with the folded ones (a character that folds into letters of its own), so the caller falls back to the terms.
 */
export function termForms(text: string): TermForm[] {
  const typed = (text.match(TYPED_WORD) ?? []).flatMap((word) => words(word).map((folded) => ({ folded, written: word.toLowerCase() })));
  const folded = words(text);
  if (typed.length !== folded.length || typed.some((t, i) => t.folded !== folded[i])) return [];
  return meaningWords(text).flatMap((meaning, i) => {
    const [term] = searchTerms(meaning);
    const source = typed[i];
    if (term === undefined || source === undefined) return [];
    // "slå … fra" is read as one word ("slaafra"): its label keeps the particle
    const particle = meaning !== source.folded && meaning.startsWith(source.folded) ? ` ${meaning.slice(source.folded.length)}` : '';
    return [{ term, form: `${source.written}${particle}` }];
  });
}

/** Each term as people wrote it: its most common form in the texts (the first seen on a tie), or the term itself. */
export function termLabels(terms: readonly string[], texts: readonly string[]): string[] {
  const forms = new Map<string, Map<string, number>>();
  for (const text of texts) {
    for (const { term, form } of termForms(text)) {
      const counts = forms.get(term) ?? new Map<string, number>();
      counts.set(form, (counts.get(form) ?? 0) + 1);
      forms.set(term, counts);
    }
  }
  return terms.map((term) => {
    let best: [string, number] = [term, 0];
    for (const entry of forms.get(term) ?? []) if (entry[1] > best[1]) best = entry;
    return best[0];
  });
}
