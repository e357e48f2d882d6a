import { foldDanish, searchTerms } from '../knowledge/danish-text.ts';
import { termLabels } from './term-labels.ts';

/** Two questions belong together when their content terms overlap at least this much (Jaccard). */
export const SIMILARITY_THRESHOLD = 0.5;

/** Questions (with whatever was recorded beside them) that share their content terms. */
export interface QuestionCluster<T> {
  items: T[];
  /** The content terms the questions share (folded and stemmed), sorted. */
  terms: string[];
  /** The same terms as people wrote them (each term's most common form in the questions), in the order of `terms`. */
  labels: string[];
}

interface Building<T> {
  terms: Set<string>;
  key: string | undefined;
  shared: Set<string>;
  items: T[];
  texts: string[];
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let both = 0;
  for (const term of a) if (b.has(term)) both++;
  return both / (a.size + b.size - both);
}

/**
 * Groups questions by similarity: a question joins the first group whose first question shares at least
 * SIMILARITY_THRESHOLD of their content terms (Danish folding, stop words and stemming from the search); questions
 * without content terms group by their folded text. Largest groups first, then by their first question.
 */
export function groupQuestions<T>(items: readonly T[], textOf: (item: T) => string): QuestionCluster<T>[] {
  const clusters: Building<T>[] = [];
  for (const item of items) {
    const text = textOf(item);
    const terms = new Set(searchTerms(text));
    const key = terms.size === 0 ? foldDanish(text).trim() : undefined;
    const home = clusters.find((c) => (key !== undefined ? c.key === key : c.key === undefined && jaccard(c.terms, terms) >= SIMILARITY_THRESHOLD));
    if (home) {
      home.items.push(item);
      home.texts.push(text);
      home.shared = new Set([...home.shared].filter((t) => terms.has(t)));
    } else {
      clusters.push({ terms, key, shared: new Set(terms), items: [item], texts: [text] });
    }
  }
  return clusters
    .sort((a, b) => b.items.length - a.items.length || (a.texts[0] ?? '').localeCompare(b.texts[0] ?? ''))
    .map((c) => {
      const terms = [...c.shared].sort();
      return { items: c.items, terms, labels: termLabels(terms, c.texts) };
    });
}
