import type { FaqEntry } from '../src/knowledge/faq-schema.ts';

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

const SYLLABLES = ['bor', 'ger', 'sag', 'kom', 'mu', 'ne', 'vel', 'færd', 'plan', 'lov', 'skole', 'dag', 'tids', 'råd', 'hus', 'by', 'vej', 'natur', 'kultur', 'sund', 'hed', 'drift', 'pleje', 'ung'];

/**
 * `size` FAQ entries made from the real ones: fresh ids, paraphrases shuffled and perturbed, words mixed in from other
 * entries, and new compound words (made of Danish syllables) so the vocabulary grows with the size as it would.
 */
export function generateEntries(real: readonly FaqEntry[], size: number, seed = 42): FaqEntry[] {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const vocabulary = real.flatMap((e) => [...e.questions, e.title].join(' ').split(/\s+/)).filter((w) => w.length > 3);
  const newWord = () => Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => pick(SYLLABLES)).join('');
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
