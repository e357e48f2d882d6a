import { foldDanish, searchTerms } from '../knowledge/danish-text.ts';
import type { UnansweredGroup } from './report-types.ts';

/** Two questions belong together when their content terms overlap at least this much (Jaccard). */
export const SIMILARITY_THRESHOLD = 0.5;
const MAX_EXAMPLES = 5;

interface Cluster {
  terms: Set<string>;
  shared: Set<string>;
  questions: string[];
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let both = 0;
  for (const term of a) if (b.has(term)) both++;
  return both / (a.size + b.size - both);
}

/**
 * Groups unanswered questions by similarity: a question joins the first group whose first question shares at least
 * SIMILARITY_THRESHOLD of their content terms (Danish folding, stop words and stemming from the search); questions
 * without content terms group by their folded text. Largest groups first.
 */
export function groupUnanswered(questions: readonly string[]): UnansweredGroup[] {
  const clusters: Cluster[] = [];
  for (const question of questions) {
    const terms = new Set(searchTerms(question));
    const key = terms.size === 0 ? foldDanish(question).trim() : undefined;
    const home = clusters.find((c) =>
      key !== undefined ? c.terms.size === 0 && foldDanish(c.questions[0] ?? '').trim() === key : jaccard(c.terms, terms) >= SIMILARITY_THRESHOLD,
    );
    if (home) {
      home.questions.push(question);
      home.shared = new Set([...home.shared].filter((t) => terms.has(t)));
    } else {
      clusters.push({ terms, shared: new Set(terms), questions: [question] });
    }
  }
  return clusters
    .map((c) => ({ count: c.questions.length, terms: [...c.shared].sort(), examples: [...new Set(c.questions)].slice(0, MAX_EXAMPLES) }))
    .sort((a, b) => b.count - a.count || (a.examples[0] ?? '').localeCompare(b.examples[0] ?? ''));
}
