/** A word typed with an obvious slip, and the known word it was meant to be. */
export interface TypingSlip {
  typed: string;
  meant: string;
}

/** Shorter words are left alone: a swap in a short word too often makes another real word. */
const MIN_SLIP_LETTERS = 5;
const WORD = /\p{L}+/gu;

/** The lower-case words of a text. */
export function lowerCaseWords(text: string): string[] {
  return (text.match(WORD) ?? []).map((w) => w.toLowerCase());
}

/** Repairs of an obvious slip: two neighbouring letters swapped back, or a letter typed three or more times cut to two. */
function obviousRepairs(word: string): Set<string> {
  const repairs = new Set<string>();
  for (let i = 0; i + 1 < word.length; i++) {
    if (word[i] !== word[i + 1]) repairs.add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  }
  const shortened = word.replace(/(\p{L})\1{2,}/gu, '$1$1');
  if (shortened !== word) repairs.add(shortened);
  return repairs;
}

/**
 * The obvious typing slips in `text`: words of five or more letters that `known` (the words the knowledge base uses)
 * lacks and whose one known repair is two neighbouring letters swapped ("kommuen" → "kommune") or a letter typed three
 * times ("kommmune" → "kommune"). Any other unknown word is left alone: names, rare words and inflections the
 * knowledge never uses would be "corrected" wrongly. Words with a capital after the first letter (acronyms) too.
 */
export function findTypingSlips(text: string, known: ReadonlySet<string>): TypingSlip[] {
  const slips = new Map<string, TypingSlip>();
  for (const typed of text.match(WORD) ?? []) {
    const lower = typed.toLowerCase();
    if (typed.length < MIN_SLIP_LETTERS || known.has(lower) || slips.has(typed) || /\p{Lu}/u.test(typed.slice(1))) continue;
    const meant = [...obviousRepairs(lower)].filter((repair) => known.has(repair));
    if (meant.length !== 1) continue;
    const [repair] = meant as [string];
    slips.set(typed, { typed, meant: typed[0] === lower[0] ? repair : (repair[0] ?? '').toUpperCase() + repair.slice(1) });
  }
  return [...slips.values()];
}

/** `text` with every slip's word replaced by the word meant. */
export function correctSlips(text: string, slips: readonly TypingSlip[]): string {
  const meant = new Map(slips.map((s) => [s.typed, s.meant]));
  return text.replace(WORD, (word) => meant.get(word) ?? word);
}
