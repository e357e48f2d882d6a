import { searchTerms } from '../src/knowledge/danish-text.ts';
import type { FaqEntry } from '../src/knowledge/faq-schema.ts';

/** Heaps' law exponent of the real entries (distinct terms ∝ tokens^β, fitted over the entries in file order). */
const HEAPS_BETA = 0.63;

/** A small seeded PRNG (mulberry32), so every run generates the same knowledge base. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `size` FAQ entries made from the real ones: fresh ids, paraphrases shuffled and perturbed, words mixed in from other
 * entries, and new compound words (two real words, as Danish forms them: "borger" + "møde") so the vocabulary grows
 * with the size as it would: ~40,000 terms at 5,000 entries, what Heaps' law fitted on the real entries predicts.
 */
export function generateEntries(real: readonly FaqEntry[], size: number, seed = 42): FaqEntry[] {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const vocabulary = real.flatMap((e) => [...e.questions, e.title].join(' ').split(/\s+/)).filter((w) => w.length > 3);
  const parts = [...new Set(vocabulary.map((w) => w.toLowerCase()).filter((w) => /^[a-zæøå]{4,}$/.test(w)))];
  const realTerms = new Set(real.flatMap((e) => searchTerms([e.title, ...e.questions, ...e.keywords, e.answer].join(' ')))).size;
  const coined: string[] = [];
  let entry = 0;
  // coin a fresh compound while fewer than Heaps' law allows after `entry` entries, else reuse one coined before
  const newWord = () => {
    const allowed = realTerms * ((entry + 1) / real.length) ** HEAPS_BETA - realTerms;
    if (coined.length > 0 && coined.length >= allowed) return pick(coined);
    const word = `${pick(parts)}${rnd() < 0.3 ? 's' : ''}${pick(parts)}`;
    coined.push(word);
    return word;
  };
  const perturb = (sentence: string) => {
    const words = sentence.split(/\s+/);
    for (let i = words.length - 1; i > 0; i--) {
      if (rnd() < 0.3) {
        const j = Math.floor(rnd() * (i + 1));
        [words[i], words[j]] = [words[j] as string, words[i] as string];
      }
      if (rnd() < 0.15) words[i] = pick(vocabulary);
    }
    words.push(newWord());
    return words.join(' ');
  };
  return Array.from({ length: size }, (_, i) => {
    entry = i;
    const base = real[i % real.length] as FaqEntry;
    if (i < real.length) return base;
    const other = pick(real);
    const extra = newWord();
    return {
      ...base,
      id: `${base.id}-v${i}`,
      title: `${base.title} ${extra}`,
      questions: base.questions.map(perturb),
      keywords: [...base.keywords, extra],
      answer: `${base.answer}\n\n${other.answer.split('\n')[0] ?? ''} ${newWord()} ${newWord()}`,
      related: [],
      flow: undefined,
    };
  });
}
